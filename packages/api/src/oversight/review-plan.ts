import { itemReviews, provinceReviewRounds } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { validatePlanRound, type PlanProblem } from "@ita/domain/review-plan";
import { CreateReviewRoundInput, ReviewRoundFields } from "@ita/domain/schemas";
import { count, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { ProvinceContext, ReviewRoundContext } from "../authz/procedures.ts";
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
  itemCodes: string[];
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
