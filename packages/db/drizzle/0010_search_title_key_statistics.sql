-- search_documents.title_key (0009) replaces the expression the search used to match
-- titles on; its column statistics replace the expression statistics of 0008. Analyse
-- now so existing rows have them before the first search.
DROP STATISTICS IF EXISTS "search_documents_title_normalised";--> statement-breakpoint
ANALYZE "search_documents";
