/** The demo's first start meets a lived-in board, booked through the rules like anyone's bookings. */
import { and, eq, gte, lt, notExists, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { DEMO_BOOKING_DAYS, seedDemoBookings } from '../../src/lib/server/db/demo-bookings';
import { consultation, department, reservation, visitRequest, visitSegment } from '../../src/lib/server/db/schema';
import { seoulDate } from '../../src/lib/time/seoul';
import { at, seedDemoCenter } from './fixtures';

// Monday 2026-11-23 08:00 Seoul: two ordinary weeks without a public holiday.
const MONDAY = at('2026-11-23', '08:00');

beforeAll(async () => {
	await seedDemoCenter();
	clock.freeze(MONDAY);
});

describe('the demo fortnight', () => {
	it('books every weekday of the next two weeks, some waiting for approval, none refused on ordinary weeks', async () => {
		const result = await seedDemoBookings(MONDAY);
		expect(result).toEqual({ made: 42, refused: 0, consultations: 2, visits: 2 });
		const rows = await db
			.select()
			.from(reservation)
			.where(and(gte(reservation.startsAt, MONDAY), lt(reservation.startsAt, at('2026-12-07', '00:00')), notExists(db.select().from(consultation).where(eq(consultation.id, sql`coalesce(${reservation.bookingId}, ${reservation.id})`)))));
		expect(rows).toHaveLength(42);
		// A confirmed visit with the template's itinerary (beyond the fortnight) and a new request.
		const requests = await db.select({ status: visitRequest.status }).from(visitRequest);
		expect(requests.map((r) => r.status).sort()).toEqual(['confirmed', 'new']);
		expect((await db.select().from(visitSegment)).length).toBeGreaterThanOrEqual(4);
		const days = new Set(rows.map((r) => seoulDate(r.startsAt)));
		expect(days.size).toBe(10);
		expect(DEMO_BOOKING_DAYS).toBe(14);
		const requested = rows.filter((r) => r.status === 'requested');
		expect(requested.length).toBeGreaterThanOrEqual(4);
		expect(rows.filter((r) => r.status === 'confirmed').length).toBeGreaterThan(30);
	});

	it('leaves out, rather than forces, what the rules refuse when run again (every slot is taken now)', async () => {
		const again = await seedDemoBookings(MONDAY);
		expect(again.made).toBe(0);
		expect(again.refused).toBe(42);
		expect(again.consultations).toBe(0);
		expect(again.visits).toBe(0);
	});

	it("gives the demo school a consultation by video and one in person, each its department's", async () => {
		const demo = await db
			.select({ mode: consultation.mode, department: department.code, status: reservation.status, start: reservation.startsAt })
			.from(consultation)
			.innerJoin(reservation, eq(reservation.id, consultation.id))
			.innerJoin(department, eq(department.id, consultation.departmentId));
		expect(demo.map((c) => `${c.department}:${c.mode}`).sort()).toEqual(['education:visit', 'facility:video']);
		expect(demo.every((c) => c.start > MONDAY)).toBe(true);
	});
});
