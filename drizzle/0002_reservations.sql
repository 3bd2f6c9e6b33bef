CREATE TYPE "public"."reservation_status" AS ENUM('requested', 'confirmed', 'rejected', 'cancelled', 'completed', 'no_show');--> statement-breakpoint
CREATE TABLE "closure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closure_range_valid" CHECK ("closure"."starts_at" < "closure"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "idempotency_key" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" smallint,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_key_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "reservation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"held_from" timestamp with time zone NOT NULL,
	"held_until" timestamp with time zone NOT NULL,
	"held" "tstzrange" GENERATED ALWAYS AS (tstzrange(held_from, held_until, '[)')) STORED,
	"status" "reservation_status" NOT NULL,
	"booked_by" uuid NOT NULL,
	"school_id" uuid,
	"purpose" text NOT NULL,
	"attendees" integer NOT NULL,
	"series_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservation_range_valid" CHECK ("reservation"."starts_at" < "reservation"."ends_at"),
	CONSTRAINT "reservation_held_covers" CHECK ("reservation"."held_from" <= "reservation"."starts_at" and "reservation"."held_until" >= "reservation"."ends_at"),
	CONSTRAINT "reservation_attendees_positive" CHECK ("reservation"."attendees" > 0)
);
--> statement-breakpoint
CREATE TABLE "room_rule" (
	"resource_id" uuid PRIMARY KEY NOT NULL,
	"granularity_minutes" smallint DEFAULT 30 NOT NULL,
	"min_minutes" integer DEFAULT 30 NOT NULL,
	"max_minutes" integer DEFAULT 480 NOT NULL,
	"lead_time_minutes" integer DEFAULT 60 NOT NULL,
	"horizon_days" integer DEFAULT 90 NOT NULL,
	"buffer_before_minutes" smallint DEFAULT 0 NOT NULL,
	"buffer_after_minutes" smallint DEFAULT 0 NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"allowed_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"allowed_school_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"monthly_quota_minutes" integer,
	"closed_on_holidays" boolean DEFAULT true NOT NULL,
	"cancel_cutoff_minutes" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_rule_granularity_valid" CHECK ("room_rule"."granularity_minutes" in (5, 10, 15, 20, 30, 60)),
	CONSTRAINT "room_rule_length_valid" CHECK ("room_rule"."min_minutes" > 0 and "room_rule"."min_minutes" <= "room_rule"."max_minutes"),
	CONSTRAINT "room_rule_lead_valid" CHECK ("room_rule"."lead_time_minutes" >= 0 and "room_rule"."horizon_days" > 0),
	CONSTRAINT "room_rule_buffers_valid" CHECK ("room_rule"."buffer_before_minutes" between 0 and 240 and "room_rule"."buffer_after_minutes" between 0 and 240),
	CONSTRAINT "room_rule_quota_valid" CHECK ("room_rule"."monthly_quota_minutes" is null or "room_rule"."monthly_quota_minutes" > 0),
	CONSTRAINT "room_rule_cutoff_valid" CHECK ("room_rule"."cancel_cutoff_minutes" >= 0)
);
--> statement-breakpoint
ALTER TABLE "closure" ADD CONSTRAINT "closure_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure" ADD CONSTRAINT "closure_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_booked_by_app_user_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_cancelled_by_app_user_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_rule" ADD CONSTRAINT "room_rule_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closure_resource_idx" ON "closure" USING btree ("resource_id","starts_at");--> statement-breakpoint
CREATE INDEX "idempotency_key_created_idx" ON "idempotency_key" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "reservation_resource_start_idx" ON "reservation" USING btree ("resource_id","starts_at");--> statement-breakpoint
CREATE INDEX "reservation_booked_by_idx" ON "reservation" USING btree ("booked_by","starts_at");--> statement-breakpoint
CREATE INDEX "reservation_school_idx" ON "reservation" USING btree ("school_id","starts_at");--> statement-breakpoint
CREATE INDEX "reservation_series_idx" ON "reservation" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "reservation_status_start_idx" ON "reservation" USING btree ("status","starts_at");