-- The guarantee of the reservation engine: PostgreSQL itself refuses two holding reservations of
-- one resource whose held intervals (booking + set-up/clean-up buffers) overlap. Half-open ranges,
-- so back-to-back bookings touch without overlapping. Violations raise SQLSTATE 23P01.
ALTER TABLE "reservation"
	ADD CONSTRAINT "reservation_no_overlap"
	EXCLUDE USING gist ("resource_id" WITH =, "held" WITH &&)
	WHERE ("status" IN ('requested', 'confirmed'));--> statement-breakpoint
-- The board and availability queries look up held ranges by time across all resources.
CREATE INDEX "reservation_held_idx" ON "reservation" USING gist ("held") WHERE ("status" IN ('requested', 'confirmed'));
