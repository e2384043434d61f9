CREATE TABLE "access_counters" (
	"agency_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"kind" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "access_counters_agency_id_fiscal_year_quarter_kind_pk" PRIMARY KEY("agency_id","fiscal_year","quarter","kind")
);
--> statement-breakpoint
ALTER TABLE "access_counters" ADD CONSTRAINT "access_counters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;