CREATE TABLE "complaint_counters" (
	"agency_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "complaint_counters_agency_id_fiscal_year_pk" PRIMARY KEY("agency_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"complaint_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"author" text NOT NULL,
	"actor_id" uuid,
	"from_state" text,
	"to_state" text,
	"internal" boolean DEFAULT false NOT NULL,
	"body" "bytea"
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"reference" text NOT NULL,
	"subject" text NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"outcome" text,
	"receipt_hash" text NOT NULL,
	"form_token_hash" text NOT NULL,
	"kek_id" text NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"content" "bytea",
	"identity" "bytea",
	"is_anonymous" boolean NOT NULL,
	"assignee_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledge_by" timestamp with time zone NOT NULL,
	"decide_by" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_receiptHash_unique" UNIQUE("receipt_hash"),
	CONSTRAINT "complaints_formTokenHash_unique" UNIQUE("form_token_hash"),
	CONSTRAINT "complaints_agencyId_reference_unique" UNIQUE("agency_id","reference")
);
--> statement-breakpoint
ALTER TABLE "complaint_counters" ADD CONSTRAINT "complaint_counters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_id_seq_index" ON "complaint_events" USING btree ("complaint_id","seq");--> statement-breakpoint
CREATE INDEX "complaints_agency_id_state_received_at_index" ON "complaints" USING btree ("agency_id","state","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_agency_id_fiscal_year_index" ON "complaints" USING btree ("agency_id","fiscal_year");