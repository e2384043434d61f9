ALTER TABLE "attachments" ADD COLUMN "text_state" text DEFAULT 'read' NOT NULL;--> statement-breakpoint
-- Files stored before text states existed: those without text have none.
UPDATE "attachments" SET "text_state" = 'none' WHERE "extracted_text" IS NULL;
