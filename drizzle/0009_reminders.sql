CREATE TABLE "reminder" (
	"source" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"outbox_id" uuid,
	CONSTRAINT "reminder_source_subject_id_starts_at_pk" PRIMARY KEY("source","subject_id","starts_at")
);
