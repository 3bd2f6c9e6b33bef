/** "내 업무": each role's panels, with the figures their lists are made of. */
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import * as dashboard from '../../src/lib/server/dashboard';
import { db } from '../../src/lib/server/db';
import { closure, outbox } from '../../src/lib/server/db/schema';
import * as approvals from '../../src/lib/server/facility/approvals';
import * as reservations from '../../src/lib/server/rooms/bookings';
import * as users from '../../src/lib/server/users';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
});

// Monday 2026-11-23 08:00 Seoul.
const MONDAY = at('2026-11-23', '08:00');
beforeEach(() => clock.freeze(MONDAY));

const book = (who: Awaited<ReturnType<typeof actor>>, code: string, date: string, from: string, to: string) =>
	reservations.create(who, { roomId: rooms[code]!, start: at(date, from), end: at(date, to), purpose: '협의회', attendees: 4 });

describe('a school user', () => {
	it('sees confirmed bookings ahead, requests still waiting, and the hours the school used this month in rooms with a quota', async () => {
		const school = await actor('school@center.test');
		const confirmed = await book(school, 'meeting-b', '2026-11-24', '10:00', '11:00');
		// The large meeting room needs approval and has a 20-hour monthly quota.
		const requested = await book(school, 'large-meeting', '2026-11-25', '13:00', '15:30');
		const nextMonth = await book(school, 'large-meeting', '2026-12-02', '13:00', '14:00');

		const { bookings, facility, admin } = await dashboard.forUser(school, MONDAY);
		expect(facility).toBeNull();
		expect(admin).toBeNull();
		expect(bookings!.upcoming.map((b) => b.id)).toEqual([confirmed.id]);
		expect(bookings!.pending.map((b) => b.id)).toEqual([requested.id, nextMonth.id]);
		const quotas = Object.fromEntries(bookings!.quotas.map((q) => [q.roomId, q]));
		// November only: the December request counts against December.
		expect(quotas[rooms['large-meeting']!]).toMatchObject({ usedMinutes: 150, quotaMinutes: 20 * 60 });
		expect(quotas[rooms['seminar-hall']!]).toMatchObject({ usedMinutes: 0, quotaMinutes: 16 * 60 });
		// Rooms the school may not book (consultation rooms are for staff) are not listed, with or without a quota.
		expect(Object.keys(quotas).sort()).toEqual([rooms['large-meeting']!, rooms['seminar-hall']!].sort());
	});

	it('shows at most five confirmed bookings and says how many more there are', async () => {
		const school = await actor('school@center.test');
		for (const day of ['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-03', '2026-12-04'])
			await book(school, 'small-meeting-1', day, '09:00', '10:00');
		const { bookings } = await dashboard.forUser(school, MONDAY);
		expect(bookings!.upcoming).toHaveLength(dashboard.DASHBOARD_LIST_LENGTH);
		expect(bookings!.upcomingTotal).toBeGreaterThan(dashboard.DASHBOARD_LIST_LENGTH);
	});
});

describe('facility staff', () => {
	it('see the pending count (the nav badge too), today in brief, closures ahead and recent changes', async () => {
		const facility = await actor('facility@center.test');
		const school = await actor('school@center.test');
		const before = await approvals.countPending(facility, MONDAY);
		const request = await book(school, 'pc-lab', '2026-11-30', '10:00', '12:00');
		expect(await approvals.countPending(facility, MONDAY)).toBe(before + 1);
		// Only those who decide requests get a count (no query for the others).
		expect(await approvals.countPending(school, MONDAY)).toBe(0);

		const today = await book(facility, 'meeting-a', '2026-11-23', '14:00', '15:00');
		const [ahead] = await db
			.insert(closure)
			.values({ resourceId: rooms['pc-lab']!, startsAt: at('2026-12-07', '09:00'), endsAt: at('2026-12-07', '18:00'), reason: '바닥 공사' })
			.returning();
		await db
			.insert(closure)
			.values({ resourceId: null, startsAt: at('2027-03-02', '00:00'), endsAt: at('2027-03-03', '00:00'), reason: '먼 훗날' });
		await approvals.approve(facility, request.id);

		const panel = (await dashboard.forUser(facility, MONDAY)).facility!;
		expect(panel.pendingCount).toBe(before);
		expect(panel.today.map((b) => b.id)).toContain(today.id);
		expect(panel.today.every((b) => b.status === 'requested' || b.status === 'confirmed')).toBe(true);
		// Within the next 30 days only.
		expect(panel.closures.map((c) => c.id)).toEqual([ahead!.id]);
		expect(panel.recent[0]).toMatchObject({
			action: 'reservation.approve',
			entity: 'reservation',
			entityId: request.id,
			actorName: '이도윤 (시설관리)',
			roomNameKo: '전산교육실',
			start: at('2026-11-30', '10:00'),
			end: at('2026-11-30', '12:00')
		});
		const { bookings, admin } = await dashboard.forUser(facility, MONDAY);
		expect(bookings).toBeNull();
		expect(admin).toBeNull();
	});
});

describe('admins', () => {
	it('see users, invitations not yet accepted and outbox failures, besides the facility panel', async () => {
		const admin = await actor('admin@center.test');
		const before = (await dashboard.forUser(admin, MONDAY)).admin!;
		const { schoolId } = await actor('school@center.test');
		await users.createWithInvitation(admin, { email: 'new-teacher@school.test', name: '새 선생님', role: 'school_user', schoolId });
		await db.update(outbox).set({ status: 'failed', lastError: 'refused' }).where(eq(outbox.toAddress, 'new-teacher@school.test'));

		const panels = await dashboard.forUser(admin, MONDAY);
		expect(panels.facility).not.toBeNull();
		expect(panels.admin!.pendingInvitations).toBe(before.pendingInvitations + 1);
		expect(panels.admin!.inactiveUsers + panels.admin!.activeUsers).toBe(before.inactiveUsers + before.activeUsers + 1);
		expect(panels.admin!.outbox.failed).toBe(before.outbox.failed + 1);
		expect(panels.admin!.failures[0]).toMatchObject({ toAddress: 'new-teacher@school.test', lastError: 'refused' });
		// An invitation past its week no longer counts as pending.
		const later = (await dashboard.forUser(admin, new Date(MONDAY.getTime() + users.INVITATION_TTL_MS + 60_000))).admin!;
		expect(later.pendingInvitations).toBe(before.pendingInvitations);
	});
});
