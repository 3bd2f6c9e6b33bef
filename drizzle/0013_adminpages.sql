ALTER TABLE "department" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "department" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "department" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "department" ADD COLUMN "description" text;