DROP INDEX "disclosure_entries_published_at_index";--> statement-breakpoint
DROP INDEX "search_documents_published_at_index";--> statement-breakpoint
CREATE INDEX "disclosure_entries_published_at_id_index" ON "disclosure_entries" USING btree ("published_at","id");--> statement-breakpoint
CREATE INDEX "search_documents_published_at_entry_id_index" ON "search_documents" USING btree ("published_at","entry_id");