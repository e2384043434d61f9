DROP INDEX "search_documents_text_trgm";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "published_month" integer GENERATED ALWAYS AS ((date_part('year', published_at at time zone 'UTC') * 12 + date_part('month', published_at at time zone 'UTC') - 1)::integer) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "search_documents_month_text_trgm" ON "search_documents" USING gin ("published_month","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_published_month_published_at_entry_id_index" ON "search_documents" USING btree ("published_month","published_at","entry_id");--> statement-breakpoint
ANALYZE "search_documents";
