ALTER TABLE "users" ADD COLUMN "totp_pending_created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_superseded_key" "bytea";