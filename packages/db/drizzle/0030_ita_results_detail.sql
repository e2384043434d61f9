CREATE TABLE "province_result_targets" (
	"province_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"pass_target" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "province_result_targets_province_id_fiscal_year_pk" PRIMARY KEY("province_id","fiscal_year")
);
--> statement-breakpoint
ALTER TABLE "ita_results" ADD COLUMN "indicators" jsonb;--> statement-breakpoint
ALTER TABLE "ita_results" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "province_result_targets" ADD CONSTRAINT "province_result_targets_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;