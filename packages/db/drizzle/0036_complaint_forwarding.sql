ALTER TABLE "complaints" ALTER COLUMN "receipt_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ALTER COLUMN "form_token_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "forwarded_from_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_forwarded_from_id_complaints_id_fk" FOREIGN KEY ("forwarded_from_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_forwardedFromId_unique" UNIQUE("forwarded_from_id");