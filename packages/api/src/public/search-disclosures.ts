import { agencies, provinces, searchDocuments } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { SEARCH_PAGE_SIZE, SEARCH_MAX_PAGE, SearchInput } from "@ita/domain/schemas";
import { and, arrayContains, desc, eq, like, lte, not, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@ita/db";
import type { Context } from "../context.ts";
import { findFileMatches, type FileMatch } from "./file-matches.ts";
import { limitSearch } from "./search-limiter.ts";
import { containsPattern } from "../like-pattern.ts";
import { hasTooManyTerms, searchPhrases, searchTerms } from "./search-terms.ts";
import { withStatementTimeout } from "./statement-timeout.ts";

/** A search that takes longer is cancelled, so broad queries cannot hold the connection pool. */
export const SEARCH_STATEMENT_TIMEOUT_MS = 3000;
const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 220;

/**
 * Full-text search over what is public (titles, descriptions, attachment names and
 * text), Thai-aware: the query is split into words and every word must occur
 * (ILIKE on the pg_trgm-indexed `search_text`). Title matches rank first, then newest.
 *
 * Built to stay fast on a million rows: no count(*); each rank is its own query
 * ordered by `published_at desc` with a LIMIT (the title rank may walk the published_at
 * index and stop early for common words, or use the trigram index for rare ones; the
 * text rank reads the newest month first, ADR 0034), and one row beyond the page tells
 * whether there is a next page.
 *
 * Bounded for the embedded database, where a statement timeout does nothing: at most
 * SEARCH_MAX_TERMS terms, SEARCH_MAX_PAGE pages (the schema), a few searches at once
 * (search-limiter.ts), and no further query once the time limit has passed.
 */
export async function searchDisclosures({
  ctx,
  input,
  timeoutMs = SEARCH_STATEMENT_TIMEOUT_MS,
}: {
  ctx: Pick<Context, "db" | "now">;
  input: z.input<typeof SearchInput>;
  timeoutMs?: number;
}) {
  const parsed = SearchInput.parse(input);
  const phrases = searchPhrases(parsed.q);
  if (phrases.length === 0) {
    throw new DomainError("INVALID_INPUT", "query has no words", { field: "q" });
  }
  const words = searchTerms(parsed.q);
  const offset = (parsed.page - 1) * SEARCH_PAGE_SIZE;
  let deadline = 0;
  const search = (db: Executor, terms: string[], skip: number, pageSize: number) => {
    // PGlite cannot cancel a statement; at least start no other once time is up.
    const overdue = () => {
      if (Date.now() > deadline) throw new DomainError("QUERY_TOO_BROAD", "search time limit");
    };
    overdue();
    return findRanked(db, {
      now: ctx.now(),
      filters: parsed,
      terms,
      offset: skip,
      pageSize,
      overdue,
    });
  };

  const { terms, rows } = await limitSearch(ctx.db, () => {
    deadline = Date.now() + timeoutMs;
    return withStatementTimeout(ctx.db, timeoutMs, async (db) => {
      // Phrases as typed first; the words of each phrase only when the phrases find
      // nothing at all ("ครุภัณฑ์สำนักงาน" in a text that says "ครุภัณฑ์ สำนักงาน").
      const byPhrase = await search(db, phrases, offset, SEARCH_PAGE_SIZE);
      const sameTerms = words.length === phrases.length && words.every((w) => phrases.includes(w));
      if (byPhrase.length > 0 || sameTerms) return { terms: phrases, rows: byPhrase };
      if (offset > 0 && (await search(db, phrases, 0, 1)).length > 0)
        return { terms: phrases, rows: byPhrase };
      return { terms: words, rows: await search(db, words, offset, SEARCH_PAGE_SIZE) };
    });
  });

  return {
    query: parsed.q,
    terms,
    filters: {
      province: parsed.province,
      agency: parsed.agency,
      category: parsed.category,
      item: parsed.item,
      fiscalYear: parsed.fiscalYear,
    },
    page: parsed.page,
    pageSize: SEARCH_PAGE_SIZE,
    hasNextPage: rows.length > SEARCH_PAGE_SIZE && parsed.page < SEARCH_MAX_PAGE,
    /** There are more results than the deepest page shows: narrowing would find them. */
    beyondLastPage: rows.length > SEARCH_PAGE_SIZE && parsed.page >= SEARCH_MAX_PAGE,
    /** Only the first SEARCH_MAX_TERMS words of the query were searched. */
    tooManyTerms: hasTooManyTerms(parsed.q),
    results: rows.slice(0, SEARCH_PAGE_SIZE),
  };
}

type SearchFilters = Pick<
  z.output<typeof SearchInput>,
  "province" | "agency" | "category" | "item" | "fiscalYear"
>;

/**
 * Rows `offset … offset + pageSize` (and one more, telling whether a next page exists)
 * of the documents containing every term: title matches first, then the others, each
 * newest first.
 */
async function findRanked(
  db: Executor,
  {
    now,
    filters: f,
    terms,
    offset,
    pageSize,
    overdue,
  }: {
    now: Date;
    filters: SearchFilters;
    terms: string[];
    offset: number;
    pageSize: number;
    /** Throws once the search's time is up. */
    overdue: () => void;
  },
) {
  const sd = searchDocuments;
  const isPublic = lte(sd.publishedAt, now);
  const filters: SQL[] = [isPublic];
  if (f.province)
    filters.push(sql`${sd.provinceId} = (select id from provinces where slug = ${f.province})`);
  if (f.agency)
    filters.push(sql`${sd.agencyId} = (select id from agencies where slug = ${f.agency})`);
  if (f.category) filters.push(arrayContains(sd.categories, [f.category]));
  if (f.item) filters.push(eq(sd.itemCode, f.item));
  if (f.fiscalYear) filters.push(eq(sd.fiscalYear, f.fiscalYear));
  // title_key is the title normalised like search_text: compare like with like. Both
  // are lower-cased already, so LIKE (cheaper than ILIKE, same trigram indexes) will do.
  const inTitle = and(...terms.map((t) => like(sd.titleKey, containsPattern(t))))!;
  // search_text begins with the title, so a title match needs no search_text condition:
  // the title rank then uses the small title index (or walks published_at and stops
  // early) instead of reading every document that contains the word.
  const inText = and(...terms.map((t) => like(sd.searchText, containsPattern(t))))!;

  const wanted = offset + pageSize + 1;
  const firstTerm = terms[0]!;
  const hitFields = { entryId: sd.entryId, publishedAt: sd.publishedAt };
  const order = [desc(sd.publishedAt), desc(sd.entryId)];
  const newestFirst = (where: SQL[], limit: number) =>
    db
      .select(hitFields)
      .from(sd)
      .where(and(...where))
      .orderBy(...order)
      .limit(limit)
      .as("hits");
  // Title matches: few even for a common word's page (the planner walks published_at or
  // reads the small title index).
  const titleHits = (limit: number) => newestFirst([...filters, inTitle], limit);
  const textOnly = [inText, not(inTitle)!];
  // A narrowed search has few documents a month, so the months would mostly be probed
  // in vain (88–110 ms for one agency's, against 2–4 ms): one query, the planner's
  // choice, which starts from the filter's index where it has one.
  const narrowed = Boolean(f.province || f.agency || f.category || f.item || f.fiscalYear);
  // The whole index's text matches: month by month, newest first, stopping once the page
  // is full (a LIMIT over the months' nested loop runs no further month). A rare word's
  // page reads a month's matches instead of all of them, and a word the planner wrongly
  // thinks common walks one month's rows at worst, not the whole index (ADR 0034). No
  // ORDER BY here: the months come in generate_series' order, each month's rows sorted,
  // and sorting the union would make every month run.
  const textHits = (limit: number) => {
    if (narrowed) return newestFirst([...filters, ...textOnly], limit);
    const month = sql<number>`m.month`;
    // From the month of the newest public document (one row of the published_at index):
    // the column's own value, so the month rule is written once, in the schema.
    const newestMonth = db
      .select({ month: sd.publishedMonth })
      .from(sd)
      .where(isPublic)
      .orderBy(desc(sd.publishedAt))
      .limit(1);
    const ofMonth = db
      .select(hitFields)
      .from(sd)
      .where(and(...filters, eq(sd.publishedMonth, month), ...textOnly))
      .orderBy(...order)
      .limit(limit)
      .as("month_hits");
    return db
      .select({ entryId: ofMonth.entryId, publishedAt: ofMonth.publishedAt })
      .from(
        sql`generate_series((${newestMonth}), (select min(${sd.publishedMonth}) from ${sd}), -1) as m(month)`,
      )
      .crossJoinLateral(ofMonth)
      .limit(limit)
      .as("hits");
  };
  const rank = (hits: ReturnType<typeof titleHits> | ReturnType<typeof textHits>) =>
    // The page's rows first, then their details: joining and cutting snippets for every
    // match of a rare word before the top-N sort cost as much as finding them.
    db
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
      .from(hits)
      .innerJoin(sd, eq(sd.entryId, hits.entryId))
      .innerJoin(agencies, eq(agencies.id, sd.agencyId))
      .innerJoin(provinces, eq(provinces.id, sd.provinceId))
      .orderBy(desc(hits.publishedAt), desc(hits.entryId));

  const inTitleRows = await rank(titleHits(wanted));
  if (inTitleRows.length < wanted) overdue();
  const inTextRows =
    inTitleRows.length < wanted ? await rank(textHits(wanted - inTitleRows.length)) : [];
  const page = [
    ...inTitleRows.map((r) => ({ ...r, titleMatch: true })),
    ...inTextRows.map((r) => ({ ...r, titleMatch: false })),
  ].slice(offset);
  // Found in the text, not the title: say which file, with the words around the match
  // (a nicety: skipped when the search's time is up).
  let inTime = true;
  try {
    overdue();
  } catch {
    inTime = false;
  }
  const inTextIds = page.filter((r) => !r.titleMatch).map((r) => r.entryId);
  const files = inTime ? await findFileMatches(db, inTextIds, terms) : new Map<string, FileMatch>();
  return page.map((r) => {
    const file: FileMatch | null = files.get(r.entryId) ?? null;
    return { ...r, file, snippet: file?.snippet || r.snippet };
  });
}

export type SearchResults = Awaited<ReturnType<typeof searchDisclosures>>;
