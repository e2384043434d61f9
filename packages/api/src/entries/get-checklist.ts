import {
  disclosureEntries,
  entryEvents,
  itemReviews,
  provinceReviewRounds,
  users,
} from "@ita/db/schema";
import { DISCLOSURE_CATEGORIES } from "@ita/domain/categories";
import { reviewIsCurrent, type ReviewVerdict } from "@ita/domain/readiness";
import { roundsByItem } from "@ita/domain/review-plan";
import { ChecklistInput } from "@ita/domain/schemas";
import { itemStatus, type EntryState, type ItemStatus } from "@ita/domain/workflow";
import { and, asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { AgencyContext } from "../authz/procedures.ts";
import { resolveFramework } from "../frameworks/resolve-framework.ts";
import { isPubliclyVisible } from "./workflow.ts";

const LEFT: ReadonlySet<ItemStatus> = new Set(["missing", "draft", "waiting", "returned"]);

/**
 * The year's checklist: every item of the agency's framework under the seven
 * categories, with its state, the deadline of the province's review round (none
 * without a plan), the coordinator's latest review and who last touched it.
 */
export async function getChecklist({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof ChecklistInput>;
}) {
  const { fiscalYear, onlyLeft } = ChecklistInput.parse(input);
  const now = ctx.now();
  const resolved = await resolveFramework(ctx.db, fiscalYear, ctx.agency.type);
  const entries = await ctx.db
    .select()
    .from(disclosureEntries)
    .where(
      and(
        eq(disclosureEntries.agencyId, ctx.agency.id),
        eq(disclosureEntries.fiscalYear, fiscalYear),
      ),
    );
  const events = await ctx.db
    .select({
      itemCode: disclosureEntries.itemCode,
      action: entryEvents.action,
      at: entryEvents.at,
      actorName: users.displayName,
    })
    .from(entryEvents)
    .innerJoin(disclosureEntries, eq(disclosureEntries.id, entryEvents.entryId))
    .leftJoin(users, eq(users.id, entryEvents.actorId))
    .where(
      and(
        eq(disclosureEntries.agencyId, ctx.agency.id),
        eq(disclosureEntries.fiscalYear, fiscalYear),
      ),
    )
    .orderBy(desc(entryEvents.seq));

  const lastTouch = new Map<string, { action: string; at: Date; actorName: string | null }>();
  for (const e of events)
    if (!lastTouch.has(e.itemCode))
      lastTouch.set(e.itemCode, { action: e.action, at: e.at, actorName: e.actorName });
  // Deadlines come from the province's plan for the year, never from the criteria.
  const rounds = await ctx.db
    .select({
      id: provinceReviewRounds.id,
      number: provinceReviewRounds.number,
      titleTh: provinceReviewRounds.titleTh,
      deadline: provinceReviewRounds.deadline,
      itemCodes: provinceReviewRounds.itemCodes,
    })
    .from(provinceReviewRounds)
    .where(
      and(
        eq(provinceReviewRounds.provinceId, ctx.agency.provinceId),
        eq(provinceReviewRounds.fiscalYear, fiscalYear),
      ),
    );
  const planned = roundsByItem(rounds);
  const reviews = await ctx.db
    .select({
      itemCode: itemReviews.itemCode,
      verdict: itemReviews.verdict,
      comment: itemReviews.comment,
      versionIds: itemReviews.versionIds,
      at: itemReviews.at,
      roundNumber: provinceReviewRounds.number,
    })
    .from(itemReviews)
    .innerJoin(provinceReviewRounds, eq(provinceReviewRounds.id, itemReviews.roundId))
    .where(
      and(eq(itemReviews.agencyId, ctx.agency.id), eq(provinceReviewRounds.fiscalYear, fiscalYear)),
    )
    .orderBy(asc(itemReviews.seq));
  const latestReview = new Map(reviews.map((r) => [r.itemCode, r]));

  const items = (resolved?.items ?? []).map((item) => {
    const own = entries.filter((e) => e.itemCode === item.code);
    const states: EntryState[] = [];
    let scheduledAt: Date | null = null;
    const publicVersions: string[] = [];
    for (const e of own) {
      const visible = isPubliclyVisible(e);
      const scheduled = visible && e.publishedAt !== null && e.publishedAt > now;
      if (visible && !scheduled) {
        states.push("published");
        publicVersions.push(e.publishedVersionId!);
      }
      if (scheduled) scheduledAt = e.publishedAt;
      // An approved revision of a public entry, waiting for its date.
      if (e.scheduledVersionId && e.publishAt) scheduledAt = e.publishAt;
      // The newest version's own state; an approved one waiting for its date counts as waiting.
      if (e.state !== "published" && e.state !== "withdrawn") states.push(e.state);
      else if (scheduled) states.push("submitted");
    }
    const status = itemStatus(states);
    const review = latestReview.get(item.code);
    const round = planned.get(item.code);
    return {
      code: item.code,
      titleTh: item.titleTh,
      titleEn: item.titleEn,
      categories: item.categories,
      reviewRound: round?.round.number ?? null,
      dueDate: round?.deadline ?? null,
      /** The coordinator's latest review; `current` false once a newer version is public. */
      review: review
        ? {
            verdict: review.verdict as ReviewVerdict,
            comment: review.comment,
            at: review.at,
            roundNumber: review.roundNumber,
            current: reviewIsCurrent(review, publicVersions),
          }
        : null,
      status,
      scheduledAt,
      entryCount: own.length,
      entryIds: own.map((e) => e.id),
      lastTouched: lastTouch.get(item.code) ?? null,
    };
  });
  const shown = onlyLeft ? items.filter((i) => LEFT.has(i.status)) : items;
  const counts = Object.fromEntries(
    ["missing", "draft", "waiting", "returned", "published"].map((s) => [
      s,
      items.filter((i) => i.status === s).length,
    ]),
  ) as Record<ItemStatus, number>;
  return {
    fiscalYear,
    agency: { id: ctx.agency.id, slug: ctx.agency.slug },
    readOnly: ctx.agency.readOnly,
    framework: resolved
      ? {
          key: resolved.framework.key,
          titleTh: resolved.framework.titleTh,
          titleEn: resolved.framework.titleEn,
          inherited: resolved.inherited,
        }
      : null,
    counts,
    total: items.length,
    categories: DISCLOSURE_CATEGORIES.map((c) => ({
      number: c.number,
      titleTh: c.titleTh,
      titleEn: c.titleEn,
      items: shown.filter((i) => i.categories.includes(c.number)),
    })),
  };
}
