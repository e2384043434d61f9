ALTER TABLE "frameworks" DROP CONSTRAINT "frameworks_key_unique";--> statement-breakpoint
ALTER TABLE "frameworks" DROP CONSTRAINT "frameworks_fiscalYear_key_unique";--> statement-breakpoint
ALTER TABLE "disclosure_entries" ADD COLUMN "framework_id" uuid;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "previous_version_id" uuid;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "edited_by" uuid;--> statement-breakpoint
ALTER TABLE "disclosure_entries" ADD CONSTRAINT "disclosure_entries_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_previous_version_id_frameworks_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_entries_framework_id_index" ON "disclosure_entries" USING btree ("framework_id");--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_current_key" ON "frameworks" USING btree ("key") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "frameworks_fiscal_year_index" ON "frameworks" USING btree ("fiscal_year");--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_key_version_unique" UNIQUE("key","version");--> statement-breakpoint
-- Entries made before versioning point at the framework that governed them (ADR 0019;
-- the same statement as assignEntryFrameworks in src/seed/frameworks.ts).
UPDATE "disclosure_entries" e SET "framework_id" = (
  SELECT f."id" FROM "frameworks" f JOIN "agencies" a ON a."id" = e."agency_id"
  WHERE f."superseded_at" IS NULL AND f."fiscal_year" <= e."fiscal_year"
    AND a."type" = ANY(f."agency_types")
  ORDER BY f."fiscal_year" DESC, f."key" LIMIT 1)
WHERE e."framework_id" IS NULL;
