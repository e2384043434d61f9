ALTER TABLE "framework_items" ADD COLUMN "tag" text;--> statement-breakpoint
ALTER TABLE "framework_items" ADD COLUMN "guidance_th" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_items" ADD COLUMN "guidance_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_items" ADD CONSTRAINT "framework_items_frameworkId_tag_unique" UNIQUE("framework_id","tag");--> statement-breakpoint
ALTER TABLE "framework_items" ADD CONSTRAINT "framework_items_tag_check" CHECK ("framework_items"."tag" in ('complaint-guideline', 'complaint-channel', 'complaint-statistics', 'measures', 'measures-implementation'));