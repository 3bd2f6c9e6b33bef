/** A school's monthly quota is a guarantee of the booking's transaction, not a pre-check. */
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { openingHours, reservation, roomRule } from '../../src/lib/server/db/schema';
import { ValidationError } from '../../src/lib/server/errors';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
	// Quotas of 20 hours a month, no approval needed, in three rooms of their own for each case.
	for (const code of ['large-meeting', 'meeting-a', 'meeting-b'])
		await db.update(roomRule).set({ monthlyQuotaMinutes: 20 * 60, requiresApproval: false }).where(eq(roomRule.resourceId, rooms[code]!));
});

// Monday 2026-11-23 08:00 Seoul.
beforeEach(() => clock.freeze(at('2026-11-23', '08:00')));

const eightHours = (code: string, date: string, from = '09:00', to = '17:00', extra: Partial<reservations.BookingInput> = {}) => ({
	roomId: rooms[code]!,
	start: at(date, from),
	end: at(date, to),
	purpose: '교직원 연수',
	attendees: 10,
	...extra
});

/** Minutes the school holds in the room for bookings starting in [from, to). */
async function heldMinutes(code: string, schoolId: string, from: Date, to: Date): Promise<number> {
	const rows = await db
		.select()
		.from(reservation)
		.where(
			and(
				eq(reservation.resourceId, rooms[code]!),
				eq(reservation.schoolId, schoolId),
				inArray(reservation.status, ['requested', 'confirmed']),
				gte(reservation.startsAt, from),
				lt(reservation.startsAt, to)
			)
		);
	return rows.reduce((sum, r) => sum + (r.endsAt.getTime() - r.startsAt.getTime()) / 60_000, 0);
}

const quotaLeft = (remaining: number /* hours */) => ({ rule: 'quota', messageKey: 'rule_quota', params: { quotaMinutes: 20 * 60, remainingMinutes: remaining * 60 } });

describe('a series counts its own occurrences against the quota', () => {
	it('books at most 20 h of a weekly series of 4 x 8 h in a room with a 20 h quota; the refused occurrences show the quota violation', async () => {
		const school = await actor('school@center.test');
		const series = eightHours('large-meeting', '2026-12-01', '09:00', '17:00', { recurrence: { kind: 'weekly', count: 4 } });
		const preview = await reservations.previewSeries(school, series);
		expect(preview.map((o) => o.state)).toEqual(['free', 'free', 'invalid', 'invalid']);
		expect(preview[2]!.violations).toEqual([quotaLeft(4)]);
		expect(preview[3]!.violations).toEqual([quotaLeft(4)]);

		const made = await reservations.createSeries(school, series);
		expect(made.created.map((c) => c.start)).toEqual([at('2026-12-01', '09:00').toISOString(), at('2026-12-08', '09:00').toISOString()]);
		expect(made.skipped.map((s) => [s.start, s.state])).toEqual([
			[at('2026-12-15', '09:00').toISOString(), 'invalid'],
			[at('2026-12-22', '09:00').toISOString(), 'invalid']
		]);
		expect(await heldMinutes('large-meeting', school.schoolId!, at('2026-12-01', '00:00'), at('2027-01-01', '00:00'))).toBe(16 * 60);
		// The 4 h left still fit a shorter booking; more does not.
		await expect(reservations.create(school, eightHours('large-meeting', '2026-12-16', '09:00', '13:00'))).resolves.toBeTruthy();
		const over = await reservations.create(school, eightHours('large-meeting', '2026-12-17', '09:00', '09:30')).catch((e: unknown) => e);
		expect((over as ValidationError).violations).toEqual([quotaLeft(0)]);
	});

	it('counts a series that crosses a month per Seoul month', async () => {
		const school = await actor('school@center.test');
		// Tue 24 Nov, then 1, 8 and 15 Dec: November holds 8 h; December 16 h, and the 15th would make 24.
		const series = eightHours('meeting-a', '2026-11-24', '09:00', '17:00', { recurrence: { kind: 'weekly', count: 4 } });
		const made = await reservations.createSeries(school, series);
		expect(made.created).toHaveLength(3);
		// Skipped with why: the school's monthly hours, with what is left.
		expect(made.skipped).toEqual([
			{
				start: at('2026-12-15', '09:00').toISOString(),
				end: at('2026-12-15', '17:00').toISOString(),
				state: 'invalid',
				violations: [{ rule: 'quota', messageKey: 'rule_quota', params: { quotaMinutes: 1200, remainingMinutes: 240 } }],
				conflicts: []
			}
		]);
	});

	it('starts a new month at midnight in Seoul, when it is still the previous day in UTC', async () => {
		const school = await actor('school@center.test');
		// The room opens around the clock on weekdays, so a booking can start at 00:00 Seoul (15:00 UTC the day before).
		await db.insert(openingHours).values([1, 2, 3, 4, 5].map((weekday) => ({ resourceId: rooms['meeting-b']!, weekday, opensMinute: 0, closesMinute: 1440 })));
		await reservations.create(school, eightHours('meeting-b', '2026-11-24'));
		await reservations.create(school, eightHours('meeting-b', '2026-11-26'));
		// November is 16 h into its 20 h; a booking from 00:00 on 1 December Seoul time is December's.
		const december = eightHours('meeting-b', '2026-12-01', '00:00', '08:00');
		expect(december.start.toISOString()).toBe('2026-11-30T15:00:00.000Z');
		await expect(reservations.create(school, december)).resolves.toMatchObject({ status: 'confirmed' });
		// And the last evening of November still counts in November.
		const november = await reservations.create(school, eightHours('meeting-b', '2026-11-30', '16:00', '24:00')).catch((e: unknown) => e);
		expect((november as ValidationError).violations).toEqual([quotaLeft(4)]);
	});
});

describe('simultaneous requests against one quota', () => {
	it('lets exactly two of 12 simultaneous 8 h requests on different days of a month hold time when the quota fits two; the rest get the quota violation', async () => {
		const school = await actor('school@center.test');
		const days = ['04', '05', '06', '07', '08', '11', '12', '13', '14', '15', '18', '19'].map((d) => `2027-01-${d}`);
		const results = await Promise.allSettled(days.map((day) => reservations.create(school, eightHours('large-meeting', day))));
		const won = results.filter((r) => r.status === 'fulfilled');
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(won).toHaveLength(2);
		expect(refused).toHaveLength(10);
		for (const r of refused) {
			expect(r.reason).toBeInstanceOf(ValidationError);
			expect((r.reason as ValidationError).violations).toEqual([quotaLeft(4)]);
		}
		expect(await heldMinutes('large-meeting', school.schoolId!, at('2027-01-01', '00:00'), at('2027-02-01', '00:00'))).toBe(16 * 60);
	});

	it('holds the quota when simultaneous series and single bookings compete for one month', async () => {
		const school = await actor('school@center.test');
		const month = ['2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04'];
		clock.freeze(at('2027-01-04', '08:00'));
		const attempts = [
			reservations.createSeries(school, eightHours('large-meeting', '2027-02-05', '09:00', '17:00', { recurrence: { kind: 'weekly', count: 3 } })),
			...month.map((day) => reservations.create(school, eightHours('large-meeting', day)))
		];
		const results = await Promise.allSettled(attempts);
		for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ValidationError);
		expect(await heldMinutes('large-meeting', school.schoolId!, at('2027-02-01', '00:00'), at('2027-03-01', '00:00'))).toBe(16 * 60);
	});
});

describe('a move by facility staff counts against the booking school’s quota', () => {
	// Monday 2027-04-26: May 2027 is ahead (its holidays, 3, 5 and 13 May, left out).
	beforeEach(() => clock.freeze(at('2027-04-26', '08:00')));

	it('refuses moving a booking into a room where the school has no hours left, and lets one move within its own room and month', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		await reservations.create(school, eightHours('meeting-a', '2027-05-06'));
		const inA = await reservations.create(school, eightHours('meeting-a', '2027-05-07'));
		const inB = await reservations.create(school, eightHours('meeting-b', '2027-05-10'));
		// meeting-a holds 16 h of 20: another 8 h does not fit, whoever moves it there.
		const refused = await reservations.move(facility, inB.id, at('2027-05-11', '09:00'), at('2027-05-11', '17:00'), rooms['meeting-a']).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).violations).toEqual([quotaLeft(4)]);
		expect(await heldMinutes('meeting-a', school.schoolId!, at('2027-05-01', '00:00'), at('2027-06-01', '00:00'))).toBe(16 * 60);
		// Its own 8 h move with it: another day of the same month in the same room fits.
		await reservations.move(facility, inA.id, at('2027-05-12', '09:00'), at('2027-05-12', '17:00'));
		expect(await heldMinutes('meeting-a', school.schoolId!, at('2027-05-01', '00:00'), at('2027-06-01', '00:00'))).toBe(16 * 60);
	});

	it('lets exactly one of three simultaneous moves into a room take the school’s last 8 h there', async () => {
		clock.freeze(at('2027-05-24', '08:00'));
		const booker = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		// The school holds 8 h of meeting-a's 20 in June; three 8 h bookings elsewhere are moved there at once.
		await reservations.create(booker, eightHours('meeting-a', '2027-06-07'));
		const sources = [
			await reservations.create(booker, eightHours('large-meeting', '2027-06-08')),
			await reservations.create(booker, eightHours('large-meeting', '2027-06-09')),
			await reservations.create(booker, eightHours('meeting-b', '2027-06-10'))
		];
		const days = ['2027-06-14', '2027-06-15', '2027-06-16'];
		const results = await Promise.allSettled(
			sources.map((b, i) => reservations.move(facility, b.id, at(days[i]!, '09:00'), at(days[i]!, '17:00'), rooms['meeting-a']))
		);
		const won = results.filter((r) => r.status === 'fulfilled');
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(refused).toHaveLength(2);
		for (const r of refused) {
			expect(r.reason).toBeInstanceOf(ValidationError);
			expect((r.reason as ValidationError).violations).toEqual([quotaLeft(4)]);
		}
		expect(await heldMinutes('meeting-a', booker.schoolId!, at('2027-06-01', '00:00'), at('2027-07-01', '00:00'))).toBe(16 * 60);
	});
});
