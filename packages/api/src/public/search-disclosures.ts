import { agencies, provinces, searchDocuments } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { SearchInput } from "@ita/domain/schemas";
import { and, arrayContains, desc, eq, ilike, lte, not, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";
import { containsPattern, searchTerms } from "./search-terms.ts";

export const SEARCH_PAGE_SIZE = 20;
const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 220;

/**
 * Full-text search over what is public (titles, descriptions, attachment names and
 * text), Thai-aware: the query is split into words and every word must occur
 * (ILIKE on the pg_trgm-indexed `search_text`). Title matches rank first, then newest.
 *
 * Built to stay fast on a million rows: no count(*); each rank is its own query
 * ordered by `published_at desc` with a LIMIT (the planner may walk the published_at
 * index and stop early for common words, or use the trigram index for rare ones), and
 * one row beyond the page tells whether there is a next page.
 */
export async function searchDisclosures({ ctx, input }: { ctx: Pick<Context, "db" | "now">; input: z.input<typeof SearchInput> }) {
  const parsed = SearchInput.parse(input);
  const terms = searchTerms(parsed.q);
  if (terms.length === 0) {
    throw new DomainError("INVALID_INPUT", "query has no words", { field: "q" });
  }
  const sd = searchDocuments;
  const filters: SQL[] = [lte(sd.publishedAt, ctx.now())];
  for (const t of terms) filters.push(ilike(sd.searchText, containsPattern(t)));
  if (parsed.province) filters.push(sql`${sd.provinceId} = (select id from provinces where slug = ${parsed.province})`);
  if (parsed.agency) filters.push(sql`${sd.agencyId} = (select id from agencies where slug = ${parsed.agency})`);
  if (parsed.category) filters.push(arrayContains(sd.categories, [parsed.category]));
  if (parsed.item) filters.push(eq(sd.itemCode, parsed.item));
  if (parsed.fiscalYear) filters.push(eq(sd.fiscalYear, parsed.fiscalYear));
  // search_text is lower-cased and normalised, the title is not: compare like with like.
  const inTitle = and(...terms.map((t) => sql`lower(normalize(${sd.title}, NFC)) like ${containsPattern(t)}`))!;

  const offset = (parsed.page - 1) * SEARCH_PAGE_SIZE;
  const wanted = offset + SEARCH_PAGE_SIZE + 1;
  const firstTerm = terms[0]!;
  const rank = (titleMatch: boolean, limit: number) =>
    ctx.db
      .select({
        entryId: sd.entryId,
        title: sd.title,
        fiscalYear: sd.fiscalYear,
        itemCode: sd.itemCode,
        categories: sd.categories,
        publishedAt: sd.publishedAt,
        // The text around the first word, so the page shows why it matched.
        snippet: sql<string>`substr(${sd.body}, greatest(1, strpos(lower(${sd.body}), ${firstTerm}) - ${SNIPPET_BEFORE}), ${SNIPPET_LENGTH})`,
        agencySlug: agencies.slug,
        agencyNameTh: agencies.nameTh,
        agencyNameEn: agencies.nameEn,
        provinceNameTh: provinces.nameTh,
        provinceNameEn: provinces.nameEn,
      })
      .from(sd)
      .innerJoin(agencies, eq(agencies.id, sd.agencyId))
      .innerJoin(provinces, eq(provinces.id, sd.provinceId))
      .where(and(...filters, titleMatch ? inTitle : not(inTitle)))
      .orderBy(desc(sd.publishedAt), desc(sd.entryId))
      .limit(limit);

  const titleHits = await rank(true, wanted);
  const otherHits = titleHits.length < wanted ? await rank(false, wanted - titleHits.length) : [];
  const rows = [...titleHits.map((r) => ({ ...r, titleMatch: true })), ...otherHits.map((r) => ({ ...r, titleMatch: false }))].slice(offset);

  return {
    query: parsed.q,
    terms,
    filters: { province: parsed.province, agency: parsed.agency, category: parsed.category, item: parsed.item, fiscalYear: parsed.fiscalYear },
    page: parsed.page,
    pageSize: SEARCH_PAGE_SIZE,
    hasNextPage: rows.length > SEARCH_PAGE_SIZE,
    results: rows.slice(0, SEARCH_PAGE_SIZE),
  };
}

export type SearchResults = Awaited<ReturnType<typeof searchDisclosures>>;
