import { frameworks } from "@ita/db/schema";
import { shiftYear } from "@ita/domain/frameworks";
import { CopyFrameworkInput } from "@ita/domain/schemas";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { fieldError } from "../authz/field-error.ts";
import type { StaffContext } from "../authz/procedures.ts";
import { assertUsable, copyItems, loadFramework } from "./edit-framework.ts";

/**
 * "Copy last year's": a new framework for the next (or the given) fiscal year with the
 * source's items, grading scheme and agency types. Years in its key and titles move to
 * the new year, in Arabic and Thai digits (ita-2566 → ita-2567, ๒๕๖๖ → ๒๕๖๗). The copy
 * is nobody's yet, so it is edited in place until entries are made under it.
 */
export async function copyFramework({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: z.input<typeof CopyFrameworkInput>;
}) {
  const parsed = CopyFrameworkInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { framework: from, items } = await loadFramework(tx, parsed.frameworkId);
    const fiscalYear = parsed.fiscalYear ?? from.fiscalYear + 1;
    if (fiscalYear === from.fiscalYear)
      throw fieldError(
        "fiscalYear",
        "ปีงบประมาณของฉบับใหม่ต้องต่างจากต้นฉบับ",
        "The copy needs a fiscal year other than the source's",
      );
    const shift = (s: string) => shiftYear(s, from.fiscalYear, fiscalYear);
    const key = shift(from.key) === from.key ? `${from.key}-${fiscalYear}` : shift(from.key);
    const [taken] = await tx
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(and(eq(frameworks.key, key), isNull(frameworks.supersededAt)));
    if (taken)
      throw fieldError(
        "fiscalYear",
        `มีเกณฑ์ ${key} อยู่แล้ว โปรดแก้ไขฉบับนั้นแทนการคัดลอกซ้ำ`,
        `Framework ${key} already exists: edit it instead of copying again`,
      );
    const now = ctx.now();
    const [created] = await tx
      .insert(frameworks)
      .values({
        key,
        fiscalYear,
        agencyTypes: from.agencyTypes,
        titleTh: shift(from.titleTh),
        titleEn: shift(from.titleEn),
        gradingScheme: from.gradingScheme,
        createdAt: now,
        editedAt: now,
        editedBy: ctx.user.id,
      })
      .returning();
    await copyItems(tx, items, created!.id, (i) => ({
      titleTh: shift(i.titleTh),
      titleEn: shift(i.titleEn),
    }));
    await assertUsable(tx, created!.id);
    await recordAudit(tx, {
      action: "framework.copied",
      actor: ctx.user,
      targetType: "framework",
      targetId: created!.id,
      before: { frameworkId: from.id, key: from.key, version: from.version },
      after: { key, fiscalYear, items: items.length },
      request: ctx.request,
    });
    return { frameworkId: created!.id, key, fiscalYear };
  });
}
