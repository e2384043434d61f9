CREATE TABLE "complaint_drafts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"form_token_hash" text NOT NULL,
	"kek_id" text NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_drafts_formTokenHash_unique" UNIQUE("form_token_hash")
);
--> statement-breakpoint
CREATE TABLE "complaint_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"complaint_id" uuid,
	"draft_id" uuid,
	"event_id" uuid,
	"storage_key" text NOT NULL,
	"meta" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_files_storageKey_unique" UNIQUE("storage_key"),
	CONSTRAINT "complaint_files_owner" CHECK (("complaint_files"."complaint_id" IS NULL) <> ("complaint_files"."draft_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "complaint_files" ADD CONSTRAINT "complaint_files_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_files" ADD CONSTRAINT "complaint_files_draft_id_complaint_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."complaint_drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_files" ADD CONSTRAINT "complaint_files_event_id_complaint_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."complaint_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_files_complaint_id_index" ON "complaint_files" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_files_draft_id_index" ON "complaint_files" USING btree ("draft_id");