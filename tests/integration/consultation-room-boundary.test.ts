/**
 * A consultation is its department's, also where it holds a room: the room services (my bookings,
 * the room API's read/cancel, facility approvals, the board's details) never treat a consultation
 * or its room hold as a room booking, so none of them can bypass the consultation's cutoff, its
 * department's confirmation or the mediation need-to-know. On PGlite always and on PostgreSQL
 * when TEST_DATABASE_URL is set.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import * as clock from '../../src/lib/server/clock';
import * as consultations from '../../src/lib/server/consultations/bookings';
import { db } from '../../src/lib/server/db';
import { reservation } from '../../src/lib/server/db/schema';
import { NotFoundError } from '../../src/lib/server/errors';
import { approve, countPending, listPending, reject } from '../../src/lib/server/facility/approvals';
import { busyByRoom } from '../../src/lib/server/rooms/availability';
import * as rooms from '../../src/lib/server/rooms/bookings';
import { details } from '../../src/lib/server/rooms/details';
import { actor, at, consultationIds, schoolUsers, seedDemoCenter } from './fixtures';

let school: SessionUser;
let facility: SessionUser;
let consultationId: string;
let roomHoldId: string;
let roomId: string;

beforeAll(async () => {
	await seedDemoCenter();
	const { topics } = await consultationIds();
	school = (await schoolUsers('boundary'))[2]!;
	facility = await actor('facility@center.test');
	clock.freeze(at('2027-01-04', '08:00'));
	// 학교폭력 사안 상담 in person: needs 화해조정부's confirmation, holds a consultant and a room.
	const result = await consultations.book(school, { topicId: topics['학교폭력 사안 상담']!, start: at('2027-01-06', '14:00'), mode: 'visit', description: '사안 경위 상담' });
	if (result.outcome !== 'created') throw new Error(`not booked: ${JSON.stringify(result)}`);
	consultationId = result.created[0]!.id;
	const holds = await db.select().from(reservation).where(eq(reservation.bookingId, consultationId));
	const room = holds.find((h) => h.id !== consultationId)!;
	roomHoldId = room.id;
	roomId = room.resourceId;
	expect(holds.map((h) => h.status)).toEqual(['requested', 'requested']);
});

describe("a consultation's holds are not room bookings", () => {
	it('the room service does not find them, for their booker or for facility staff', async () => {
		for (const who of [school, facility])
			for (const id of [consultationId, roomHoldId]) {
				await expect(rooms.get(who, id)).rejects.toBeInstanceOf(NotFoundError);
				await expect(rooms.cancel(who, id)).rejects.toBeInstanceOf(NotFoundError);
				await expect(details(who, id)).rejects.toBeInstanceOf(NotFoundError);
			}
		const holds = await db.select({ status: reservation.status }).from(reservation).where(eq(reservation.bookingId, consultationId));
		expect(holds.map((h) => h.status)).toEqual(['requested', 'requested']);
	});

	it("facility approvals neither list, count nor decide the department's request", async () => {
		const listed = (await listPending(facility)).map((r) => r.id);
		expect(listed).not.toContain(consultationId);
		expect(listed).not.toContain(roomHoldId);
		expect(await countPending(facility, clock.now())).toBe(listed.length);
		for (const id of [consultationId, roomHoldId]) {
			await expect(approve(facility, id)).rejects.toBeInstanceOf(NotFoundError);
			await expect(reject(facility, id, '사유')).rejects.toBeInstanceOf(NotFoundError);
		}
		expect((await consultations.get(school, consultationId)).status).toBe('requested');
	});

	it('the board shows the room as taken, with nothing to open and no school', async () => {
		const day = { from: at('2027-01-06', '00:00'), to: at('2027-01-07', '00:00') };
		for (const who of [facility, school]) {
			const busy = (await busyByRoom(day.from, day.to, who, [roomId])).get(roomId) ?? [];
			const entry = busy.find((b) => b.bookingStart === at('2027-01-06', '14:00').toISOString());
			expect(entry).toBeDefined();
			expect(entry!.id).toBeUndefined();
			expect(JSON.stringify(entry)).not.toContain('사안 경위');
		}
	});
});
