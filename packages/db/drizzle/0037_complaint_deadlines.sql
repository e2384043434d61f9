CREATE TABLE "complaint_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"emailed" integer DEFAULT 0 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_reminders_complaintId_kind_unique" UNIQUE("complaint_id","kind"),
	CONSTRAINT "complaint_reminders_kind_check" CHECK ("complaint_reminders"."kind" in ('acknowledge-soon', 'acknowledge-overdue', 'decide-soon', 'decide-overdue'))
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "complaint_acknowledge_working_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "complaint_decide_working_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaint_reminders" ADD CONSTRAINT "complaint_reminders_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_reminders" ADD CONSTRAINT "complaint_reminders_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_reminders_agency_id_at_index" ON "complaint_reminders" USING btree ("agency_id","at");