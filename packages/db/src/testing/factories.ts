import { createHash } from "node:crypto";
import { hashPassword } from "@ita/auth/password";
import type { Role } from "@ita/domain/roles";
import { eq } from "drizzle-orm";
import type { Executor } from "../client.ts";
import {
  agencies,
  attachments,
  disclosureEntries,
  disclosureVersions,
  districts,
  entryEvents,
  provinces,
  roleAssignments,
  users,
} from "../schema/index.ts";
import { refreshSearchDocument } from "../search/index-entry.ts";

// Test data builders: each call makes fresh, unique rows, so tests never share fixtures.
let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export async function createProvince(
  db: Executor,
  overrides: Partial<typeof provinces.$inferInsert> = {},
) {
  const n = next();
  const [row] = await db
    .insert(provinces)
    .values({
      slug: `province-${n}`,
      nameTh: `จังหวัดทดสอบ ${n}`,
      nameEn: `Province ${n}`,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function createAgency(
  db: Executor,
  overrides: Partial<typeof agencies.$inferInsert> = {},
) {
  const provinceId = overrides.provinceId ?? (await createProvince(db)).id;
  const n = next();
  const [district] = overrides.districtId
    ? [{ id: overrides.districtId }]
    : await db
        .insert(districts)
        .values({
          provinceId,
          slug: `district-${n}`,
          nameTh: `อำเภอทดสอบ ${n}`,
          nameEn: `District ${n}`,
        })
        .returning();
  const [row] = await db
    .insert(agencies)
    .values({
      slug: `agency-${n}`,
      nameTh: `องค์การบริหารส่วนตำบลทดสอบ ${n}`,
      type: "sao",
      provinceId,
      districtId: district!.id,
      ...overrides,
    })
    .returning();
  return row!;
}

export interface RoleSpec {
  role: Role;
  agencyId?: string;
  provinceId?: string;
}

export async function createUser(
  db: Executor,
  options: { roles?: RoleSpec[]; isSystemAdmin?: boolean; password?: string; email?: string } = {},
) {
  const n = next();
  const password = options.password ?? `test-password-${n}`;
  const [row] = await db
    .insert(users)
    .values({
      email: options.email ?? `user-${n}@test.example`,
      displayName: `ผู้ใช้ทดสอบ ${n}`,
      passwordHash: await hashPassword(password),
      isSystemAdmin: options.isSystemAdmin ?? false,
    })
    .returning();
  if (options.roles?.length) {
    await db.insert(roleAssignments).values(options.roles.map((r) => ({ ...r, userId: row!.id })));
  }
  return { ...row!, password };
}

export interface PublicEntrySpec {
  agencyId: string;
  fiscalYear: number;
  itemCode: string;
  title?: string;
  descriptionHtml?: string;
  links?: { url: string; label?: string }[];
  /** Default: one hour ago. A future time makes a scheduled, not yet public, entry. */
  publishedAt?: Date | null;
  withdrawn?: { at: Date; reason: string };
  files?: { fileName: string; contentType: string; bytes: Uint8Array; extractedText?: string }[];
}

/**
 * A disclosure entry with one version (published unless `publishedAt: null`), its
 * attachments (stored with their real SHA-256; pass a file store to keep the bytes)
 * and its search row, as the publishing use cases leave them.
 */
export async function createPublicEntry(
  db: Executor,
  spec: PublicEntrySpec,
  store?: { put(bytes: Uint8Array): Promise<{ key: string; sha256: string; size: number }> },
) {
  const entryId = crypto.randomUUID();
  const versionId = crypto.randomUUID();
  const publishedAt =
    spec.publishedAt === undefined ? new Date(Date.now() - 3600_000) : spec.publishedAt;
  const published = publishedAt !== null;
  await db.insert(disclosureEntries).values({
    id: entryId,
    agencyId: spec.agencyId,
    fiscalYear: spec.fiscalYear,
    itemCode: spec.itemCode,
    state: spec.withdrawn ? "withdrawn" : published ? "published" : "draft",
    currentVersionId: versionId,
    publishedVersionId: published ? versionId : null,
    publishedAt,
    withdrawnAt: spec.withdrawn?.at ?? null,
    withdrawnReason: spec.withdrawn?.reason ?? null,
  });
  await db.insert(disclosureVersions).values({
    id: versionId,
    entryId,
    versionNo: 1,
    title: spec.title ?? `เอกสาร ${spec.itemCode} ปี ${spec.fiscalYear}`,
    descriptionHtml: spec.descriptionHtml ?? "",
    links: spec.links ?? [],
  });
  const files = [];
  for (const f of spec.files ?? []) {
    const stored = store ? await store.put(f.bytes) : null;
    const sha256 = stored?.sha256 ?? createHash("sha256").update(f.bytes).digest("hex");
    const [row] = await db
      .insert(attachments)
      .values({
        entryId,
        versionId,
        fileName: f.fileName,
        contentType: f.contentType,
        sizeBytes: f.bytes.byteLength,
        sha256,
        storageKey: sha256,
        extractedText: f.extractedText ?? null,
      })
      .returning();
    files.push(row!);
  }
  await refreshSearchDocument(db, entryId);
  return { entryId, versionId, attachments: files };
}

/**
 * A disclosure entry with one version in the given workflow state, written by
 * `authorId`. Published entries get publishedVersionId/publishedAt set (no search row).
 */
export async function createDisclosureEntry(
  db: Executor,
  options: {
    agencyId: string;
    authorId: string;
    fiscalYear?: number;
    itemCode?: string;
    state?: "draft" | "submitted" | "returned" | "published" | "withdrawn";
    title?: string;
    /** Stored HTML only (as imported rows have), no typed source. */
    descriptionHtml?: string;
    period?: number | null;
    publishedAt?: Date;
  },
) {
  const state = options.state ?? "draft";
  const published = state === "published" || state === "withdrawn";
  const publishedAt = published ? (options.publishedAt ?? new Date("2025-01-15T03:00:00Z")) : null;
  const [entry] = await db
    .insert(disclosureEntries)
    .values({
      agencyId: options.agencyId,
      fiscalYear: options.fiscalYear ?? 2568,
      itemCode: options.itemCode ?? "O1",
      period: options.period ?? null,
      state,
      publishedAt,
      withdrawnAt: state === "withdrawn" ? publishedAt : null,
      withdrawnReason: state === "withdrawn" ? "ทดสอบ" : null,
      createdBy: options.authorId,
    })
    .returning();
  const [version] = await db
    .insert(disclosureVersions)
    .values({
      entryId: entry!.id,
      versionNo: 1,
      title: options.title ?? `รายการทดสอบ ${next()}`,
      ...(options.descriptionHtml === undefined
        ? {}
        : { descriptionHtml: options.descriptionHtml }),
      authorId: options.authorId,
    })
    .returning();
  await db
    .update(disclosureEntries)
    .set({ currentVersionId: version!.id, publishedVersionId: published ? version!.id : null })
    .where(eq(disclosureEntries.id, entry!.id));
  await db.insert(entryEvents).values({
    entryId: entry!.id,
    versionId: version!.id,
    action: "created",
    actorId: options.authorId,
  });
  return {
    ...entry!,
    currentVersionId: version!.id,
    publishedVersionId: published ? version!.id : null,
    version: version!,
  };
}
