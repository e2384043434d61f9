import { agencies, provinces, searchDocuments } from "@ita/db/schema";
import { count, desc, eq, lte } from "drizzle-orm";
import type { Context } from "../context.ts";

export const LATEST_ON_HOME = 8;

/**
 * Figures and newest publications for the home page. Counts come from
 * `search_documents`, which holds exactly the public entries (refreshed by publishing
 * in the same transaction), so no join over the entries and their versions is needed.
 */
export async function getSiteOverview({ ctx }: { ctx: Pick<Context, "db" | "now"> }) {
  const now = ctx.now();
  const [[agencyCount], [documentCount], latest] = await Promise.all([
    ctx.db.select({ n: count() }).from(agencies),
    ctx.db.select({ n: count() }).from(searchDocuments).where(lte(searchDocuments.publishedAt, now)),
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
  return { agencyCount: agencyCount?.n ?? 0, documentCount: documentCount?.n ?? 0, latest };
}

export type SiteOverview = Awaited<ReturnType<typeof getSiteOverview>>;
