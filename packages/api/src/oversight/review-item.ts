import { disclosureEntries, disclosureVersions, itemReviews, users } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { isoDateIn } from "@ita/domain/fiscal-year";
import { itemPath } from "@ita/domain/paths";
import { cellState, reviewIsCurrent, type ReviewVerdict } from "@ita/domain/readiness";
import { roundsByItem } from "@ita/domain/review-plan";
import { ReviewItemInput } from "@ita/domain/schemas";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { OverseenAgencyContext } from "../authz/procedures.ts";
import type { Executor } from "@ita/db";
import { planRounds } from "./year-items.ts";
import { resolveFramework } from "../frameworks/resolve-framework.ts";
import { isPublicEntry } from "../public/visibility.ts";

/** What the public sees of an agency's items in a year: one row per public entry. */
async function publicEntries(db: Executor, agencyId: string, fiscalYear: number, now: Date) {
  return db
    .select({
      entryId: disclosureEntries.id,
      itemCode: disclosureEntries.itemCode,
      versionId: disclosureEntries.publishedVersionId,
      title: disclosureVersions.title,
      publishedAt: disclosureEntries.publishedAt,
    })
    .from(disclosureEntries)
    .innerJoin(disclosureVersions, eq(disclosureVersions.id, disclosureEntries.publishedVersionId))
    .where(
      and(
        eq(disclosureEntries.agencyId, agencyId),
        eq(disclosureEntries.fiscalYear, fiscalYear),
        isPublicEntry(now),
      ),
    )
    .orderBy(asc(disclosureEntries.publishedAt));
}

/**
 * The coordinator's review sheet of one agency and year: every item of the province's
 * plan, round by round, with what the public sees (permalinks) and the latest review.
 */
export async function getAgencyReview({
  ctx,
  input,
}: {
  ctx: OverseenAgencyContext;
  input: { fiscalYear: number };
}) {
  const { fiscalYear } = input;
  const now = ctx.now();
  const today = isoDateIn(now);
  const rounds = await planRounds(ctx.db, ctx.province.id, fiscalYear);
  const resolved = await resolveFramework(ctx.db, fiscalYear, ctx.agency.type);
  const titles = new Map((resolved?.items ?? []).map((i) => [i.code, i]));
  const entries = await publicEntries(ctx.db, ctx.agency.id, fiscalYear, now);
  const reviews = await ctx.db
    .select({
      itemCode: itemReviews.itemCode,
      verdict: itemReviews.verdict,
      comment: itemReviews.comment,
      versionIds: itemReviews.versionIds,
      at: itemReviews.at,
      reviewer: users.displayName,
    })
    .from(itemReviews)
    .leftJoin(users, eq(users.id, itemReviews.reviewerId))
    .where(eq(itemReviews.agencyId, ctx.agency.id))
    .orderBy(asc(itemReviews.seq));
  const latest = new Map(reviews.map((r) => [r.itemCode, r]));
  return {
    agency: ctx.agency,
    province: ctx.province,
    fiscalYear,
    today,
    rounds: rounds.map((r) => ({
      id: r.id,
      number: r.number,
      titleTh: r.titleTh,
      deadline: r.deadline,
      items: r.itemCodes
        .filter((code) => titles.has(code))
        .map((code) => {
          const own = entries.filter((e) => e.itemCode === code);
          const versionIds = own.map((e) => e.versionId!);
          const review = latest.get(code) ?? null;
          const current = review ? reviewIsCurrent(review, versionIds) : false;
          return {
            code,
            titleTh: titles.get(code)!.titleTh,
            titleEn: titles.get(code)!.titleEn,
            /** What must be shown, to judge the item against; may be empty. */
            guidanceTh: titles.get(code)!.guidanceTh,
            guidanceEn: titles.get(code)!.guidanceEn,
            permalink: itemPath(ctx.agency.slug, fiscalYear, code),
            state: cellState(
              {
                publishedVersionIds: versionIds,
                review: review
                  ? { verdict: review.verdict as ReviewVerdict, versionIds: review.versionIds }
                  : null,
                deadline: r.deadline,
              },
              today,
            ),
            entries: own.map((e) => ({
              title: e.title,
              publishedAt: e.publishedAt,
              href: itemPath(ctx.agency.slug, fiscalYear, code, e.entryId),
            })),
            review: review
              ? {
                  verdict: review.verdict as ReviewVerdict,
                  comment: review.comment,
                  at: review.at,
                  reviewer: review.reviewer,
                  current,
                }
              : null,
          };
        }),
    })),
  };
}

/**
 * The coordinator marks a published item of an agency ok or needs-fix (with a
 * comment) in the round of the province's plan that checks it. Recorded with the public
 * versions seen, so a later publication sends the item back to review; audited.
 */
export async function reviewItem({
  ctx,
  input,
}: {
  ctx: OverseenAgencyContext;
  input: z.input<typeof ReviewItemInput>;
}) {
  const data = ReviewItemInput.parse(input);
  const now = ctx.now();
  const rounds = await planRounds(ctx.db, ctx.province.id, data.fiscalYear);
  const round = roundsByItem(rounds).get(data.itemCode)?.round;
  if (!round)
    throw new DomainError("NOT_FOUND", `item ${data.itemCode} is in no round of the plan`);
  const versionIds = (await publicEntries(ctx.db, ctx.agency.id, data.fiscalYear, now))
    .filter((e) => e.itemCode === data.itemCode)
    .map((e) => e.versionId!);
  if (versionIds.length === 0)
    throw new DomainError("INVALID_TRANSITION", "only a published item can be reviewed");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(itemReviews)
      .values({
        roundId: round.id,
        agencyId: ctx.agency.id,
        itemCode: data.itemCode,
        verdict: data.verdict,
        comment: data.comment ?? null,
        versionIds,
        reviewerId: ctx.user.id,
        at: now,
      })
      .returning({ id: itemReviews.id });
    await recordAudit(tx, {
      action: "item-review.record",
      actor: ctx.user,
      targetType: "item-review",
      targetId: row!.id,
      agencyId: ctx.agency.id,
      after: {
        fiscalYear: data.fiscalYear,
        itemCode: data.itemCode,
        round: round.number,
        verdict: data.verdict,
        comment: data.comment ?? null,
      },
      request: ctx.request,
    });
    return { id: row!.id, round: round.number };
  });
}
