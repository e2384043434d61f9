/**
 * Schema changes this benchmark suggests (docs/performance.md), applied to the bench
 * database only with --suggested, so their effect on the real portal code can be
 * measured before anyone writes the migration. Without the flag they are removed, so a
 * kept database measures the committed schema.
 */
import type { DatabaseHandle } from "@ita/db";
import { sql } from "drizzle-orm";

const INDEX = "bench_search_documents_published_at_entry_id";
const STATISTICS = "bench_search_documents_title_normalised";

export async function applySuggestions(
  handle: DatabaseHandle,
  databaseName: string,
  on: boolean,
): Promise<void> {
  const { db } = handle;
  if (on) {
    // ORDER BY published_at DESC, entry_id DESC (search, home page) walks this backwards
    // and stops after a page; the existing DESC NULLS LAST index cannot serve that order.
    await db.execute(
      sql.raw(`create index if not exists ${INDEX} on search_documents (published_at, entry_id)`),
    );
    // The title-first rank filters on this expression; without statistics the planner
    // guesses 0.01 % instead of ~15 % for a common word and sorts every match.
    await db.execute(
      sql.raw(
        `create statistics if not exists ${STATISTICS} on (lower(normalize(title, NFC))) from search_documents`,
      ),
    );
    if (handle.driver === "postgres")
      await db.execute(sql.raw(`alter database ${databaseName} set jit = off`));
  } else {
    await db.execute(sql.raw(`drop index if exists ${INDEX}`));
    await db.execute(sql.raw(`drop statistics if exists ${STATISTICS}`));
    if (handle.driver === "postgres")
      await db.execute(sql.raw(`alter database ${databaseName} reset jit`));
  }
  await db.execute(sql`analyze search_documents`);
}
