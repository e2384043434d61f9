CREATE TABLE "integrity_measure_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"date" date NOT NULL,
	"status" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrity_measure_progress_status_check" CHECK ("integrity_measure_progress"."status" in ('not-started', 'in-progress', 'done', 'delayed'))
);
--> statement-breakpoint
CREATE TABLE "integrity_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"source" text NOT NULL,
	"code" text NOT NULL,
	"score" numeric(5, 2),
	"finding" text NOT NULL,
	"measure_title" text NOT NULL,
	"steps" jsonb NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"responsible_unit" text NOT NULL,
	"monitoring" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrity_measures_source_check" CHECK ("integrity_measures"."source" in ('indicator', 'question')),
	CONSTRAINT "integrity_measures_period_check" CHECK ("integrity_measures"."end_date" >= "integrity_measures"."start_date")
);
--> statement-breakpoint
ALTER TABLE "integrity_measure_progress" ADD CONSTRAINT "integrity_measure_progress_measure_id_integrity_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."integrity_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_measure_progress" ADD CONSTRAINT "integrity_measure_progress_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_measures" ADD CONSTRAINT "integrity_measures_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_measures" ADD CONSTRAINT "integrity_measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integrity_measure_progress_measure_id_date_index" ON "integrity_measure_progress" USING btree ("measure_id","date");--> statement-breakpoint
CREATE INDEX "integrity_measures_agency_id_fiscal_year_index" ON "integrity_measures" USING btree ("agency_id","fiscal_year");