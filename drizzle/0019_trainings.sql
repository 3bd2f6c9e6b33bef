CREATE TABLE "training_programme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department_id" uuid NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text NOT NULL,
	"description_ko" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"audience" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"school_id" uuid,
	"registered_by" uuid,
	"name" text NOT NULL,
	"position" text NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"waiting_number" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	CONSTRAINT "training_registration_status_valid" CHECK ("training_registration"."status" in ('confirmed', 'waitlisted', 'pending_draw', 'cancelled', 'declined', 'attended', 'no_show')),
	CONSTRAINT "training_registration_waiting_valid" CHECK ("training_registration"."status" <> 'waitlisted' or "training_registration"."waiting_number" is not null)
);
--> statement-breakpoint
CREATE TABLE "training_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room_id" uuid,
	"venue_name" text,
	"venue_address" text,
	"capacity" integer NOT NULL,
	"region" text NOT NULL,
	"district" text,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"cancel_cutoff" timestamp with time zone,
	"per_school_cap" integer,
	"mode" text DEFAULT 'first_come' NOT NULL,
	"lottery_minutes" integer,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"waiting_seq" integer DEFAULT 0 NOT NULL,
	"draw_seed" text,
	"draw_log" jsonb,
	"drawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_session_range_valid" CHECK ("training_session"."starts_at" < "training_session"."ends_at"),
	CONSTRAINT "training_session_window_valid" CHECK ("training_session"."opens_at" < "training_session"."closes_at" and "training_session"."closes_at" <= "training_session"."ends_at"),
	CONSTRAINT "training_session_capacity_valid" CHECK ("training_session"."capacity" between 1 and 10000),
	CONSTRAINT "training_session_cap_valid" CHECK ("training_session"."per_school_cap" is null or "training_session"."per_school_cap" > 0),
	CONSTRAINT "training_session_mode_valid" CHECK ("training_session"."mode" in ('first_come', 'lottery')),
	CONSTRAINT "training_session_lottery_valid" CHECK (("training_session"."mode" = 'lottery') = ("training_session"."lottery_minutes" is not null)),
	CONSTRAINT "training_session_place_valid" CHECK (("training_session"."room_id" is null) <> ("training_session"."venue_name" is null)),
	CONSTRAINT "training_session_seats_valid" CHECK ("training_session"."confirmed_count" between 0 and "training_session"."capacity")
);
--> statement-breakpoint
ALTER TABLE "training_programme" ADD CONSTRAINT "training_programme_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_programme" ADD CONSTRAINT "training_programme_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registration" ADD CONSTRAINT "training_registration_session_id_training_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registration" ADD CONSTRAINT "training_registration_programme_id_training_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registration" ADD CONSTRAINT "training_registration_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registration" ADD CONSTRAINT "training_registration_registered_by_app_user_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session" ADD CONSTRAINT "training_session_programme_id_training_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session" ADD CONSTRAINT "training_session_room_id_resource_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_programme_department_idx" ON "training_programme" USING btree ("department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_registration_one_per_programme" ON "training_registration" USING btree ("programme_id","email") WHERE "training_registration"."status" in ('confirmed', 'waitlisted', 'pending_draw');--> statement-breakpoint
CREATE INDEX "training_registration_session_idx" ON "training_registration" USING btree ("session_id","status","waiting_number");--> statement-breakpoint
CREATE INDEX "training_registration_school_idx" ON "training_registration" USING btree ("school_id","session_id");--> statement-breakpoint
CREATE INDEX "training_session_programme_idx" ON "training_session" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "training_session_start_idx" ON "training_session" USING btree ("starts_at");