import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { appUser, reservation } from '../../src/lib/server/db/schema';
import { NotFoundError } from '../../src/lib/server/errors';
import * as approvals from '../../src/lib/server/facility/approvals';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { bookableRooms, calendarOfMine, findVisible, listMine } from '../../src/lib/server/rooms/mine';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
});

// Monday 2026-11-23 08:00 Seoul.
const MONDAY = at('2026-11-23', '08:00');
beforeEach(() => clock.freeze(MONDAY));

const book = (who: Awaited<ReturnType<typeof actor>>, code: string, date: string, from: string, to: string, extra = {}) =>
	reservations.create(who, { roomId: rooms[code]!, start: at(date, from), end: at(date, to), purpose: '협의회', attendees: 4, ...extra });

describe('my bookings', () => {
	it('splits own bookings into upcoming (soonest first) and past (latest first), with room names in both languages', async () => {
		const school = await actor('school@center.test');
		const a = await book(school, 'meeting-b', '2026-11-24', '10:00', '11:00');
		const b = await book(school, 'meeting-b', '2026-11-25', '10:00', '11:00');
		const c = await book(school, 'meeting-b', '2026-11-26', '10:00', '11:00');

		const later = at('2026-11-25', '12:00');
		const mine = await listMine(school, { now: later });
		expect(mine.upcoming.map((x) => x.id)).toContain(c.id);
		expect(mine.upcoming.map((x) => x.id)).not.toContain(a.id);
		expect(mine.past.map((x) => x.id).slice(0, 2)).toEqual([b.id, a.id]);
		const row = mine.upcoming.find((x) => x.id === c.id)!;
		expect(row).toMatchObject({ roomNameKo: '중회의실 B', roomNameEn: 'Meeting Room B', status: 'confirmed', mine: true, seriesId: null });
	});

	it('keeps a booking upcoming until it ends, not just until it starts', async () => {
		const school = await actor('school@center.test');
		const x = await book(school, 'small-meeting-1', '2026-11-24', '13:00', '15:00');
		const during = await listMine(school, { now: at('2026-11-24', '14:00') });
		expect(during.upcoming.some((b) => b.id === x.id)).toBe(true);
		const after = await listMine(school, { now: at('2026-11-24', '15:00') });
		expect(after.past.some((b) => b.id === x.id)).toBe(true);
	});

	it('never lists another user’s bookings as the user’s own', async () => {
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		const theirs = await book(edu, 'meeting-a', '2026-11-27', '10:00', '11:00');
		const mine = await listMine(school, { now: MONDAY });
		expect([...mine.upcoming, ...mine.past].some((b) => b.id === theirs.id)).toBe(false);
		const staff = await listMine(edu, { now: MONDAY });
		expect(staff.school).toBeNull();
	});

	it('shows a school user the upcoming bookings others of the same school made, and only those', async () => {
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		// A colleague at the same school: another account with the same school.
		const [colleague] = await db
			.insert(appUser)
			.values({ email: 'colleague@hansol.test', name: '동료 교사', role: 'school_user', schoolId: school.schoolId })
			.returning();
		const byColleague = await db
			.insert(reservation)
			.values({
				resourceId: rooms['meeting-a']!,
				startsAt: at('2026-12-01', '10:00'),
				endsAt: at('2026-12-01', '11:00'),
				heldFrom: at('2026-12-01', '10:00'),
				heldUntil: at('2026-12-01', '11:00'),
				status: 'confirmed',
				bookedBy: colleague!.id,
				schoolId: school.schoolId,
				purpose: '동료 예약',
				attendees: 3
			})
			.returning();
		const otherSchool = await book(edu, 'meeting-a', '2026-12-02', '10:00', '11:00');

		const mine = await listMine(school, { now: MONDAY });
		const ids = mine.school!.map((b) => b.id);
		expect(ids).toContain(byColleague[0]!.id);
		expect(ids).not.toContain(otherSchool.id);
		const shown = mine.school!.find((b) => b.id === byColleague[0]!.id)!;
		expect(shown).toMatchObject({ mine: false, cancellable: false, bookedByName: '동료 교사' });
		// The school user may also open it (and its .ics), but not the other school's booking.
		await expect(findVisible(school, byColleague[0]!.id, { now: MONDAY })).resolves.toMatchObject({ purpose: '동료 예약' });
		await expect(findVisible(school, otherSchool.id, { now: MONDAY })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('offers cancelling until the room’s cutoff and explains it once the cutoff has passed', async () => {
		const school = await actor('school@center.test');
		// Default cutoff: 60 minutes before the start.
		const x = await book(school, 'meeting-a', '2026-11-24', '16:00', '17:00');
		const before = await listMine(school, { now: at('2026-11-24', '15:00') });
		expect(before.upcoming.find((b) => b.id === x.id)).toMatchObject({ cancellable: true, cutoffPassed: false, cancelCutoffMinutes: 60 });
		const after = await listMine(school, { now: at('2026-11-24', '15:01') });
		expect(after.upcoming.find((b) => b.id === x.id)).toMatchObject({ cancellable: false, cutoffPassed: true });
	});

	it('shows a cancelled or rejected upcoming booking with its status and no cancel button', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const cancelled = await book(school, 'video-conference', '2026-11-30', '10:00', '11:00');
		await reservations.cancel(school, cancelled.id);
		const requested = await book(school, 'large-meeting', '2026-12-03', '10:00', '11:00');
		expect(requested.status).toBe('requested');
		await approvals.reject(facility, requested.id, '행사와 겹칩니다');
		const mine = await listMine(school, { now: MONDAY });
		expect(mine.upcoming.find((b) => b.id === cancelled.id)).toMatchObject({ status: 'cancelled', cancellable: false });
		expect(mine.upcoming.find((b) => b.id === requested.id)).toMatchObject({
			status: 'rejected',
			decisionReason: '행사와 겹칩니다',
			cancellable: false
		});
	});

	it('lists a series’ occurrences with their series id and cancels “this and the following” from the middle', async () => {
		const school = await actor('school@center.test');
		const series = await reservations.createSeries(school, {
			roomId: rooms['video-conference']!,
			start: at('2026-12-08', '14:00'),
			end: at('2026-12-08', '15:00'),
			purpose: '주간 회의',
			attendees: 5,
			recurrence: { kind: 'weekly', count: 3 }
		});
		const mine = await listMine(school, { now: MONDAY });
		const occurrences = mine.upcoming.filter((b) => b.seriesId === series.seriesId);
		expect(occurrences).toHaveLength(3);
		await reservations.cancel(school, occurrences[1]!.id, { scope: 'following' });
		const after = await listMine(school, { now: MONDAY });
		expect(after.upcoming.filter((b) => b.seriesId === series.seriesId).map((b) => b.status)).toEqual(['confirmed', 'cancelled', 'cancelled']);
	});
});

describe('calendar of my bookings', () => {
	it('holds the user’s upcoming bookings, cancelled ones included (so calendars drop them), never rejected or ended ones', async () => {
		const school = await actor('school@center.test');
		const list = await calendarOfMine(school, { now: MONDAY });
		expect(list.length).toBeGreaterThan(0);
		expect(list.every((b) => b.mine && ['requested', 'confirmed', 'cancelled'].includes(b.status))).toBe(true);
		expect(list.every((b) => new Date(b.end) > MONDAY)).toBe(true);
	});

	it('refuses to show a booking to someone who may not see it', async () => {
		const school = await actor('school@center.test');
		const visits = await actor('visits@center.test');
		const edu = await actor('edu@center.test');
		const staffs = await book(edu, 'small-meeting-1', '2026-12-04', '10:00', '11:00');
		await expect(findVisible(school, staffs.id, { now: MONDAY })).rejects.toBeInstanceOf(NotFoundError);
		await expect(findVisible(school, 'not-a-uuid', { now: MONDAY })).rejects.toBeInstanceOf(NotFoundError);
		// Visit coordinators see all reservations.
		await expect(findVisible(visits, staffs.id, { now: MONDAY })).resolves.toMatchObject({ id: staffs.id, mine: false });
	});
});

describe('rooms offered by the booking form', () => {
	it('lists every active room with its grid and whether it needs approval', async () => {
		const list = await bookableRooms(await actor('edu@center.test'));
		expect(list).toHaveLength(12);
		expect(list.find((r) => r.nameEn === 'Video Conference Room')).toMatchObject({ granularityMinutes: 15, requiresApproval: false, capacity: 12 });
		expect(list.find((r) => r.nameEn === 'Seminar Hall')).toMatchObject({ requiresApproval: true, opensMinute: 540, closesMinute: 1080 });
	});

	it('offers a school user only the rooms a school may book: no consultation or mediation rooms', async () => {
		const list = await bookableRooms(await actor('school@center.test'));
		expect(list.map((r) => r.nameEn)).not.toContain('Consultation Room 1');
		expect(list.map((r) => r.nameEn)).toContain('Meeting Room B');
		expect(list.length).toBeLessThan(12);
	});
});
