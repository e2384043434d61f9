import type { Executor } from "@ita/db";
import { agencies, provinceReviewRounds } from "@ita/db/schema";
import { and, asc, eq } from "drizzle-orm";
import { resolveFramework, type FrameworkItemRow } from "../frameworks/resolve-framework.ts";

export interface YearItem {
  code: string;
  titleTh: string;
  titleEn: string;
  sortOrder: number;
  /** The item's role (`ITEM_TAGS`), if it plays one: how a plan copy finds it next year. */
  tag: string | null;
}

/**
 * The items a province's agencies answer in a fiscal year: the union over the agency
 * types present in the province of each type's framework (own or inherited), with the
 * codes each type has.
 */
export async function provinceYearItems(db: Executor, provinceId: string, fiscalYear: number) {
  const types = await db
    .selectDistinct({ type: agencies.type })
    .from(agencies)
    .where(eq(agencies.provinceId, provinceId));
  const byType = new Map<string, FrameworkItemRow[]>();
  const items = new Map<string, YearItem>();
  for (const { type } of types) {
    const resolved = await resolveFramework(db, fiscalYear, type);
    const list = resolved?.items ?? [];
    byType.set(type, list);
    for (const i of list)
      if (!items.has(i.code))
        items.set(i.code, {
          code: i.code,
          titleTh: i.titleTh,
          titleEn: i.titleEn,
          sortOrder: i.sortOrder,
          tag: i.tag ?? null,
        });
  }
  return {
    items: [...items.values()].sort((a, b) => a.sortOrder - b.sortOrder),
    codesByType: new Map([...byType].map(([t, list]) => [t, list.map((i) => i.code)])),
  };
}

export type PlanRoundRow = typeof provinceReviewRounds.$inferSelect;

export async function planRounds(
  db: Executor,
  provinceId: string,
  fiscalYear: number,
): Promise<PlanRoundRow[]> {
  return db
    .select()
    .from(provinceReviewRounds)
    .where(
      and(
        eq(provinceReviewRounds.provinceId, provinceId),
        eq(provinceReviewRounds.fiscalYear, fiscalYear),
      ),
    )
    .orderBy(asc(provinceReviewRounds.number));
}
