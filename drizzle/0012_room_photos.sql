CREATE TABLE "room_photo" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"alt_ko" text NOT NULL,
	"alt_en" text NOT NULL,
	"large_webp" "bytea" NOT NULL,
	"large_width" integer NOT NULL,
	"large_height" integer NOT NULL,
	"thumb_webp" "bytea" NOT NULL,
	"thumb_width" integer NOT NULL,
	"thumb_height" integer NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "location_ko" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "location_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "free_of_charge" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "fee_note_ko" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "fee_note_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "office_name_ko" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "office_name_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "office_phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "room_photo" ADD CONSTRAINT "room_photo_room_id_room_resource_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("resource_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_photo" ADD CONSTRAINT "room_photo_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_photo_room_idx" ON "room_photo" USING btree ("room_id","sort_order");