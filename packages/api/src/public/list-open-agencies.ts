import { agencies, districts, provinces, searchDocuments } from "@ita/db/schema";
import { asc, count, eq, lte, max } from "drizzle-orm";
import type { Context } from "../context.ts";

/** Every agency with its place, contacts and how much it has published (open data). */
export async function listOpenAgencies({ ctx }: { ctx: Pick<Context, "db" | "now"> }) {
  const published = ctx.db
    .select({
      agencyId: searchDocuments.agencyId,
      documents: count().as("documents"),
      lastPublishedAt: max(searchDocuments.publishedAt).as("last_published_at"),
    })
    .from(searchDocuments)
    .where(lte(searchDocuments.publishedAt, ctx.now()))
    .groupBy(searchDocuments.agencyId)
    .as("published");
  const rows = await ctx.db
    .select({
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      type: agencies.type,
      provinceSlug: provinces.slug,
      provinceTh: provinces.nameTh,
      districtSlug: districts.slug,
      districtTh: districts.nameTh,
      address: agencies.address,
      phone: agencies.phone,
      email: agencies.email,
      website: agencies.website,
      socialLinks: agencies.socialLinks,
      complaintChannels: agencies.complaintChannels,
      updatedAt: agencies.updatedAt,
      documents: published.documents,
      lastPublishedAt: published.lastPublishedAt,
    })
    .from(agencies)
    .innerJoin(provinces, eq(provinces.id, agencies.provinceId))
    .leftJoin(districts, eq(districts.id, agencies.districtId))
    .leftJoin(published, eq(published.agencyId, agencies.id))
    .orderBy(asc(provinces.nameTh), asc(districts.nameTh), asc(agencies.nameTh));
  return rows.map((r) => ({
    ...r,
    documents: Number(r.documents ?? 0),
    lastPublishedAt: r.lastPublishedAt ? new Date(r.lastPublishedAt) : null,
  }));
}

export type OpenAgency = Awaited<ReturnType<typeof listOpenAgencies>>[number];
