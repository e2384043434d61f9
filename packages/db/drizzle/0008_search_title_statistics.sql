-- The title-first search rank filters on lower(normalize(title, NFC)) LIKE '%…%'. Without
-- statistics on that expression the planner guesses ~0.01 % of rows for any word (15 %
-- for a common one), never walks the published_at index and sorts every match
-- (docs/performance.md, finding 2). PostgreSQL 14+ (PGlite 18, our server 15).
CREATE STATISTICS IF NOT EXISTS "search_documents_title_normalised" ON (lower(normalize("title", NFC))) FROM "search_documents";--> statement-breakpoint
ANALYZE "search_documents";
