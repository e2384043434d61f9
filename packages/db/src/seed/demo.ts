import { generatePassword, hashPassword } from "@ita/auth/password";
import {
  expectedCount,
  ITA_2566,
  periodLabel,
  selectFramework,
  type FrameworkDefinition,
} from "@ita/domain/frameworks";
import { fiscalYearRangeDates } from "@ita/domain/fiscal-year";
import { moveDeadline } from "@ita/domain/review-plan";
import { gradingSchemeForYear } from "@ita/domain/results";
import { count } from "drizzle-orm";
import type { Executor } from "../client.ts";
import {
  agencies,
  agencyExecutives,
  disclosureEntries,
  disclosureVersions,
  districts,
  integrityMeasureProgress,
  integrityMeasures,
  itaResults,
  provinceResultTargets,
  provinceReviewRounds,
  provinces,
  roleAssignments,
  users,
} from "../schema/index.ts";
import { rebuildSearchDocuments } from "../search/index-entry.ts";
import {
  DEMO_AGENCIES,
  DEMO_PROVINCE_TARGETS,
  DEMO_PROVINCES,
  DEMO_YEARS,
  executiveTitles,
  LAMPHUN_MEASURES_2568,
  LAMPHUN_REVIEW_PLAN_2566,
} from "./demo-data.ts";
import { assignEntryFrameworks, seedReferenceData } from "./frameworks.ts";

export interface DemoAccount {
  email: string;
  password: string;
  description: string;
}

/** Deterministic pseudo-random numbers so the demo looks the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function hasAnyAgency(db: Executor): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(agencies);
  return (row?.n ?? 0) > 0;
}

interface EntryRow {
  entry: typeof disclosureEntries.$inferInsert;
  version: typeof disclosureVersions.$inferInsert;
}

/**
 * The demo entries of one agency: published items per year, one entry for an item
 * asked for once and one per month for a monthly item (O21), as its cadence says.
 */
export function demoEntries(
  agency: { id: string; nameTh: string },
  frameworks: readonly FrameworkDefinition[],
  agencyType: string,
  rand: () => number,
  now: Date,
): EntryRow[] {
  const rows: EntryRow[] = [];
  for (const [fyText, share] of Object.entries(DEMO_YEARS)) {
    const fy = Number(fyText);
    const selected = selectFramework(frameworks, fy, agencyType);
    if (!selected) continue;
    const { start } = fiscalYearRangeDates(fy);
    const yearMs = 365 * 24 * 3600 * 1000;
    for (const item of selected.framework.items) {
      if (rand() > share) continue;
      const copies = expectedCount(item.cadence);
      for (let month = 0; month < copies; month++) {
        const offset =
          copies > 1 ? (month + 1) * (yearMs / copies) + 5 * 86400000 : rand() * yearMs * 0.9;
        const publishedAt = new Date(start.getTime() + offset);
        if (publishedAt > now) continue;
        const title =
          copies > 1
            ? `${item.titleTh.replace(/(รายเดือน|รายไตรมาส)$/, "")} ประจำ${periodLabel(item.cadence, month + 1, fy)}`
            : `${item.titleTh} ประจำปีงบประมาณ พ.ศ. ${fy}`;
        const entryId = crypto.randomUUID();
        const versionId = crypto.randomUUID();
        rows.push({
          entry: {
            id: entryId,
            agencyId: agency.id,
            fiscalYear: fy,
            itemCode: item.code,
            period: copies > 1 ? month + 1 : null,
            state: "published",
            currentVersionId: versionId,
            publishedVersionId: versionId,
            publishedAt,
            createdAt: publishedAt,
            updatedAt: publishedAt,
          },
          version: {
            id: versionId,
            entryId,
            versionNo: 1,
            title,
            descriptionHtml: `<p>${agency.nameTh} เผยแพร่${item.titleTh} ประจำปีงบประมาณ พ.ศ. ${fy} เพื่อให้ประชาชนตรวจสอบได้ ตามมาตรการเปิดเผยข้อมูลต่อสาธารณะและการป้องกันการทุจริตและประพฤติมิชอบ</p>`,
            links: [],
            createdAt: publishedAt,
          },
        });
      }
    }
  }
  return rows;
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Fills an empty database with the demo agencies, their disclosures and five demo
 * accounts whose passwords are generated now (returned to be shown once, never stored
 * in the repository).
 */
export async function seedDemo(db: Executor, now = new Date()): Promise<DemoAccount[]> {
  await seedReferenceData(db);
  const provinceIds = new Map<string, string>();
  const districtIds = new Map<string, string>();
  for (const p of DEMO_PROVINCES) {
    const [row] = await db
      .insert(provinces)
      .values({ slug: p.slug, nameTh: p.nameTh, nameEn: p.nameEn })
      .returning();
    provinceIds.set(p.slug, row!.id);
    const inserted = await db
      .insert(districts)
      .values(p.districts.map((d) => ({ ...d, provinceId: row!.id })))
      .returning();
    for (const d of inserted) districtIds.set(d.slug, d.id);
  }

  for (const t of DEMO_PROVINCE_TARGETS)
    await db.insert(provinceResultTargets).values({
      provinceId: provinceIds.get(t.province)!,
      fiscalYear: t.fiscalYear,
      passTarget: t.passTarget,
    });

  const rand = mulberry32(2566);
  const agencyIds = new Map<string, string>();
  const entryRows: EntryRow[] = [];
  for (const a of DEMO_AGENCIES) {
    const [row] = await db
      .insert(agencies)
      .values({
        slug: a.slug,
        nameTh: a.nameTh,
        nameEn: a.nameEn,
        type: a.type,
        provinceId: provinceIds.get(a.province)!,
        districtId: districtIds.get(a.district)!,
        address: `ที่ทำการ${a.nameTh} (ที่อยู่ตัวอย่าง)`,
        phone: "0-0000-0000",
        email: `saraban@${a.slug}.example.go.th`,
        website: `https://${a.slug}.example.go.th`,
        socialLinks: [{ label: "Facebook", url: `https://facebook.example/${a.slug}` }],
      })
      .returning({ id: agencies.id });
    agencyIds.set(a.slug, row!.id);
    const [head, deputy] = executiveTitles(a.type, a.nameTh);
    await db.insert(agencyExecutives).values([
      { agencyId: row!.id, name: "ผู้บริหารตัวอย่าง", positionTh: head, sortOrder: 0 },
      { agencyId: row!.id, name: "ปลัดตัวอย่าง", positionTh: deputy, sortOrder: 1 },
    ]);
    for (const [fy, r] of Object.entries(a.results)) {
      const fiscalYear = Number(fy);
      await db.insert(itaResults).values({
        agencyId: row!.id,
        fiscalYear,
        total: r.total,
        gradingScheme: gradingSchemeForYear(fiscalYear),
        grade: r.grade,
        iit: r.iit ?? null,
        eit: r.eit ?? null,
        oit: r.oit ?? null,
        indicators: r.indicators ?? null,
      });
    }
    entryRows.push(
      ...demoEntries({ id: row!.id, nameTh: a.nameTh }, [ITA_2566], a.type, rand, now),
    );
  }
  await insertChunked(entryRows, 500, (chunk) =>
    db.insert(disclosureEntries).values(chunk.map((r) => r.entry)),
  );
  await insertChunked(entryRows, 500, (chunk) =>
    db.insert(disclosureVersions).values(chunk.map((r) => r.version)),
  );
  await assignEntryFrameworks(db);
  await rebuildSearchDocuments(db);
  // Lamphun's plan of 2566, and the same rounds moved to each later demo year.
  const plan = LAMPHUN_REVIEW_PLAN_2566;
  await db.insert(provinceReviewRounds).values(
    Object.keys(DEMO_YEARS)
      .map(Number)
      .filter((fy) => fy >= plan.fiscalYear)
      .flatMap((fy) =>
        plan.rounds.map((r) => ({
          provinceId: provinceIds.get(plan.province)!,
          fiscalYear: fy,
          number: r.number,
          titleTh: r.titleTh,
          deadline: moveDeadline(r.deadline, plan.fiscalYear, fy),
          itemCodes: [...r.itemCodes],
        })),
      ),
  );
  await seedDemoMeasures(db, agencyIds);
  return seedDemoAccounts(
    db,
    agencyIds.get("lamphun")!,
    provinceIds.get("lamphun")!,
    agencyIds.get("lao-yao-sao")!,
  );
}

/** Lamphun's 2568 weak points, measures and progress (docs/domain.md §9). */
async function seedDemoMeasures(db: Executor, agencyIds: Map<string, string>) {
  const plan = LAMPHUN_MEASURES_2568;
  for (const [i, { progress, ...m }] of plan.measures.entries()) {
    const [row] = await db
      .insert(integrityMeasures)
      .values({
        agencyId: agencyIds.get(plan.agency)!,
        fiscalYear: plan.fiscalYear,
        ...m,
        steps: [...m.steps],
        sortOrder: i + 1,
      })
      .returning({ id: integrityMeasures.id });
    if (progress.length > 0)
      await db
        .insert(integrityMeasureProgress)
        .values(progress.map((p) => ({ measureId: row!.id, ...p })));
  }
}

async function seedDemoAccounts(
  db: Executor,
  agencyId: string,
  provinceId: string,
  /** A second agency with a complaint officer: somewhere to forward a complaint to (ADR 0027). */
  secondAgencyId: string,
): Promise<DemoAccount[]> {
  const specs: Array<{
    email: string;
    displayName: string;
    isSystemAdmin?: boolean;
    roles: Array<Omit<typeof roleAssignments.$inferInsert, "userId">>;
    description: string;
  }> = [
    {
      email: "admin@example.go.th",
      displayName: "ผู้ดูแลระบบ",
      isSystemAdmin: true,
      roles: [],
      description: "ผู้ดูแลระบบ (system administrator)",
    },
    {
      email: "agency-admin@example.go.th",
      displayName: "ผู้ดูแลข้อมูลหน่วยงาน จังหวัดลำพูน",
      roles: [{ role: "agency-admin", agencyId }],
      description: "ผู้ดูแลหน่วยงาน จังหวัดลำพูน (agency administrator)",
    },
    {
      email: "editor@example.go.th",
      displayName: "เจ้าหน้าที่จัดทำข้อมูล จังหวัดลำพูน",
      roles: [{ role: "editor", agencyId }],
      description: "ผู้จัดทำข้อมูล จังหวัดลำพูน (editor)",
    },
    {
      email: "approver@example.go.th",
      displayName: "ผู้อนุมัติ จังหวัดลำพูน",
      roles: [{ role: "approver", agencyId }],
      description: "ผู้อนุมัติเผยแพร่ จังหวัดลำพูน (approver)",
    },
    {
      email: "officer@example.go.th",
      displayName: "เจ้าหน้าที่รับเรื่องร้องเรียน",
      roles: [{ role: "complaint-officer", agencyId }],
      description: "เจ้าหน้าที่เรื่องร้องเรียน (complaint officer)",
    },
    {
      email: "officer2@example.go.th",
      displayName: "เจ้าหน้าที่รับเรื่องร้องเรียน อบต.เหล่ายาว",
      roles: [{ role: "complaint-officer", agencyId: secondAgencyId }],
      description: "เจ้าหน้าที่เรื่องร้องเรียน อบต.เหล่ายาว (complaint officer of a second agency)",
    },
    {
      email: "coordinator@example.go.th",
      displayName: "ผู้ประสานงานจังหวัดลำพูน",
      roles: [{ role: "province-coordinator", provinceId }],
      description: "ผู้ประสานงานจังหวัด (province coordinator)",
    },
  ];
  const accounts: DemoAccount[] = [];
  for (const spec of specs) {
    const password = generatePassword();
    const [user] = await db
      .insert(users)
      .values({
        email: spec.email,
        displayName: spec.displayName,
        passwordHash: await hashPassword(password),
        isSystemAdmin: spec.isSystemAdmin ?? false,
      })
      .returning({ id: users.id });
    if (spec.roles.length > 0) {
      await db.insert(roleAssignments).values(spec.roles.map((r) => ({ ...r, userId: user!.id })));
    }
    accounts.push({ email: spec.email, password, description: spec.description });
  }
  return accounts;
}
