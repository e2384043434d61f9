import { itemReviews, provinceReviewRounds } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { copyPlan, validatePlanRound, type PlanProblem } from "@ita/domain/review-plan";
import {
  CopyReviewPlanInput,
  CreateReviewRoundInput,
  ReviewRoundFields,
} from "@ita/domain/schemas";
import { count, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { fieldError } from "../authz/field-error.ts";
import type { ProvinceContext, ReviewRoundContext } from "../authz/procedures.ts";
import { loadHolidays } from "../holidays/load-holidays.ts";
import { planRounds, provinceYearItems } from "./year-items.ts";

/** The province's plan for a year: its rounds, and the items a round may check. */
export async function getReviewPlan({
  ctx,
  input,
}: {
  ctx: ProvinceContext;
  input: { fiscalYear: number };
}) {
  const rounds = await planRounds(ctx.db, ctx.province.id, input.fiscalYear);
  const { items } = await provinceYearItems(ctx.db, ctx.province.id, input.fiscalYear);
  // The form's "N working days from a date" helper counts with the same holidays as the
  // reminders (ADR 0030). All of them: about twenty a year, and a count may start or end
  // outside the fiscal year.
  const holidays = [...(await loadHolidays(ctx.db))].sort();
  return {
    province: ctx.province,
    fiscalYear: input.fiscalYear,
    rounds: rounds.map((r) => ({
      id: r.id,
      number: r.number,
      titleTh: r.titleTh,
      deadline: r.deadline,
      itemCodes: r.itemCodes,
    })),
    items,
    holidays,
  };
}

/** Plan problems as field errors (Thai, with English beside), shown next to each field. */
function refuse(problems: PlanProblem[]): never {
  throw new z.ZodRealError(
    problems.map((p) => ({
      code: "custom" as const,
      path: [p.field],
      message: p.th,
      input: undefined,
      params: { en: p.en },
    })),
  );
}

async function checkRound(
  ctx: ProvinceContext,
  fiscalYear: number,
  round: z.output<typeof ReviewRoundFields>,
  exceptId: string | null,
) {
  const others = (await planRounds(ctx.db, ctx.province.id, fiscalYear)).filter(
    (r) => r.id !== exceptId,
  );
  const { items } = await provinceYearItems(ctx.db, ctx.province.id, fiscalYear);
  const problems = validatePlanRound(round, others, fiscalYear, new Set(items.map((i) => i.code)));
  if (problems.length) refuse(problems);
}

const auditView = (r: {
  number: number;
  titleTh: string;
  deadline: string;
  itemCodes: readonly string[];
}) => ({
  number: r.number,
  titleTh: r.titleTh,
  deadline: r.deadline,
  itemCodes: r.itemCodes,
});

export async function createReviewRound({
  ctx,
  input,
}: {
  ctx: ProvinceContext;
  input: z.input<typeof CreateReviewRoundInput>;
}) {
  const data = CreateReviewRoundInput.parse(input);
  await checkRound(ctx, data.fiscalYear, data, null);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(provinceReviewRounds)
      .values({
        provinceId: ctx.province.id,
        fiscalYear: data.fiscalYear,
        number: data.number,
        titleTh: data.titleTh,
        deadline: data.deadline,
        itemCodes: data.itemCodes,
        createdBy: ctx.user.id,
      })
      .returning();
    await recordAudit(tx, {
      action: "review-round.create",
      actor: ctx.user,
      targetType: "review-round",
      targetId: row!.id,
      after: { provinceId: ctx.province.id, fiscalYear: data.fiscalYear, ...auditView(row!) },
      request: ctx.request,
    });
    return { id: row!.id };
  });
}

export async function updateReviewRound({
  ctx,
  input,
}: {
  ctx: ReviewRoundContext;
  input: z.input<typeof ReviewRoundFields>;
}) {
  const data = ReviewRoundFields.parse(input);
  const before = ctx.round;
  await checkRound(ctx, before.fiscalYear, data, before.id);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(provinceReviewRounds)
      .set({
        number: data.number,
        titleTh: data.titleTh,
        deadline: data.deadline,
        itemCodes: data.itemCodes,
        updatedAt: ctx.now(),
      })
      .where(eq(provinceReviewRounds.id, before.id))
      .returning();
    await recordAudit(tx, {
      action: "review-round.update",
      actor: ctx.user,
      targetType: "review-round",
      targetId: before.id,
      before: auditView(before),
      after: auditView(row!),
      request: ctx.request,
    });
  });
  return { id: before.id };
}

/** A round nobody has reviewed under yet; one with reviews is history and stays. */
export async function deleteReviewRound({ ctx }: { ctx: ReviewRoundContext }) {
  const [reviews] = await ctx.db
    .select({ n: count() })
    .from(itemReviews)
    .where(eq(itemReviews.roundId, ctx.round.id));
  if ((reviews?.n ?? 0) > 0)
    throw new DomainError("CONFLICT", "a round with reviews cannot be deleted");
  await ctx.db.transaction(async (tx) => {
    await tx.delete(provinceReviewRounds).where(eq(provinceReviewRounds.id, ctx.round.id));
    await recordAudit(tx, {
      action: "review-round.delete",
      actor: ctx.user,
      targetType: "review-round",
      targetId: ctx.round.id,
      before: auditView(ctx.round),
      request: ctx.request,
    });
  });
  return { ok: true };
}

/**
 * Last year's plan as this year's (ADR 0023): the same rounds, deadlines and the years in
 * titles moved a year (a deadline landing on a weekend or a stored public holiday on to
 * the next working day, ADR 0030), items found in this year's criteria by their role
 * (tag), else by code. Items this year's criteria lack are left out and reported, as are
 * rounds left with none; a year that already has a plan is not touched (the coordinator
 * edits it).
 */
export async function copyReviewPlan({
  ctx,
  input,
}: {
  ctx: ProvinceContext;
  input: z.input<typeof CopyReviewPlanInput>;
}) {
  const { fiscalYear } = CopyReviewPlanInput.parse(input);
  const fromYear = fiscalYear - 1;
  const [fromItems, toItems, holidays] = await Promise.all([
    provinceYearItems(ctx.db, ctx.province.id, fromYear),
    provinceYearItems(ctx.db, ctx.province.id, fiscalYear),
    loadHolidays(ctx.db),
  ]);
  return ctx.db.transaction(async (tx) => {
    // Both years' rounds read in the transaction: a round added meanwhile is seen.
    const existing = await planRounds(tx, ctx.province.id, fiscalYear);
    if (existing.length)
      throw fieldError(
        "fiscalYear",
        `ปีงบประมาณ ${fiscalYear} มีแผนการตรวจแล้ว (${existing.length} รอบ) แก้ไขรอบที่มีอยู่แทนการคัดลอก`,
        `Fiscal year ${fiscalYear} already has a plan (${existing.length} rounds): edit it instead of copying`,
      );
    const last = await planRounds(tx, ctx.province.id, fromYear);
    if (last.length === 0)
      throw fieldError(
        "fiscalYear",
        `ปีงบประมาณ ${fromYear} ไม่มีแผนการตรวจให้คัดลอก`,
        `Fiscal year ${fromYear} has no plan to copy`,
      );
    const copied = copyPlan(last, fromItems.items, toItems.items, fiscalYear, holidays);
    // Calendar years of the new deadlines with no holiday entered: only weekends were
    // passed over there, and the coordinator is told so (as the round form does).
    const yearsWithoutHolidays = [
      ...new Set(copied.rounds.map((r) => Number(r.deadline.slice(0, 4)))),
    ].filter((y) => ![...holidays].some((h) => h.startsWith(`${y}-`)));
    const rows = copied.rounds.length
      ? await tx
          .insert(provinceReviewRounds)
          .values(
            copied.rounds.map((r) => ({
              provinceId: ctx.province.id,
              fiscalYear,
              number: r.number,
              titleTh: r.titleTh,
              deadline: r.deadline,
              itemCodes: [...r.itemCodes],
              createdBy: ctx.user.id,
            })),
          )
          .returning({ id: provinceReviewRounds.id })
      : [];
    await recordAudit(tx, {
      action: "review-plan.copy",
      actor: ctx.user,
      targetType: "province",
      targetId: ctx.province.id,
      after: {
        fromYear,
        fiscalYear,
        rounds: copied.rounds.map(auditView),
        roundIds: rows.map((r) => r.id),
        unmapped: copied.unmapped,
        renamed: copied.renamed,
        dropped: copied.dropped,
        movedToWorkingDay: copied.movedToWorkingDay,
      },
      request: ctx.request,
    });
    return {
      fromYear,
      fiscalYear,
      rounds: copied.rounds.length,
      unmapped: copied.unmapped,
      renamed: copied.renamed,
      dropped: copied.dropped,
      movedToWorkingDay: copied.movedToWorkingDay,
      yearsWithoutHolidays,
    };
  });
}
