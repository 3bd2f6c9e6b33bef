CREATE TABLE "visit_segment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room_id" uuid,
	"presenter_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	CONSTRAINT "visit_segment_kind_valid" CHECK ("visit_segment"."kind" in ('briefing', 'session', 'tour', 'qa', 'break', 'other')),
	CONSTRAINT "visit_segment_range_valid" CHECK ("visit_segment"."starts_at" < "visit_segment"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "visit_request" ADD COLUMN "attendance" text;--> statement-breakpoint
ALTER TABLE "visit_request" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visit_segment" ADD CONSTRAINT "visit_segment_visit_id_visit_request_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_segment" ADD CONSTRAINT "visit_segment_room_id_resource_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_segment_visit_idx" ON "visit_segment" USING btree ("visit_id","position");--> statement-breakpoint
ALTER TABLE "visit_request" ADD CONSTRAINT "visit_attendance_valid" CHECK ("visit_request"."attendance" is null or "visit_request"."attendance" in ('arrived', 'no_show'));