import { disclosureEntries, entryEvents, users } from "@ita/db/schema";
import { DISCLOSURE_CATEGORIES } from "@ita/domain/categories";
import { deadlineForYear } from "@ita/domain/frameworks";
import { ChecklistInput } from "@ita/domain/schemas";
import { itemStatus, type EntryState, type ItemStatus } from "@ita/domain/workflow";
import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { AgencyContext } from "../authz/procedures.ts";
import { resolveFramework } from "../frameworks/resolve-framework.ts";
import { isPubliclyVisible } from "./workflow.ts";

const LEFT: ReadonlySet<ItemStatus> = new Set(["missing", "draft", "waiting", "returned"]);

/**
 * The year's checklist: every item of the agency's framework under the seven
 * categories, with its state, the review-round deadline and who last touched it.
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
  // An inherited framework's deadlines move to this fiscal year.
  const deadlines = new Map(
    (resolved?.framework.reviewRounds ?? []).map((r) => [
      r.round,
      deadlineForYear(r.deadline, resolved!.framework.fiscalYear, fiscalYear),
    ]),
  );

  const items = (resolved?.items ?? []).map((item) => {
    const own = entries.filter((e) => e.itemCode === item.code);
    const states: EntryState[] = [];
    let scheduledAt: Date | null = null;
    for (const e of own) {
      const visible = isPubliclyVisible(e);
      const scheduled = visible && e.publishedAt !== null && e.publishedAt > now;
      if (visible && !scheduled) states.push("published");
      if (scheduled) scheduledAt = e.publishedAt;
      // An approved revision of a public entry, waiting for its date.
      if (e.scheduledVersionId && e.publishAt) scheduledAt = e.publishAt;
      // The newest version's own state; an approved one waiting for its date counts as waiting.
      if (e.state !== "published" && e.state !== "withdrawn") states.push(e.state);
      else if (scheduled) states.push("submitted");
    }
    const status = itemStatus(states);
    return {
      code: item.code,
      titleTh: item.titleTh,
      titleEn: item.titleEn,
      categories: item.categories,
      reviewRound: item.reviewRound,
      dueDate: item.reviewRound ? (deadlines.get(item.reviewRound) ?? null) : null,
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
