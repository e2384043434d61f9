-- title_key folds like search_text now (search_key(), 0014): ๒๕๖๘ in a title is a title match for 2568.
ALTER TABLE "search_documents" drop column "title_key";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "title_key" text GENERATED ALWAYS AS (search_key(title)) STORED;--> statement-breakpoint
-- Dropping the column took its trigram index (0011) with it.
CREATE INDEX "search_documents_title_key_trgm" ON "search_documents" USING gin ("title_key" gin_trgm_ops);--> statement-breakpoint
ANALYZE "search_documents";
