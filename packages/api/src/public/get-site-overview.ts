import { agencies, provinces, searchDocuments } from "@ita/db/schema";
import { count, desc, eq, lte } from "drizzle-orm";
import type { Executor } from "@ita/db";
import type { Context } from "../context.ts";
import { cachedPerDatabase } from "./db-cache.ts";

export const LATEST_ON_HOME = 8;
/** The home figures may be this stale: counting a million public rows takes ~160 ms (ADR 0008). */
export const OVERVIEW_FIGURES_TTL_MS = 30_000;

const figures = cachedPerDatabase(OVERVIEW_FIGURES_TTL_MS, async (db: Executor, now: Date) => {
  const [[agencyCount], [documentCount]] = await Promise.all([
    db.select({ n: count() }).from(agencies),
    db.select({ n: count() }).from(searchDocuments).where(lte(searchDocuments.publishedAt, now)),
  ]);
  return { agencyCount: agencyCount?.n ?? 0, documentCount: documentCount?.n ?? 0 };
});

/**
 * Figures and newest publications for the home page. Counts come from
 * `search_documents`, which holds exactly the public entries (refreshed by publishing
 * in the same transaction), so no join over the entries and their versions is needed.
 * The figures are cached for OVERVIEW_FIGURES_TTL_MS; the newest publications are read
 * every time (a backward walk of the published_at index), so a publication shows at once.
 */
export async function getSiteOverview({ ctx }: { ctx: Pick<Context, "db" | "now"> }) {
  const now = ctx.now();
  const [counts, latest] = await Promise.all([
    figures(ctx.db, now),
    ctx.db
      .select({
        entryId: searchDocuments.entryId,
        title: searchDocuments.title,
        fiscalYear: searchDocuments.fiscalYear,
        itemCode: searchDocuments.itemCode,
        publishedAt: searchDocuments.publishedAt,
        agencySlug: agencies.slug,
        agencyNameTh: agencies.nameTh,
        agencyNameEn: agencies.nameEn,
        provinceNameTh: provinces.nameTh,
        provinceNameEn: provinces.nameEn,
      })
      .from(searchDocuments)
      .innerJoin(agencies, eq(agencies.id, searchDocuments.agencyId))
      .innerJoin(provinces, eq(provinces.id, searchDocuments.provinceId))
      .where(lte(searchDocuments.publishedAt, now))
      .orderBy(desc(searchDocuments.publishedAt), desc(searchDocuments.entryId))
      .limit(LATEST_ON_HOME),
  ]);
  return { ...counts, latest };
}

export type SiteOverview = Awaited<ReturnType<typeof getSiteOverview>>;
