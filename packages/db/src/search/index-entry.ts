import { thaiSearchKey } from "@ita/domain/thai-text";
import { eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { searchDocuments } from "../schema/index.ts";

/**
 * INSERT … SELECT of search rows for the published, not withdrawn entries matching
 * `filter`: title + description (markup stripped) + attachment names and extracted
 * text, folded by `search_key()` (the SQL twin of thaiSearchKey) for trigram matching.
 * The key is taken before spaces are collapsed, so it still sees where a file's lines
 * broke inside a Thai word. One statement serves a single entry (publishing) and the
 * whole table (seeding, benchmarks).
 */
function insertSearchDocuments(filter: SQL): SQL {
  return sql`
    insert into search_documents (entry_id, agency_id, province_id, district_id, fiscal_year, item_code,
      categories, title, body, search_text, published_at)
    select e.id, e.agency_id, a.province_id, a.district_id, e.fiscal_year, e.item_code,
      coalesce((select fi.categories from framework_items fi join frameworks f on f.id = fi.framework_id
                where fi.code = e.item_code and f.fiscal_year <= e.fiscal_year and a.type = any(f.agency_types)
                order by f.fiscal_year desc limit 1), '{}'),
      v.title, trim(regexp_replace(d.raw, '\\s+', ' ', 'g')),
      search_key(v.title || ' ' || d.raw),
      e.published_at
    from disclosure_entries e
    join agencies a on a.id = e.agency_id
    join disclosure_versions v on v.id = e.published_version_id
    cross join lateral (
      select regexp_replace(v.description_html, '<[^>]*>', ' ', 'g') || ' ' || coalesce(
        (select string_agg(f.file_name || ' ' || coalesce(f.extracted_text, ''), ' ')
           from attachments f where f.version_id = v.id), '') as raw
    ) d
    where e.published_at is not null and e.withdrawn_at is null and ${filter}`;
}

/**
 * Brings the search row of one entry in line with what the public sees: a row for a
 * published entry, none otherwise. Call it inside the publishing transaction.
 */
export async function refreshSearchDocument(db: Executor, entryId: string): Promise<void> {
  await db.delete(searchDocuments).where(eq(searchDocuments.entryId, entryId));
  await db.execute(insertSearchDocuments(sql`e.id = ${entryId}`));
}

/** Rebuilds the whole index (seeding, benchmarks, repair). */
export async function rebuildSearchDocuments(db: Executor): Promise<void> {
  await db.delete(searchDocuments);
  await db.execute(insertSearchDocuments(sql`true`));
}

/** The same folding applied to a query string. */
export function normaliseSearchText(text: string): string {
  return thaiSearchKey(text);
}
