CREATE TABLE "pending_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" text NOT NULL,
	"awaiting" text NOT NULL,
	"requested_by" uuid,
	"requested_in_session" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pending_roles_userId_agencyId_role_unique" UNIQUE("user_id","agency_id","role"),
	CONSTRAINT "pending_roles_role_check" CHECK ("pending_roles"."role" in ('agency-admin', 'editor', 'approver', 'complaint-officer')),
	CONSTRAINT "pending_roles_awaiting_check" CHECK ("pending_roles"."awaiting" in ('account-holder', 'second-admin'))
);
--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "granted_by" uuid;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "granted_in_session" text;--> statement-breakpoint
ALTER TABLE "pending_roles" ADD CONSTRAINT "pending_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_roles" ADD CONSTRAINT "pending_roles_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_roles" ADD CONSTRAINT "pending_roles_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_roles_agency_id_index" ON "pending_roles" USING btree ("agency_id");--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;