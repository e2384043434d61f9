import type { Executor } from "@ita/db";
import { disclosureEntries, frameworkItems, frameworks } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { validateFramework, type FrameworkDefinition } from "@ita/domain/frameworks";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { fieldError } from "../authz/field-error.ts";
import type { StaffContext } from "../authz/procedures.ts";

export type FrameworkRow = typeof frameworks.$inferSelect;
export type FrameworkItemRow = typeof frameworkItems.$inferSelect;

/** In use: an entry was made under this version (ADR 0022), so it is never edited in place. */
export async function frameworkInUse(db: Executor, frameworkId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: disclosureEntries.id })
    .from(disclosureEntries)
    .where(eq(disclosureEntries.frameworkId, frameworkId))
    .limit(1);
  return Boolean(row);
}

export async function loadFramework(db: Executor, frameworkId: string) {
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.id, frameworkId));
  if (!framework) throw new DomainError("NOT_FOUND", `framework ${frameworkId}`);
  const items = await db
    .select()
    .from(frameworkItems)
    .where(eq(frameworkItems.frameworkId, frameworkId))
    .orderBy(asc(frameworkItems.sortOrder), asc(frameworkItems.code));
  return { framework, items };
}

/** Item rows of one framework copied to another (ids are new, everything else kept). */
export async function copyItems(
  tx: Executor,
  items: readonly FrameworkItemRow[],
  frameworkId: string,
  change: (item: FrameworkItemRow) => Partial<FrameworkItemRow> = () => ({}),
) {
  if (items.length === 0) return;
  await tx.insert(frameworkItems).values(
    items.map(({ id: _id, ...item }) => ({
      ...item,
      ...change({ id: _id, ...item }),
      frameworkId,
    })),
  );
}

/**
 * Refuses a framework that is not usable: the domain's checks (codes, tags, categories,
 * grading scheme) and no second current framework for the same year and agency type.
 * Raised as a field error so the form shows it; Thai first, English alongside.
 */
export async function assertUsable(tx: Executor, frameworkId: string): Promise<void> {
  const { framework, items } = await loadFramework(tx, frameworkId);
  const problems = validateFramework({
    ...framework,
    items: items.map((i) => ({ ...i, categories: i.categories })),
  } as unknown as FrameworkDefinition);
  const others = await tx
    .select({ key: frameworks.key, agencyTypes: frameworks.agencyTypes })
    .from(frameworks)
    .where(
      and(
        eq(frameworks.fiscalYear, framework.fiscalYear),
        isNull(frameworks.supersededAt),
        ne(frameworks.key, framework.key),
      ),
    );
  const clash = others.find((o) => o.agencyTypes.some((t) => framework.agencyTypes.includes(t)));
  if (clash)
    throw fieldError(
      "fiscalYear",
      `ปีงบประมาณ ${framework.fiscalYear} มีเกณฑ์ ${clash.key} สำหรับหน่วยงานประเภทเดียวกันอยู่แล้ว`,
      `Fiscal year ${framework.fiscalYear} already has framework ${clash.key} for the same agency types`,
    );
  if (problems.length)
    throw fieldError(
      "framework",
      `เกณฑ์ยังไม่ถูกต้อง: ${problems.join("; ")}`,
      `The framework is not valid: ${problems.join("; ")}`,
    );
}

/**
 * The one way to change a framework (ADR 0022). A version no entry points at is changed
 * in place; a version in use is first copied to the next version of the same key, which
 * applies from now on, while the old one stays as it was (`supersededAt` set) for the
 * entries made under it. Superseded versions are never changed. Checked, stamped and
 * audited; returns the id of the version that now holds the change.
 */
export async function editFramework(
  ctx: StaffContext,
  frameworkId: string,
  audit: { action: string; after: unknown },
  change: (tx: Executor, targetId: string) => Promise<void>,
): Promise<{ frameworkId: string; version: number; versioned: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const { framework, items } = await loadFramework(tx, frameworkId);
    if (framework.supersededAt)
      throw fieldError(
        "framework",
        `เกณฑ์ฉบับนี้ (ฉบับที่ ${framework.version}) ถูกแทนที่แล้ว โปรดแก้ไขฉบับปัจจุบัน`,
        `This is version ${framework.version}, which has been replaced: edit the current version`,
      );
    const now = ctx.now();
    let target = framework;
    const versioned = await frameworkInUse(tx, framework.id);
    if (versioned) {
      await tx.update(frameworks).set({ supersededAt: now }).where(eq(frameworks.id, framework.id));
      const { id: _id, ...rest } = framework;
      const [next] = await tx
        .insert(frameworks)
        .values({
          ...rest,
          version: framework.version + 1,
          previousVersionId: framework.id,
          supersededAt: null,
          createdAt: now,
        })
        .returning();
      target = next!;
      await copyItems(tx, items, target.id);
    }
    await change(tx, target.id);
    await tx
      .update(frameworks)
      .set({ editedAt: now, editedBy: ctx.user.id })
      .where(eq(frameworks.id, target.id));
    await assertUsable(tx, target.id);
    await recordAudit(tx, {
      action: audit.action,
      actor: ctx.user,
      targetType: "framework",
      targetId: target.id,
      before: versioned ? { frameworkId: framework.id, version: framework.version } : null,
      after: { key: target.key, version: target.version, versioned, ...(audit.after as object) },
      request: ctx.request,
    });
    return { frameworkId: target.id, version: target.version, versioned };
  });
}
