/** Series previews are set-based and rate-limited; refused off-grid bookings get on-grid alternatives. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { databaseInUse, db, useDatabase, type Database } from '../../src/lib/server/db';
import { closure } from '../../src/lib/server/db/schema';
import { TooManyRequestsError, ValidationError } from '../../src/lib/server/errors';
import { problemFromError } from '../../src/lib/server/http/problem';
import * as reservations from '../../src/lib/server/rooms/bookings';
import type { Alternative } from '../../src/lib/server/rooms/alternatives';
import { ruleContext } from '../../src/lib/server/rooms/rule-context';
import { loadRoom } from '../../src/lib/server/rooms/store';
import { heldInterval } from '../../src/lib/server/engine/held';
import { occurrences } from '../../src/lib/server/engine/recurrence';
import { checkBooking } from '../../src/lib/server/rooms/rules';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
});

beforeEach(() => clock.freeze(at('2026-11-23', '08:00')));

/** Run `fn` with every query of the live database counted (each builder or execute call is one query). */
async function countingQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
	const previous = databaseInUse();
	const real = previous.db;
	let queries = 0;
	const counted = new Set(['select', 'selectDistinct', 'execute', 'insert', 'update', 'delete', 'transaction']);
	const proxy = new Proxy(real, {
		get(target, prop, receiver) {
			const value = Reflect.get(target, prop, receiver);
			if (typeof prop === 'string' && counted.has(prop) && typeof value === 'function')
				return (...args: unknown[]) => {
					queries++;
					return (value as (...a: unknown[]) => unknown).apply(target, args);
				};
			return value;
		}
	}) as Database;
	useDatabase({ ...previous, db: proxy });
	try {
		return { result: await fn(), queries };
	} finally {
		useDatabase(previous);
	}
}

/** A weekly Friday series of 52 from 11 December 2026: Christmas and New Year's Day fall on it. */
const yearOfFridays = () => ({
	roomId: rooms['meeting-a']!,
	start: at('2026-12-11', '14:00'),
	end: at('2026-12-11', '15:00'),
	purpose: '주간 협의회',
	attendees: 6,
	recurrence: { kind: 'weekly' as const, count: 52 }
});

describe('a 52-week series preview', () => {
	it('answers from a bounded number of queries, however many occurrences', async () => {
		const school = await actor('school@center.test');
		const { result, queries } = await countingQueries(() => reservations.previewSeries(school, yearOfFridays()));
		expect(result).toHaveLength(52);
		// The rate-limit count, the room, then closures, the month's use and the clashes of all occurrences.
		expect(queries).toBeLessThanOrEqual(5);
	});

	it('gives the same answer as checking each occurrence on its own, with clashes, closures and holidays', async () => {
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		const facility = await actor('facility@center.test');
		// Clashes: two Fridays taken, one only by a minute's overlap.
		await reservations.create(edu, { roomId: rooms['meeting-a']!, start: at('2026-12-18', '13:00'), end: at('2026-12-18', '14:30'), purpose: 'x', attendees: 2 });
		await reservations.create(edu, { roomId: rooms['meeting-a']!, start: at('2027-01-08', '14:30'), end: at('2027-01-08', '16:00'), purpose: 'x', attendees: 2 });
		// Closures: the room on one Friday, the whole building on another.
		await db.insert(closure).values([
			{ resourceId: rooms['meeting-a']!, startsAt: at('2027-01-15', '09:00'), endsAt: at('2027-01-15', '18:00'), reason: '도색', createdBy: facility.id },
			{ resourceId: null, startsAt: at('2027-01-22', '14:30'), endsAt: at('2027-01-22', '17:00'), reason: '소방 점검', createdBy: facility.id }
		]);
		const series = yearOfFridays();
		const preview = await reservations.previewSeries(school, series);

		const target = (await loadRoom(series.roomId))!;
		const oneByOne = [];
		for (const { start, end } of occurrences(series, series.recurrence)) {
			const violations = checkBooking(await ruleContext(target, school, { start, end, attendees: series.attendees }, clock.now()));
			const held = heldInterval(start, end, target.rules);
			const conflicts = await reservations.clashes(target.room.resourceId, held.heldFrom, held.heldUntil);
			const state = violations.length ? 'invalid' : conflicts.length ? 'conflict' : 'free';
			oneByOne.push({ start: start.toISOString(), end: end.toISOString(), state, violations, conflicts });
		}
		expect(preview).toEqual(oneByOne);
		// The fixture really has each kind.
		const keys = preview.flatMap((o) => o.violations.map((v) => v.messageKey));
		expect(keys).toEqual(expect.arrayContaining(['rule_holiday', 'rule_closure', 'rule_horizon']));
		expect(preview.filter((o) => o.state === 'conflict').map((o) => o.start)).toEqual([
			at('2026-12-18', '14:00').toISOString(),
			at('2027-01-08', '14:00').toISOString()
		]);
	});
});

describe('the preview rate limit (kept in the database)', () => {
	it('refuses previews beyond the limit under simultaneous requests with 429 and Retry-After, and lets them through again in the next window', async () => {
		const visits = await actor('visits@center.test');
		const { limit } = reservations.PREVIEW_RATE;
		const one = { roomId: rooms['meeting-b']!, start: at('2026-12-02', '10:00'), end: at('2026-12-02', '11:00'), purpose: 'x', attendees: 2 };
		const results = await Promise.allSettled(Array.from({ length: limit + 10 }, () => reservations.previewSeries(visits, one)));
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(limit);
		expect(refused).toHaveLength(10);
		for (const r of refused) {
			expect(r.reason).toBeInstanceOf(TooManyRequestsError);
			expect((r.reason as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(0);
			expect((r.reason as TooManyRequestsError).retryAfterSeconds).toBeLessThanOrEqual(60);
		}
		const response = problemFromError(refused[0]!.reason);
		expect(response.status).toBe(429);
		expect(response.headers.get('content-type')).toContain('application/problem+json');
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await response.json()).toMatchObject({ type: '/api/v1/problems/too-many-requests', status: 429 });

		// Another user is not affected, and the next window starts afresh.
		await expect(reservations.previewSeries(await actor('edu@center.test'), one)).resolves.toHaveLength(1);
		clock.freeze(new Date(clock.now().getTime() + reservations.PREVIEW_RATE.windowMs + 1000));
		await expect(reservations.previewSeries(visits, one)).resolves.toHaveLength(1);
	});
});

describe('alternatives for an off-grid request', () => {
	it('offers the nearest on-grid times when 11:59–12:30 is refused in a room on a 30-minute grid', async () => {
		const school = await actor('school@center.test');
		const error = await reservations
			.create(school, { roomId: rooms['meeting-b']!, start: at('2026-12-03', '11:59'), end: at('2026-12-03', '12:30'), purpose: 'x', attendees: 4 })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).violations.map((v) => v.messageKey)).toEqual(['rule_granularity']);
		const alternatives = (error as ValidationError).details.alternatives as Alternative[];
		const sameRoom = alternatives.filter((a) => a.kind === 'same_room');
		expect(sameRoom[0]).toEqual({ roomId: rooms['meeting-b'], start: at('2026-12-03', '12:00').toISOString(), end: at('2026-12-03', '12:30').toISOString(), kind: 'same_room' });
		expect(sameRoom).toHaveLength(3);
		for (const a of sameRoom) expect(new Date(a.end).getTime() - new Date(a.start).getTime()).toBe(30 * 60_000);
		expect(alternatives.filter((a) => a.kind === 'similar_room').length).toBeGreaterThan(0);
		// Every alternative is bookable as offered.
		for (const a of alternatives.slice(0, 1))
			await expect(reservations.create(school, { roomId: a.roomId, start: new Date(a.start), end: new Date(a.end), purpose: 'x', attendees: 4 })).resolves.toBeTruthy();
	});
});
