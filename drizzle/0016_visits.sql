CREATE TABLE "visit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"visit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author" text NOT NULL,
	"actor_id" uuid,
	"body" text,
	"data" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_event_author_valid" CHECK ("visit_event"."author" in ('delegation', 'coordinator'))
);
--> statement-breakpoint
CREATE TABLE "visit_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"organization" text NOT NULL,
	"organization_kind" text NOT NULL,
	"region" text NOT NULL,
	"contact_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"group_size" integer NOT NULL,
	"preferred_dates" jsonb NOT NULL,
	"departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"topic_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"purpose" text NOT NULL,
	"accessibility_needs" text DEFAULT '' NOT NULL,
	"locale" text DEFAULT 'ko' NOT NULL,
	"consent_version" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"visit_date" date,
	"visit_period" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_request_reference_unique" UNIQUE("reference"),
	CONSTRAINT "visit_request_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "visit_status_valid" CHECK ("visit_request"."status" in ('new', 'waiting', 'confirmed', 'done', 'declined', 'cancelled')),
	CONSTRAINT "visit_kind_valid" CHECK ("visit_request"."organization_kind" in ('office', 'school', 'other')),
	CONSTRAINT "visit_group_size_valid" CHECK ("visit_request"."group_size" between 1 and 500),
	CONSTRAINT "visit_period_valid" CHECK ("visit_request"."visit_period" is null or "visit_request"."visit_period" in ('am', 'pm')),
	CONSTRAINT "visit_locale_valid" CHECK ("visit_request"."locale" in ('ko', 'en'))
);
--> statement-breakpoint
ALTER TABLE "visit_event" ADD CONSTRAINT "visit_event_visit_id_visit_request_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_event" ADD CONSTRAINT "visit_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_event_visit_idx" ON "visit_event" USING btree ("visit_id","id");--> statement-breakpoint
CREATE INDEX "visit_request_status_idx" ON "visit_request" USING btree ("status","created_at");