-- Counted limits (a school's monthly quota of a room; later a session's seats and per-school caps)
-- take a transaction-scoped advisory lock per limit key, sorted, before they are counted again
-- (src/lib/server/engine/limits.ts). Every writer of what a limit counts holds its key's lock, so
-- the count made after taking it is final. The 'limit:' prefix keeps these keys apart from the
-- resources' 'reservation:' keys (reservation_lock).
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
-- The monthly quota is now counted by the engine under its limit's lock (limit_lock above); the
-- function that counted it inside the insert statement has no caller left.
DROP FUNCTION "reservation_admit"(uuid[], uuid, timestamptz, timestamptz, timestamptz, timestamptz);
