-- Counted limits (a school's monthly quota of a room; later a session's seats and per-school caps)
-- are an engine mechanism (src/lib/server/engine/limits.ts): each limit has a key, a maximum, the
-- amount a booking uses and an expression that counts what is used. Every writer of what a limit
-- counts holds its key's transaction-scoped advisory lock, so a count made after taking it is final.
-- The 'limit:' prefix keeps these keys apart from the resources' 'reservation:' keys.
CREATE FUNCTION "limit_lock"(p_keys text[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	k text;
BEGIN
	FOR k IN SELECT DISTINCT x FROM unnest(p_keys) AS x ORDER BY x LOOP
		PERFORM pg_advisory_xact_lock(hashtextextended('limit:' || k, 0));
	END LOOP;
END
$$;--> statement-breakpoint
-- The refusal of a limit counted under its lock: RL001 when the booking's amount would take it past
-- its maximum, which refuses the booking's whole statement.
CREATE FUNCTION "limit_check"(p_key text, p_used double precision, p_amount double precision, p_max double precision) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	IF coalesce(p_used, 0) + p_amount > p_max THEN
		RAISE EXCEPTION 'limit % exceeded (% used, % wanted, % at most)', p_key, p_used, p_amount, p_max
			USING ERRCODE = 'RL001', DETAIL = p_key;
	END IF;
END
$$;--> statement-breakpoint
-- A limit's count is a VOLATILE function: its query takes a fresh snapshot when it runs, so inside
-- the booking's one statement, after the limit's lock, it sees what the lock's previous holder
-- committed (a plain subquery would see the statement's older snapshot). Rooms: a school's minutes
-- in a room for bookings starting in [p_from, p_to) (src/lib/server/rooms/quota.ts).
-- plpgsql, not sql: an sql function could be inlined into the calling statement and its snapshot.
CREATE FUNCTION "room_quota_used"(p_resource_id uuid, p_school_id uuid, p_from timestamptz, p_to timestamptz) RETURNS double precision
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	RETURN (
		SELECT coalesce(sum(extract(epoch FROM (ends_at - starts_at)) / 60), 0)::double precision
		FROM reservation
		WHERE resource_id = p_resource_id AND school_id = p_school_id
			AND status IN ('requested', 'confirmed')
			AND starts_at >= p_from AND starts_at < p_to
	);
END
$$;--> statement-breakpoint
-- The monthly quota is now one of the engine's limits; the function that counted it inside the
-- insert statement has no caller left.
DROP FUNCTION "reservation_admit"(uuid[], uuid, timestamptz, timestamptz, timestamptz, timestamptz);
