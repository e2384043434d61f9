import { agencies, disclosureEntries, disclosureVersions } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { FeedInput } from "@ita/domain/schemas";
import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";
import { isPublicEntry } from "./visibility.ts";

/** The newest public entries, site-wide or of one agency (Atom feeds). */
export async function listFeedEntries({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db" | "now">;
  input: z.input<typeof FeedInput>;
}) {
  const { slug, limit } = FeedInput.parse(input);
  let agency: { id: string; slug: string; nameTh: string; nameEn: string | null } | null = null;
  if (slug) {
    const [row] = await ctx.db
      .select({
        id: agencies.id,
        slug: agencies.slug,
        nameTh: agencies.nameTh,
        nameEn: agencies.nameEn,
      })
      .from(agencies)
      .where(eq(agencies.slug, slug));
    if (!row) throw new DomainError("NOT_FOUND", `agency ${slug}`);
    agency = row;
  }
  const entries = await ctx.db
    .select({
      id: disclosureEntries.id,
      fiscalYear: disclosureEntries.fiscalYear,
      itemCode: disclosureEntries.itemCode,
      publishedAt: disclosureEntries.publishedAt,
      updatedAt: disclosureVersions.createdAt,
      title: disclosureVersions.title,
      descriptionHtml: disclosureVersions.descriptionHtml,
      agencySlug: agencies.slug,
      agencyNameTh: agencies.nameTh,
    })
    .from(disclosureEntries)
    .innerJoin(disclosureVersions, eq(disclosureVersions.id, disclosureEntries.publishedVersionId))
    .innerJoin(agencies, eq(agencies.id, disclosureEntries.agencyId))
    .where(
      and(isPublicEntry(ctx.now()), agency ? eq(disclosureEntries.agencyId, agency.id) : undefined),
    )
    .orderBy(desc(disclosureEntries.publishedAt), desc(disclosureEntries.id))
    .limit(limit);
  return {
    agency: agency ? { slug: agency.slug, nameTh: agency.nameTh, nameEn: agency.nameEn } : null,
    entries: entries.map((e) => ({
      ...e,
      publishedAt: e.publishedAt!,
      // A revision published later than the first publication updates the entry.
      updatedAt: e.updatedAt > e.publishedAt! ? e.updatedAt : e.publishedAt!,
    })),
  };
}

export type FeedEntries = Awaited<ReturnType<typeof listFeedEntries>>;
