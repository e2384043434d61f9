import { agencies, disclosureEntries, disclosureVersions, searchDocuments } from "@ita/db/schema";
import { DISCLOSURE_CATEGORIES } from "@ita/domain/categories";
import { DomainError } from "@ita/domain/errors";
import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { AgencyPageInput } from "@ita/domain/schemas";
import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@ita/db";
import type { Context } from "../context.ts";
import { preparedPerDatabase } from "../public/db-cache.ts";
import type { VersionedItem } from "../frameworks/entry-items.ts";
import {
  frameworkReferenceData,
  resolveFrameworkCached,
} from "../frameworks/resolve-framework-cached.ts";
import { isPublicEntry } from "../public/visibility.ts";

export interface PublishedEntrySummary {
  id: string;
  title: string;
  publishedAt: Date;
}

// Two queries in one round trip, both by slug and built once per database (each round
// trip and each query build costs the page more than PostgreSQL's work:
// docs/performance.md). Times are passed as ISO strings, as a placeholder skips the
// column's own encoding.
const slugParam = sql.placeholder("slug");
const nowParam = sql.placeholder("now");

/**
 * The agency, with the years that have something public: an index-only scan of
 * search_documents (which holds the published entries, with their time) instead of
 * reading every entry row of the agency. An entry scheduled for later does not make its
 * year available yet.
 */
const agencyWithYears = preparedPerDatabase((db: Executor) =>
  db
    .select({
      type: agencies.type,
      years: sql<number[]>`array(${db
        .selectDistinct({ fiscalYear: searchDocuments.fiscalYear })
        .from(searchDocuments)
        .where(
          and(
            eq(searchDocuments.agencyId, agencies.id),
            lte(searchDocuments.publishedAt, nowParam),
          ),
        )})`,
    })
    .from(agencies)
    .where(eq(agencies.slug, slugParam))
    .prepare("agency_with_years"),
);

/**
 * The public entries of one agency and year, by item, newest first: a statement per
 * year, the year written into it. As a parameter, the current year's few entries made
 * PostgreSQL's plan for the actual values look cheaper than its plan for any year, so it
 * planned the query again at every page view: 0.4–0.6 ms of its ~1.1 ms a page
 * (docs/performance.md). With the year in the text, the plan made once is kept. The year
 * is a validated integer (FiscalYearInput), so there are few statements.
 */
const publicEntriesOfYear = preparedPerDatabase((db: Executor) => {
  const byYear = new Map<number, ReturnType<typeof entriesOfYear>>();
  const entriesOfYear = (fiscalYear: number) =>
    db
      .select({
        id: disclosureEntries.id,
        itemCode: disclosureEntries.itemCode,
        frameworkId: disclosureEntries.frameworkId,
        title: disclosureVersions.title,
        publishedAt: disclosureEntries.publishedAt,
      })
      .from(disclosureEntries)
      .innerJoin(
        disclosureVersions,
        eq(disclosureVersions.id, disclosureEntries.publishedVersionId),
      )
      .where(
        and(
          eq(
            disclosureEntries.agencyId,
            sql`(select ${agencies.id} from ${agencies} where ${agencies.slug} = ${slugParam})`,
          ),
          eq(disclosureEntries.fiscalYear, sql.raw(String(fiscalYear))),
          isPublicEntry(nowParam),
        ),
      )
      .orderBy(asc(disclosureEntries.itemCode), desc(disclosureEntries.publishedAt))
      .prepare(`public_entries_of_year_${fiscalYear}`);
  return (fiscalYear: number) => {
    if (!Number.isSafeInteger(fiscalYear)) throw new TypeError(`fiscal year ${fiscalYear}`);
    let query = byYear.get(fiscalYear);
    if (!query) byYear.set(fiscalYear, (query = entriesOfYear(fiscalYear)));
    return query;
  };
});

/**
 * What an agency has published for a fiscal year, item by item of the framework that
 * governs it, grouped under the seven public categories (an item may sit under two); and,
 * apart, items that the governing version dropped or renamed yet entries were published
 * under, each as the newest version with such entries named it (ADR 0022).
 */
export async function getAgencyDisclosures({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db" | "now">;
  input: z.input<typeof AgencyPageInput>;
}) {
  const parsed = AgencyPageInput.parse(input);
  const now = ctx.now();
  const fiscalYear = parsed.fiscalYear ?? currentFiscalYear(now);
  const at = now.toISOString();
  const [[agency], entries] = await Promise.all([
    agencyWithYears(ctx.db).execute({ slug: parsed.slug, now: at }),
    publicEntriesOfYear(ctx.db)(fiscalYear).execute({ slug: parsed.slug, now: at }),
  ]);
  if (!agency) throw new DomainError("NOT_FOUND", `agency ${parsed.slug}`);
  // Both read the one-minute framework cache (ADR 0008): no query of the page's own.
  const [resolved, { ownItem }] = await Promise.all([
    resolveFrameworkCached(ctx.db, fiscalYear, agency.type),
    frameworkReferenceData(ctx.db),
  ]);
  const governingCodes = new Set((resolved?.items ?? []).map((i) => i.code));

  const byItem = new Map<string, PublishedEntrySummary[]>();
  // Items the governing version no longer has, as the newest version that published
  // entries were made under named them: such entries stay listed instead of vanishing.
  const dropped = new Map<string, VersionedItem>();
  for (const e of entries) {
    const list = byItem.get(e.itemCode) ?? [];
    list.push({ id: e.id, title: e.title, publishedAt: e.publishedAt! });
    byItem.set(e.itemCode, list);
    if (governingCodes.has(e.itemCode)) continue;
    const own = ownItem(e.frameworkId, e.itemCode);
    const known = dropped.get(e.itemCode);
    if (own && (!known || own.version > known.version)) dropped.set(e.itemCode, own);
  }

  const items = (resolved?.items ?? []).map((item) => ({
    code: item.code,
    titleTh: item.titleTh,
    titleEn: item.titleEn,
    categories: item.categories,
    tag: item.tag,
    entries: byItem.get(item.code) ?? [],
  }));
  const categories = DISCLOSURE_CATEGORIES.map((c) => ({
    ...c,
    items: items.filter((i) => i.categories.includes(c.number)),
  }));
  const published = items.filter((i) => i.entries.length > 0).length;
  // Not among the year's required items, so outside the completeness count.
  const earlierItems = [...dropped.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
    .map((item) => ({
      code: item.code,
      titleTh: item.titleTh,
      titleEn: item.titleEn,
      categories: item.categories,
      /** The version of the year's criteria the item comes from. */
      earlierVersion: item.version,
      entries: byItem.get(item.code) ?? [],
    }));

  return {
    fiscalYear,
    framework: resolved
      ? {
          key: resolved.framework.key,
          fiscalYear: resolved.framework.fiscalYear,
          titleTh: resolved.framework.titleTh,
          titleEn: resolved.framework.titleEn,
          inherited: resolved.inherited,
        }
      : null,
    categories,
    earlierItems,
    completeness: { published, required: items.length },
    availableYears: [...new Set([...agency.years, currentFiscalYear(now)])].sort((a, b) => b - a),
  };
}

export type AgencyDisclosures = Awaited<ReturnType<typeof getAgencyDisclosures>>;
