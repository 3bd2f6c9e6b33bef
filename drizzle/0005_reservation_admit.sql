-- Writers of one resource's holds take turns: every insert of a holding reservation first takes a
-- transaction-scoped advisory lock per resource (sorted, so a booking that holds several resources
-- cannot deadlock with another). Without it, two simultaneous inserts of overlapping ranges each
-- find the other's uncommitted row in the exclusion constraint's check and wait for each other:
-- a deadlock PostgreSQL breaks only after deadlock_timeout (1 s) with 40P01. The constraint stays
-- the guarantee; the lock only makes the loser wait for the winner's commit and then see 23P01.
CREATE FUNCTION "reservation_lock"(p_resource_ids uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	r uuid;
BEGIN
	FOR r IN SELECT DISTINCT x FROM unnest(p_resource_ids) AS x ORDER BY x LOOP
		PERFORM pg_advisory_xact_lock(hashtextextended('reservation:' || r::text, 0));
	END LOOP;
END
$$;--> statement-breakpoint
-- The lock, then a school's monthly quota counted again under it (raises RQ001 when the booking
-- would exceed it). Every writer of (school, room, month) holds the room's lock, so the count is
-- final. VOLATILE matters: a volatile function's queries take a fresh snapshot, so the count sees
-- what the lock's previous holder committed, though the calling statement started before it did.
-- The month [p_month_from, p_month_to) is the Seoul calendar month of the start, computed by the app.
CREATE FUNCTION "reservation_admit"(
	p_resource_ids uuid[],
	p_school_id uuid,
	p_starts_at timestamptz,
	p_ends_at timestamptz,
	p_month_from timestamptz,
	p_month_to timestamptz
) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	q record;
	used double precision;
	wanted double precision := extract(epoch FROM (p_ends_at - p_starts_at)) / 60;
BEGIN
	PERFORM reservation_lock(p_resource_ids);
	IF p_school_id IS NULL THEN
		RETURN;
	END IF;
	FOR q IN
		SELECT resource_id, monthly_quota_minutes FROM room_rule
		WHERE resource_id = ANY (p_resource_ids) AND monthly_quota_minutes IS NOT NULL
	LOOP
		SELECT coalesce(sum(extract(epoch FROM (ends_at - starts_at)) / 60), 0) INTO used
		FROM reservation
		WHERE resource_id = q.resource_id AND school_id = p_school_id
			AND status IN ('requested', 'confirmed')
			AND starts_at >= p_month_from AND starts_at < p_month_to;
		IF used + wanted > q.monthly_quota_minutes THEN
			RAISE EXCEPTION 'monthly quota of % minutes exceeded (% used, % wanted)', q.monthly_quota_minutes, used, wanted
				USING ERRCODE = 'RQ001', DETAIL = q.resource_id::text;
		END IF;
	END LOOP;
END
$$;
