CREATE TABLE "item_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"round_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"verdict" text NOT NULL,
	"comment" text,
	"version_ids" uuid[] NOT NULL,
	"reviewer_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_reviews_verdict_check" CHECK ("item_reviews"."verdict" in ('ok', 'needs-fix'))
);
--> statement-breakpoint
CREATE TABLE "province_review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"number" integer NOT NULL,
	"title_th" text NOT NULL,
	"deadline" date NOT NULL,
	"item_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "province_review_rounds_provinceId_fiscalYear_number_unique" UNIQUE("province_id","fiscal_year","number")
);
--> statement-breakpoint
CREATE TABLE "review_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"missing_count" integer NOT NULL,
	"emailed" integer DEFAULT 0 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_reminders_roundId_agencyId_kind_unique" UNIQUE("round_id","agency_id","kind"),
	CONSTRAINT "review_reminders_kind_check" CHECK ("review_reminders"."kind" in ('due-soon', 'overdue'))
);
--> statement-breakpoint
ALTER TABLE "item_reviews" ADD CONSTRAINT "item_reviews_round_id_province_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."province_review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_reviews" ADD CONSTRAINT "item_reviews_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_reviews" ADD CONSTRAINT "item_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_review_rounds" ADD CONSTRAINT "province_review_rounds_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_review_rounds" ADD CONSTRAINT "province_review_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reminders" ADD CONSTRAINT "review_reminders_round_id_province_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."province_review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reminders" ADD CONSTRAINT "review_reminders_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_reviews_agency_id_item_code_seq_index" ON "item_reviews" USING btree ("agency_id","item_code","seq");--> statement-breakpoint
CREATE INDEX "item_reviews_round_id_index" ON "item_reviews" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "review_reminders_agency_id_at_index" ON "review_reminders" USING btree ("agency_id","at");--> statement-breakpoint
ALTER TABLE "framework_items" DROP COLUMN "review_round";--> statement-breakpoint
ALTER TABLE "frameworks" DROP COLUMN "review_rounds";