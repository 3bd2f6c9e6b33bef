ALTER TABLE "reservation" ADD COLUMN "booking_id" uuid;--> statement-breakpoint
CREATE INDEX "reservation_booking_idx" ON "reservation" USING btree ("booking_id");