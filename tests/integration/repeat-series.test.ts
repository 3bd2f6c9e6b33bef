/**
 * Series of every repeat kind, booked through the room service and the API: the dates the rule
 * makes, the `reservation_series` row every occurrence names, a clash on one date skipped (the
 * others booked, as for weekly series), and the rule said in words on "my bookings" and the details.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as reservationsRoute from '../../src/routes/api/v1/reservations/+server';
import * as previewRoute from '../../src/routes/api/v1/reservations/preview/+server';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { reservation, reservationSeries } from '../../src/lib/server/db/schema';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { details } from '../../src/lib/server/rooms/details';
import { listMine } from '../../src/lib/server/rooms/mine';
import type { Recurrence } from '../../src/lib/schemas/reservations';
import { seoulDate } from '../../src/lib/time/seoul';
import { describeSummary } from '../../src/lib/time/repeat-text';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;
let school: SessionUser;
let edu: SessionUser;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
	school = await actor('school@center.test');
	edu = await actor('edu@center.test');
});

// Monday 23 November 2026, 08:00 in Seoul; rooms book up to 90 days ahead.
beforeEach(() => clock.freeze(at('2026-11-23', '08:00')));

const series = (room: string, date: string, recurrence: Recurrence, times: [string, string] = ['10:00', '11:00']) => ({
	roomId: rooms[room]!,
	start: at(date, times[0]),
	end: at(date, times[1]),
	purpose: '반복 협의회',
	attendees: 4,
	recurrence
});

const datesOf = (list: { start: string }[]) => list.map((o) => seoulDate(new Date(o.start)));

describe('series of every repeat kind', () => {
	it('weekly on Tuesday and Thursday every other week: the dates, and one series row they all name', async () => {
		const created = await reservations.createSeries(school, series('meeting-a', '2026-12-01', { kind: 'weekly', interval: 2, weekdays: [1, 3], count: 4 }));
		expect(datesOf(created.created)).toEqual(['2026-12-01', '2026-12-03', '2026-12-15', '2026-12-17']);
		const [row] = await db.select().from(reservationSeries).where(eq(reservationSeries.id, created.seriesId));
		expect(row).toMatchObject({ params: { kind: 'weekly', interval: 2, weekdays: [1, 3], count: 4 }, exceptions: [], createdBy: school.id });
		expect(row!.rule).toContain('FREQ=WEEKLY');
		expect(row!.rule).toContain('INTERVAL=2');
		const held = await db.select().from(reservation).where(eq(reservation.seriesId, created.seriesId));
		expect(held).toHaveLength(4);
	});

	it('every weekday with an exception: weekends and the exception left out, the exception kept on the row', async () => {
		const created = await reservations.createSeries(
			school,
			series('meeting-b', '2026-12-03', { kind: 'weekdays', until: '2026-12-09', except: ['2026-12-08'] }, ['13:00', '14:00'])
		);
		expect(datesOf(created.created)).toEqual(['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-09']);
		const [row] = await db.select().from(reservationSeries).where(eq(reservationSeries.id, created.seriesId));
		expect(row!.exceptions).toEqual(['2026-12-08']);
	});

	it('monthly on the same date', async () => {
		const created = await reservations.createSeries(school, series('small-meeting-1', '2026-12-10', { kind: 'monthlyDate', count: 3 }));
		expect(datesOf(created.created)).toEqual(['2026-12-10', '2027-02-10']);
		// 10 January 2027 is a Sunday: the room is closed then, so that date is skipped, not moved.
		expect(datesOf(created.skipped)).toEqual(['2027-01-10']);
	});

	it('monthly on the second Tuesday, with one exception, and a clash on one date skipped while the rest are booked', async () => {
		// 8 December 2026 and 12 January 2027 are second Tuesdays; someone already holds the room on 12 January.
		await reservations.create(edu, {
			roomId: rooms['video-conference']!,
			start: at('2027-01-12', '15:30'),
			end: at('2027-01-12', '16:30'),
			purpose: '먼저 잡은 회의',
			attendees: 3
		});
		const request = series('video-conference', '2026-12-08', { kind: 'monthlyWeekday', nth: 2, count: 3, except: ['2027-02-09'] }, ['15:00', '16:00']);
		const preview = await reservations.previewSeries(school, request);
		expect(preview.map((o) => [seoulDate(new Date(o.start)), o.state])).toEqual([
			['2026-12-08', 'free'],
			['2027-01-12', 'conflict'],
			['2027-03-09', 'invalid']
		]);
		const created = await reservations.createSeries(school, request);
		expect(datesOf(created.created)).toEqual(['2026-12-08']);
		expect(created.skipped.map((s) => [seoulDate(new Date(s.start)), s.state])).toEqual([
			['2027-01-12', 'conflict'],
			['2027-03-09', 'invalid']
		]);
	});

	it('monthly on the last Friday', async () => {
		const created = await reservations.createSeries(school, series('meeting-a', '2026-11-27', { kind: 'monthlyWeekday', nth: -1, count: 3 }, ['14:00', '15:00']));
		// 25 December 2026 (the last Friday) is Christmas: refused by the holiday rule and skipped.
		expect(datesOf(created.created)).toEqual(['2026-11-27', '2027-01-29']);
		expect(datesOf(created.skipped)).toEqual(['2026-12-25']);
	});

	it('leaves no series row behind when no date could be booked', async () => {
		const before = (await db.select().from(reservationSeries)).length;
		const first = series('meeting-b', '2026-12-14', { kind: 'weekly', count: 2 }, ['09:00', '10:00']);
		await reservations.createSeries(edu, first);
		await expect(reservations.createSeries(school, first)).rejects.toMatchObject({ status: 409 });
		expect((await db.select().from(reservationSeries)).length).toBe(before + 1);
	});
});

describe('the rule in words', () => {
	it('shows on "my bookings" and on the booking details, in Korean and English', async () => {
		const created = await reservations.createSeries(school, series('meeting-a', '2026-12-22', { kind: 'weekly', interval: 1, count: 2, except: ['2026-12-29'] }, ['16:00', '17:00']));
		const mine = await listMine(school, { now: clock.now() });
		const first = mine.upcoming.find((b) => b.id === created.created[0]!.id)!;
		expect(describeSummary(first.repeat!, 'ko')).toBe('매주 화요일, 2회 (2026년 12월 29일 제외)');
		expect(describeSummary(first.repeat!, 'en')).toBe('Every Tuesday, 2 times, except 29 December 2026');
		const opened = await details(school, created.created[1]!.id);
		expect(describeSummary(opened.repeat!, 'ko')).toBe('매주 화요일, 2회 (2026년 12월 29일 제외)');
		const single = await reservations.create(school, { ...series('meeting-a', '2026-12-24', { kind: 'weekly', count: 2 }), recurrence: undefined });
		expect((await details(school, single.id)).repeat).toBeNull();
	});
});

describe('the API takes the new rule and the old frequency', () => {
	const ORIGIN = 'http://center.test';
	const post = async (handler: (event: never) => Promise<Response> | Response, path: string, user: SessionUser, body: unknown, key?: string) => {
		const url = new URL(path, ORIGIN);
		const request = new Request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
			body: JSON.stringify(body)
		});
		const event = { url, request, params: {}, locals: { user, session: null, requestId: 'test' }, cookies: { set() {}, get() {}, delete() {} }, getClientAddress: () => '127.0.0.1' };
		const response = await handler(event as never);
		return { status: response.status, body: await response.json() };
	};
	const body = (date: string, recurrence: unknown) => ({
		roomId: rooms['seminar-hall']!,
		start: `${date}T10:00:00+09:00`,
		end: `${date}T11:00:00+09:00`,
		purpose: 'API 반복',
		attendees: 10,
		recurrence
	});

	it('previews a rule on the 31st and says which months have none', async () => {
		clock.freeze(at('2026-12-20', '08:00'));
		const answer = await post(previewRoute.POST, '/api/v1/reservations/preview', school, body('2026-12-31', { kind: 'monthlyDate', count: 3 }));
		expect(answer.status).toBe(200);
		expect(answer.body.occurrences.map((o: { start: string }) => seoulDate(new Date(o.start)))).toEqual(['2026-12-31', '2027-01-31', '2027-03-31']);
		expect(answer.body.repeat.skippedMonths).toEqual(['2027-02']);
	});

	it('books with kind and with the old frequency alike', async () => {
		const modern = await post(reservationsRoute.POST, '/api/v1/reservations', school, body('2026-12-02', { kind: 'weekdays', count: 3 }), crypto.randomUUID());
		expect(modern.status).toBe(201);
		expect(modern.body.created.map((c: { start: string }) => seoulDate(new Date(c.start)))).toEqual(['2026-12-02', '2026-12-03', '2026-12-04']);
		const legacy = await post(reservationsRoute.POST, '/api/v1/reservations', school, body('2026-12-07', { frequency: 'biweekly', count: 2 }), crypto.randomUUID());
		expect(legacy.status).toBe(201);
		expect(legacy.body.created.map((c: { start: string }) => seoulDate(new Date(c.start)))).toEqual(['2026-12-07', '2026-12-21']);
		const refused = await post(reservationsRoute.POST, '/api/v1/reservations', school, body('2026-12-07', { kind: 'monthlyWeekday', nth: 3, count: 2 }), crypto.randomUUID());
		expect(refused.status).toBe(422);
		expect(JSON.stringify(refused.body)).toContain('recurrence');
	});
});
