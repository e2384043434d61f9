import { integrityMeasureProgress, integrityMeasures } from "@ita/db/schema";
import { DEFAULT_WEAK_POINT_THRESHOLD, proposeWeakPoints } from "@ita/domain/measures";
import {
  AddMeasureInput,
  AddProgressInput,
  MeasureFields,
  PrefillWeakPointsInput,
  UpdateProgressInput,
} from "@ita/domain/schemas";
import { fiscalYearRange } from "@ita/domain/fiscal-year";
import { and, eq, max } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@ita/db";
import { recordAudit } from "../audit/record-audit.ts";
import type { AgencyContext, MeasureContext, ProgressContext } from "../authz/procedures.ts";
import { requireMeasureEditor } from "./access.ts";
import { lastYearResult } from "./get-measures-year.ts";

async function nextSortOrder(db: Executor, agencyId: string, fiscalYear: number) {
  const [row] = await db
    .select({ last: max(integrityMeasures.sortOrder) })
    .from(integrityMeasures)
    .where(
      and(eq(integrityMeasures.agencyId, agencyId), eq(integrityMeasures.fiscalYear, fiscalYear)),
    );
  return (row?.last ?? 0) + 1;
}

/** An editor adds a weak point with its measure to the agency's year. */
export async function addMeasure({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof AddMeasureInput>;
}) {
  requireMeasureEditor(ctx);
  const { fiscalYear, ...fields } = AddMeasureInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(integrityMeasures)
      .values({
        agencyId: ctx.agency.id,
        fiscalYear,
        ...fields,
        sortOrder: await nextSortOrder(tx, ctx.agency.id, fiscalYear),
        createdBy: ctx.user.id,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, {
      action: "measures.added",
      actor: ctx.user,
      targetType: "integrity_measure",
      targetId: row!.id,
      agencyId: ctx.agency.id,
      after: row,
      request: ctx.request,
    });
    return row!;
  });
}

/** An editor changes a weak point or its measure (scope: the measure's stored agency). */
export async function updateMeasure({
  ctx,
  input,
}: {
  ctx: MeasureContext;
  input: z.input<typeof MeasureFields>;
}) {
  requireMeasureEditor(ctx);
  const fields = MeasureFields.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(integrityMeasures)
      .set({ ...fields, updatedAt: ctx.now() })
      .where(eq(integrityMeasures.id, ctx.measure.id))
      .returning();
    await recordAudit(tx, {
      action: "measures.updated",
      actor: ctx.user,
      targetType: "integrity_measure",
      targetId: ctx.measure.id,
      agencyId: ctx.agency.id,
      before: ctx.measure,
      after: row,
      request: ctx.request,
    });
    return row!;
  });
}

/** An editor removes a weak point with its measure and progress (the audit row keeps them). */
export async function removeMeasure({ ctx }: { ctx: MeasureContext }) {
  requireMeasureEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const progress = await tx
      .select()
      .from(integrityMeasureProgress)
      .where(eq(integrityMeasureProgress.measureId, ctx.measure.id));
    await tx
      .delete(integrityMeasureProgress)
      .where(eq(integrityMeasureProgress.measureId, ctx.measure.id));
    await tx.delete(integrityMeasures).where(eq(integrityMeasures.id, ctx.measure.id));
    await recordAudit(tx, {
      action: "measures.removed",
      actor: ctx.user,
      targetType: "integrity_measure",
      targetId: ctx.measure.id,
      agencyId: ctx.agency.id,
      before: { ...ctx.measure, progress },
      request: ctx.request,
    });
    return { ok: true as const };
  });
}

/** An editor reports progress on a measure during the year. */
export async function addProgress({
  ctx,
  input,
}: {
  ctx: MeasureContext;
  input: z.input<typeof AddProgressInput>;
}) {
  requireMeasureEditor(ctx);
  const parsed = AddProgressInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(integrityMeasureProgress)
      .values({
        measureId: ctx.measure.id,
        ...parsed,
        authorId: ctx.user.id,
        createdAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, {
      action: "measures.progress",
      actor: ctx.user,
      targetType: "integrity_measure",
      targetId: ctx.measure.id,
      agencyId: ctx.agency.id,
      after: row,
      request: ctx.request,
    });
    return row!;
  });
}

/**
 * An editor corrects a progress update (its date, status or text), checked as when it was
 * added. The row is changed in place: the documents are made from the data when a draft
 * is made, and the audit row keeps what it said before.
 */
export async function updateProgress({
  ctx,
  input,
}: {
  ctx: ProgressContext;
  input: z.input<typeof UpdateProgressInput>;
}) {
  requireMeasureEditor(ctx);
  const parsed = UpdateProgressInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(integrityMeasureProgress)
      .set(parsed)
      .where(eq(integrityMeasureProgress.id, ctx.progress.id))
      .returning();
    await recordAudit(tx, {
      action: "measures.progress-updated",
      actor: ctx.user,
      targetType: "integrity_measure",
      targetId: ctx.measure.id,
      agencyId: ctx.agency.id,
      before: ctx.progress,
      after: row,
      request: ctx.request,
    });
    return row!;
  });
}

/** An editor removes a progress update reported by mistake (the audit row keeps it). */
export async function removeProgress({ ctx }: { ctx: ProgressContext }) {
  requireMeasureEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    await tx
      .delete(integrityMeasureProgress)
      .where(eq(integrityMeasureProgress.id, ctx.progress.id));
    await recordAudit(tx, {
      action: "measures.progress-removed",
      actor: ctx.user,
      targetType: "integrity_measure",
      targetId: ctx.measure.id,
      agencyId: ctx.agency.id,
      before: ctx.progress,
      request: ctx.request,
    });
    return { ok: true as const };
  });
}

/**
 * Adds a weak point for each indicator of last year's stored result scoring below the
 * threshold that the year does not have yet, with a measure to complete: its title and
 * first step ask the editor to write them, its period is the whole fiscal year.
 * Without a stored result nothing is added (the editor records weak points by hand).
 */
export async function prefillWeakPoints({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof PrefillWeakPointsInput>;
}) {
  requireMeasureEditor(ctx);
  const { fiscalYear, threshold = DEFAULT_WEAK_POINT_THRESHOLD } =
    PrefillWeakPointsInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const result = await lastYearResult(tx, ctx.agency.id, fiscalYear);
    if (!result) return { added: 0, resultFound: false };
    const existing = await tx
      .select({ source: integrityMeasures.source, code: integrityMeasures.code })
      .from(integrityMeasures)
      .where(
        and(
          eq(integrityMeasures.agencyId, ctx.agency.id),
          eq(integrityMeasures.fiscalYear, fiscalYear),
        ),
      );
    const have = new Set(existing.map((e) => `${e.source}:${e.code}`));
    const proposed = proposeWeakPoints(result.indicators, result.fiscalYear, threshold).filter(
      (p) => !have.has(`${p.source}:${p.code}`),
    );
    if (proposed.length === 0) return { added: 0, resultFound: true };
    const { start, end } = fiscalYearRange(fiscalYear);
    let order = await nextSortOrder(tx, ctx.agency.id, fiscalYear);
    const rows = await tx
      .insert(integrityMeasures)
      .values(
        proposed.map((p) => ({
          agencyId: ctx.agency.id,
          fiscalYear,
          ...p,
          measureTitle: "(กรุณากรอกชื่อมาตรการ)",
          steps: ["(กรุณากรอกขั้นตอนการดำเนินการ)"],
          startDate: start,
          endDate: end,
          responsibleUnit: "(กรุณาระบุผู้รับผิดชอบ)",
          monitoring: "(กรุณาระบุการกำกับติดตามและการรายงานผล)",
          sortOrder: order++,
          createdBy: ctx.user.id,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })),
      )
      .returning({ id: integrityMeasures.id, code: integrityMeasures.code });
    await recordAudit(tx, {
      action: "measures.prefilled",
      actor: ctx.user,
      targetType: "agency",
      targetId: ctx.agency.id,
      agencyId: ctx.agency.id,
      after: {
        fiscalYear,
        threshold,
        resultYear: result.fiscalYear,
        codes: rows.map((r) => r.code),
      },
      request: ctx.request,
    });
    return { added: rows.length, resultFound: true };
  });
}
