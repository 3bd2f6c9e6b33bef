CREATE TABLE "reservation_series" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"params" jsonb NOT NULL,
	"exceptions" date[] DEFAULT '{}'::date[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "closure" ADD COLUMN "all_day" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "closure" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "closure" ADD COLUMN "rule" text;--> statement-breakpoint
ALTER TABLE "reservation_series" ADD CONSTRAINT "reservation_series_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Series booked before this table (weekly or fortnightly only): a row each, read off its bookings
-- (first Seoul date and weekday, the gap between occurrences, how many dates it holds), so every
-- series_id names a row before the foreign key is added.
WITH occurrence AS (
	SELECT series_id, starts_at, booked_by, created_at,
		lead(starts_at) OVER (PARTITION BY series_id ORDER BY starts_at) AS next_start
	FROM reservation WHERE series_id IS NOT NULL
), series AS (
	SELECT series_id,
		(min(starts_at) AT TIME ZONE 'Asia/Seoul')::date AS first_date,
		count(DISTINCT starts_at) AS occurrences,
		(array_agg(booked_by ORDER BY starts_at))[1] AS booked_by,
		min(created_at) AS created_at,
		CASE WHEN min(next_start - starts_at) FILTER (WHERE next_start > starts_at) >= interval '13 days' THEN 2 ELSE 1 END AS step
	FROM occurrence GROUP BY series_id
)
INSERT INTO "reservation_series" ("id", "rule", "params", "created_by", "created_at")
SELECT series_id,
	'DTSTART:' || to_char(first_date, 'YYYYMMDD') || 'T000000Z' || chr(10) || 'RRULE:FREQ=WEEKLY;INTERVAL=' || step
		|| ';BYDAY=' || (ARRAY['MO','TU','WE','TH','FR','SA','SU'])[extract(isodow FROM first_date)::int] || ';WKST=MO;COUNT=' || occurrences,
	jsonb_build_object('kind', 'weekly', 'interval', step, 'weekdays', jsonb_build_array(extract(isodow FROM first_date)::int - 1), 'count', occurrences),
	booked_by, created_at
FROM series;--> statement-breakpoint
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_series_id_reservation_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."reservation_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closure_series_idx" ON "closure" USING btree ("series_id");