/** The tablet beside a room's door: free or busy now, what comes next, nothing of who or why. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { closure } from '../../src/lib/server/db/schema';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { doorDisplay } from '../../src/lib/server/rooms/door';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
	// Monday 2026-11-23 08:00 Seoul: book Tuesday's day.
	clock.freeze(at('2026-11-23', '08:00'));
	const school = await actor('school@center.test');
	for (const [from, to] of [
		['10:00', '11:00'],
		['14:00', '15:00'],
		['16:00', '17:00']
	])
		await reservations.create(school, { roomId: rooms['meeting-b']!, start: at('2026-11-24', from!), end: at('2026-11-24', to!), purpose: '비밀 협의', attendees: 4 });
});

const slot = (date: string, from: string, to: string) => ({ start: at(date, from).toISOString(), end: at(date, to).toISOString() });

describe('the door display', () => {
	it('is busy during a booking, with the next one and the rest of the day, and no purpose or booker anywhere', async () => {
		const d = (await doorDisplay(rooms['meeting-b']!, at('2026-11-24', '10:30')))!;
		expect(d.state).toBe('busy');
		expect(d.current).toEqual(slot('2026-11-24', '10:00', '11:00'));
		expect(d.next).toEqual(slot('2026-11-24', '14:00', '15:00'));
		expect(d.later).toEqual([slot('2026-11-24', '16:00', '17:00')]);
		expect(JSON.stringify(d)).not.toContain('비밀');
		expect(d.hours).toEqual({ opensMinute: 9 * 60, closesMinute: 18 * 60 });
	});

	it('is free between bookings and outside them says closed; on a weekend it has no hours', async () => {
		const noon = (await doorDisplay(rooms['meeting-b']!, at('2026-11-24', '12:00')))!;
		expect(noon).toMatchObject({ state: 'free', current: null, next: slot('2026-11-24', '14:00', '15:00') });
		const evening = (await doorDisplay(rooms['meeting-b']!, at('2026-11-24', '19:00')))!;
		expect(evening).toMatchObject({ state: 'closed', current: null, next: null, later: [] });
		const saturday = (await doorDisplay(rooms['meeting-b']!, at('2026-11-28', '11:00')))!;
		expect(saturday).toMatchObject({ state: 'closed', hours: null });
	});

	it('says a closure in force, with its end and reason, and is closed on a public holiday', async () => {
		await db.insert(closure).values({ resourceId: rooms['meeting-b']!, startsAt: at('2026-11-25', '09:00'), endsAt: at('2026-11-25', '13:00'), reason: '조명 교체' });
		const d = (await doorDisplay(rooms['meeting-b']!, at('2026-11-25', '10:00')))!;
		expect(d.state).toBe('closure');
		expect(d.closure).toEqual({ end: at('2026-11-25', '13:00').toISOString(), reason: '조명 교체' });
		// Christmas Day 2026 is a Friday.
		const christmas = (await doorDisplay(rooms['meeting-b']!, at('2026-12-25', '10:00')))!;
		expect(christmas).toMatchObject({ state: 'closed', hours: null, holiday: '기독탄신일' });
	});

	it('is nothing for a room that does not exist', async () => {
		expect(await doorDisplay('00000000-0000-4000-8000-000000000000', at('2026-11-24', '10:00'))).toBeNull();
	});
});
