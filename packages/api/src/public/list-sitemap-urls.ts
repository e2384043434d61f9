import { agencies, searchDocuments } from "@ita/db/schema";
import { and, asc, eq, lte, max } from "drizzle-orm";
import type { Context } from "../context.ts";

/** A sitemap file holds at most 50,000 URLs (sitemaps.org). */
export const SITEMAP_MAX_AGENCIES = 45_000;

/** Agencies and when each last published something, for /sitemap.xml. */
export async function listSitemapAgencies({ ctx }: { ctx: Pick<Context, "db" | "now"> }) {
  const rows = await ctx.db
    .select({
      slug: agencies.slug,
      updatedAt: agencies.updatedAt,
      lastPublishedAt: max(searchDocuments.publishedAt),
    })
    .from(agencies)
    .leftJoin(
      searchDocuments,
      and(eq(searchDocuments.agencyId, agencies.id), lte(searchDocuments.publishedAt, ctx.now())),
    )
    .groupBy(agencies.id)
    .orderBy(asc(agencies.slug))
    .limit(SITEMAP_MAX_AGENCIES);
  return rows.map((r) => {
    const last = r.lastPublishedAt ? new Date(r.lastPublishedAt) : null;
    return { slug: r.slug, lastModified: last && last > r.updatedAt ? last : r.updatedAt };
  });
}
