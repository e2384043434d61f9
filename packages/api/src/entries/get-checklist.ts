import {
  disclosureEntries,
  disclosureVersions,
  entryEvents,
  itemReviews,
  provinceReviewRounds,
  users,
} from "@ita/db/schema";
import { DISCLOSURE_CATEGORIES } from "@ita/domain/categories";
import { itemProgress, periodNamedIn, type ProgressEntry } from "@ita/domain/frameworks";
import { reviewIsCurrent, type ReviewVerdict } from "@ita/domain/readiness";
import { roundsByItem } from "@ita/domain/review-plan";
import { ChecklistInput } from "@ita/domain/schemas";
import type { EntryState, ItemStatus } from "@ita/domain/workflow";
import { and, asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { AgencyContext } from "../authz/procedures.ts";
import { earlierCriteria, itemsOfVersions, type VersionedItem } from "../frameworks/entry-items.ts";
import { resolveFramework, type FrameworkItemRow } from "../frameworks/resolve-framework.ts";
import { isPubliclyVisible } from "./workflow.ts";

const LEFT: ReadonlySet<ItemStatus> = new Set([
  "missing",
  "draft",
  "waiting",
  "partial",
  "returned",
]);

/**
 * The year's checklist: every item of the agency's framework under the seven
 * categories, with its state, the deadline of the province's review round (none
 * without a plan), the coordinator's latest review and who last touched it; and, for an
 * item expected several times a year, how many of its months are public, how many
 * entries wait or were returned, and which ended months are still missing.
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
    .select({ entry: disclosureEntries, title: disclosureVersions.title })
    .from(disclosureEntries)
    .leftJoin(disclosureVersions, eq(disclosureVersions.id, disclosureEntries.currentVersionId))
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

  // Each entry's item as the version it was made under defines it (ADR 0022).
  const ownItem = await itemsOfVersions(
    ctx.db,
    entries.map((e) => e.entry.frameworkId),
  );
  const governingCodes = new Set((resolved?.items ?? []).map((i) => i.code));
  // Items a later version dropped or renamed, yet entries were made under: still listed,
  // as their own version named them, so that work never disappears from the checklist.
  const dropped = new Map<string, VersionedItem>();
  for (const { entry } of entries) {
    if (governingCodes.has(entry.itemCode)) continue;
    const item = ownItem(entry.frameworkId, entry.itemCode);
    const known = dropped.get(entry.itemCode);
    if (item && (!known || item.version > known.version)) dropped.set(entry.itemCode, item);
  }

  const row = (item: FrameworkItemRow, earlierVersion: number | null) => {
    const own = entries.filter((e) => e.entry.itemCode === item.code);
    // Entries made under an earlier version that named the item otherwise, said by version.
    const madeUnder = [
      ...new Map(
        own
          .map((e) => earlierCriteria(ownItem(e.entry.frameworkId, item.code), item))
          .filter((c) => c !== null)
          .map((c) => [c.version, c]),
      ).values(),
    ].sort((a, b) => a.version - b.version);
    const progressEntries: ProgressEntry[] = [];
    let scheduledAt: Date | null = null;
    const publicVersions: string[] = [];
    for (const { entry: e, title } of own) {
      const visible = isPubliclyVisible(e);
      const scheduled = visible && e.publishedAt !== null && e.publishedAt > now;
      if (visible && !scheduled) publicVersions.push(e.publishedVersionId!);
      if (scheduled) scheduledAt = e.publishedAt;
      // An approved revision of a public entry, waiting for its date.
      if (e.scheduledVersionId && e.publishAt) scheduledAt = e.publishAt;
      // The newest version's own state; an approved one waiting for its date counts as waiting.
      const state: EntryState = scheduled && e.state === "published" ? "submitted" : e.state;
      progressEntries.push({
        // Entries made before entries said their month: the month their title names.
        period: e.period ?? (title ? periodNamedIn(title, item.cadence, fiscalYear) : null),
        isPublic: visible && !scheduled,
        state,
      });
    }
    const progress = itemProgress(item.cadence, progressEntries, fiscalYear, now);
    const status = progress.status;
    const review = latestReview.get(item.code);
    const round = planned.get(item.code);
    return {
      code: item.code,
      titleTh: item.titleTh,
      titleEn: item.titleEn,
      /** What must be shown (the framework's text), for the clerk; may be empty. */
      guidanceTh: item.guidanceTh,
      guidanceEn: item.guidanceEn,
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
      cadence: item.cadence,
      evidence: item.evidence,
      progress,
      scheduledAt,
      entryCount: own.length,
      entryIds: own.map((e) => e.entry.id),
      lastTouched: lastTouch.get(item.code) ?? null,
      /** The version of the criteria this item comes from when the governing one no longer has it. */
      earlierVersion,
      madeUnder: earlierVersion === null ? madeUnder : [],
    };
  };
  const items = (resolved?.items ?? []).map((item) => row(item, null));
  const earlierItems = [...dropped.values()].map((item) => row(item, item.version));
  const listed = [...items, ...earlierItems];
  const shown = onlyLeft ? listed.filter((i) => LEFT.has(i.status)) : listed;
  const counts = Object.fromEntries(
    ["missing", "draft", "waiting", "partial", "returned", "published"].map((s) => [
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
