CREATE TABLE "case_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"actor_id" uuid,
	"purpose" text NOT NULL,
	"client_address" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultant" (
	"resource_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"title_ko" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	CONSTRAINT "consultant_userId_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "consultant_exception" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultant_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"start_minute" smallint,
	"end_minute" smallint,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultant_exception_kind_valid" CHECK ("consultant_exception"."kind" in ('off', 'extra')),
	CONSTRAINT "consultant_exception_range_valid" CHECK (("consultant_exception"."start_minute" is null and "consultant_exception"."end_minute" is null and "consultant_exception"."kind" = 'off')
				or ("consultant_exception"."start_minute" >= 0 and "consultant_exception"."end_minute" <= 1440 and "consultant_exception"."start_minute" < "consultant_exception"."end_minute"))
);
--> statement-breakpoint
CREATE TABLE "consultant_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultant_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	CONSTRAINT "consultant_hours_weekday_valid" CHECK ("consultant_hours"."weekday" between 0 and 6),
	CONSTRAINT "consultant_hours_range_valid" CHECK ("consultant_hours"."start_minute" >= 0 and "consultant_hours"."end_minute" <= 1440 and "consultant_hours"."start_minute" < "consultant_hours"."end_minute")
);
--> statement-breakpoint
CREATE TABLE "consultation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"topic_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"consultant_id" uuid NOT NULL,
	"room_id" uuid,
	"mode" text NOT NULL,
	"school_id" uuid,
	"description" text,
	"outcome_note" text,
	"note_by" uuid,
	"note_at" timestamp with time zone,
	"case_erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_reference_unique" UNIQUE("reference"),
	CONSTRAINT "consultation_mode_valid" CHECK ("consultation"."mode" in ('visit', 'video', 'phone')),
	CONSTRAINT "consultation_room_if_visit" CHECK (("consultation"."mode" = 'visit') = ("consultation"."room_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "consultation_topic" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department_id" uuid NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text NOT NULL,
	"description_ko" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"duration_minutes" smallint DEFAULT 60 NOT NULL,
	"buffer_minutes" smallint DEFAULT 0 NOT NULL,
	"modes" text[] DEFAULT '{visit,video,phone}'::text[] NOT NULL,
	"lead_time_minutes" integer DEFAULT 1440 NOT NULL,
	"horizon_days" smallint DEFAULT 42 NOT NULL,
	"cancel_cutoff_minutes" integer DEFAULT 1440 NOT NULL,
	"open_limit_per_school" smallint,
	"requires_confirmation" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_topic_duration_valid" CHECK ("consultation_topic"."duration_minutes" between 10 and 480 and "consultation_topic"."duration_minutes" % 10 = 0),
	CONSTRAINT "consultation_topic_buffer_valid" CHECK ("consultation_topic"."buffer_minutes" between 0 and 120),
	CONSTRAINT "consultation_topic_modes_valid" CHECK (cardinality("consultation_topic"."modes") > 0 and "consultation_topic"."modes" <@ '{visit,video,phone}'::text[]),
	CONSTRAINT "consultation_topic_lead_valid" CHECK ("consultation_topic"."lead_time_minutes" >= 0 and "consultation_topic"."horizon_days" between 1 and 365),
	CONSTRAINT "consultation_topic_cutoff_valid" CHECK ("consultation_topic"."cancel_cutoff_minutes" >= 0),
	CONSTRAINT "consultation_topic_limit_valid" CHECK ("consultation_topic"."open_limit_per_school" is null or "consultation_topic"."open_limit_per_school" > 0)
);
--> statement-breakpoint
CREATE TABLE "department_room" (
	"department_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	CONSTRAINT "department_room_department_id_room_id_pk" PRIMARY KEY("department_id","room_id")
);
--> statement-breakpoint
CREATE TABLE "reference_counter" (
	"prefix" text NOT NULL,
	"year" smallint NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "reference_counter_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "department_lead" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_access_log" ADD CONSTRAINT "case_access_log_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant" ADD CONSTRAINT "consultant_resource_id_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant" ADD CONSTRAINT "consultant_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant" ADD CONSTRAINT "consultant_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant_exception" ADD CONSTRAINT "consultant_exception_consultant_id_consultant_resource_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."consultant"("resource_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant_exception" ADD CONSTRAINT "consultant_exception_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant_hours" ADD CONSTRAINT "consultant_hours_consultant_id_consultant_resource_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."consultant"("resource_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_topic_id_consultation_topic_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."consultation_topic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_consultant_id_consultant_resource_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."consultant"("resource_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_room_id_room_resource_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("resource_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_note_by_app_user_id_fk" FOREIGN KEY ("note_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_topic" ADD CONSTRAINT "consultation_topic_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_room" ADD CONSTRAINT "department_room_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_room" ADD CONSTRAINT "department_room_room_id_room_resource_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("resource_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_access_log_at_idx" ON "case_access_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "case_access_log_consultation_idx" ON "case_access_log" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultant_department_idx" ON "consultant" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "consultant_exception_consultant_idx" ON "consultant_exception" USING btree ("consultant_id","date");--> statement-breakpoint
CREATE INDEX "consultant_hours_consultant_idx" ON "consultant_hours" USING btree ("consultant_id");--> statement-breakpoint
CREATE INDEX "consultation_department_idx" ON "consultation" USING btree ("department_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_school_idx" ON "consultation" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "consultation_consultant_idx" ON "consultation" USING btree ("consultant_id");--> statement-breakpoint
CREATE INDEX "consultation_topic_department_idx" ON "consultation_topic" USING btree ("department_id","sort_order");--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_lead_is_department_staff" CHECK (not "app_user"."department_lead" or "app_user"."role" = 'department_staff');--> statement-breakpoint
-- A school's open consultations with a department (requested or confirmed, not yet ended at
-- p_now): the count behind the topics' per-school limit, an engine limit (engine/limits.ts) whose
-- key every consultation booking locks. VOLATILE plpgsql for the same reason as room_quota_used
-- (drizzle/0007): evaluated after the lock inside the booking's statement, it sees what the
-- lock's previous holder committed.
CREATE FUNCTION "consultation_open_count"(p_department_id uuid, p_school_id uuid, p_now timestamptz) RETURNS double precision
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	RETURN (
		SELECT count(*)::double precision
		FROM consultation c
		JOIN reservation r ON r.id = c.id
		WHERE c.department_id = p_department_id AND c.school_id = p_school_id
			AND r.status IN ('requested', 'confirmed')
			AND r.ends_at > p_now
	);
END
$$;
--> statement-breakpoint
-- The next reference of a prefix and year (C-2026-0001): gap-free, because the counter row's update
-- commits or rolls back with the statement that asked for it (a consultation's booking statement).
CREATE FUNCTION "next_reference"(p_prefix text, p_year integer) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	n integer;
BEGIN
	INSERT INTO reference_counter (prefix, year, last) VALUES (p_prefix, p_year, 1)
	ON CONFLICT (prefix, year) DO UPDATE SET last = reference_counter.last + 1
	RETURNING last INTO n;
	RETURN p_prefix || '-' || p_year || '-' || lpad(n::text, 4, '0');
END
$$;
