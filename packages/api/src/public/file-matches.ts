import type { Executor } from "@ita/db";
import { queryRows } from "@ita/db/client";
import { sql } from "drizzle-orm";
import { containsPattern } from "../like-pattern.ts";

const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 220;

export interface FileMatch {
  fileName: string;
  /** The text was read by OCR from page images: words may be misread. */
  ocr: boolean;
  snippet: string;
}

/**
 * For results found in their text rather than their title: the first public file of
 * each entry whose name and text hold every term, with the text around the first
 * term, so the result can say "found in <file>". Runs on a page of rows only.
 */
export async function findFileMatches(
  db: Executor,
  entryIds: string[],
  terms: string[],
): Promise<Map<string, FileMatch>> {
  if (entryIds.length === 0 || terms.length === 0) return new Map();
  const first = terms[0]!;
  const holdsAll = sql.join(
    terms.map((t) => sql`k.key like ${containsPattern(t)}`),
    sql` and `,
  );
  const rows = await queryRows<{
    entry_id: string;
    file_name: string;
    text_state: string;
    snippet: string | null;
  }>(
    db,
    sql`
    select distinct on (f.entry_id) f.entry_id, f.file_name, f.text_state,
      case when p.pos > 0
        then substr(f.extracted_text, greatest(1, p.pos - ${SNIPPET_BEFORE}), ${SNIPPET_LENGTH})
        else substr(k.key, greatest(1, strpos(k.key, ${first}) - ${SNIPPET_BEFORE}), ${SNIPPET_LENGTH})
      end as snippet
    from attachments f
    join disclosure_entries e on e.id = f.entry_id and e.published_version_id = f.version_id
    cross join lateral (select search_key(f.file_name || ' ' || coalesce(f.extracted_text, '')) as key) k
    cross join lateral (select strpos(lower(coalesce(f.extracted_text, '')), ${first}) as pos) p
    where f.entry_id in (${sql.join(
      entryIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and ${holdsAll}
    order by f.entry_id, f.created_at`,
  );
  return new Map(
    rows.map((r) => [
      r.entry_id,
      {
        fileName: r.file_name,
        ocr: r.text_state === "ocr",
        snippet: (r.snippet ?? "").replace(/\s+/g, " ").trim(),
      },
    ]),
  );
}
