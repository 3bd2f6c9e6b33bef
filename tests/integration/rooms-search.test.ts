import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { closure } from '../../src/lib/server/db/schema';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { board, parseFilters, readFilterForm, search } from '../../src/lib/server/rooms/search';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

const codes = (list: { code: string }[]) => list.map((r) => r.code);

let rooms: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
	clock.freeze(at('2026-11-23', '08:00'));
	const school = await actor('school@center.test');
	// Tuesday 2026-11-24: Meeting Room A 10:00–11:00; the Large Meeting Room 14:00–15:00 holds until 15:15 (clean-up).
	await reservations.create(school, {
		roomId: rooms['meeting-a']!,
		start: at('2026-11-24', '10:00'),
		end: at('2026-11-24', '11:00'),
		purpose: '학년 협의회',
		attendees: 8
	});
	await reservations.create(await actor('edu@center.test'), {
		roomId: rooms['large-meeting']!,
		start: at('2026-11-24', '14:00'),
		end: at('2026-11-24', '15:00'),
		purpose: '연수 준비',
		attendees: 20
	});
	await db.insert(closure).values({
		resourceId: rooms['meeting-b']!,
		startsAt: at('2026-11-24', '13:00'),
		endsAt: at('2026-11-24', '18:00'),
		reason: '바닥 공사'
	});
});

beforeEach(() => clock.freeze(at('2026-11-23', '08:00')));

describe('room search', () => {
	it('lists every active room in display order without filters', async () => {
		const result = await search();
		expect(result.total).toBe(12);
		expect(result.rooms).toHaveLength(12);
		expect(result.rooms[0]).toMatchObject({ code: 'seminar-hall', requiresApproval: true });
		expect(result.hours).toEqual({ opensMinute: 540, closesMinute: 1080 });
		expect(result.equipmentKeys).toContain('video_conference');
	});

	it('keeps only rooms that hold at least the number of people asked for', async () => {
		const { rooms: found } = await search({ minCapacity: 30 });
		expect(codes(found)).toEqual(['seminar-hall', 'large-meeting', 'pc-lab']);
	});

	it('keeps only rooms that have every piece of equipment asked for', async () => {
		const { rooms: found } = await search({ equipment: ['video_conference', 'microphone'] });
		expect(codes(found)).toEqual(['large-meeting', 'video-conference']);
	});

	it('leaves out a room with a booking overlapping the free time, and keeps one whose booking only touches it', async () => {
		const overlapping = await search({ minCapacity: 12, freeFrom: at('2026-11-24', '10:30'), freeTo: at('2026-11-24', '11:30') });
		expect(codes(overlapping.rooms)).not.toContain('meeting-a');
		expect(codes(overlapping.rooms)).toContain('meeting-b');
		const touching = await search({ minCapacity: 12, freeFrom: at('2026-11-24', '11:00'), freeTo: at('2026-11-24', '12:00') });
		expect(codes(touching.rooms)).toContain('meeting-a');
	});

	it('counts the clean-up buffer as held: the room is not free right after the booking ends', async () => {
		const { rooms: found } = await search({ freeFrom: at('2026-11-24', '15:00'), freeTo: at('2026-11-24', '15:30') });
		expect(codes(found)).not.toContain('large-meeting');
		const later = await search({ freeFrom: at('2026-11-24', '15:30'), freeTo: at('2026-11-24', '16:00') });
		expect(codes(later.rooms)).toContain('large-meeting');
	});

	it('leaves out a room closed at that time', async () => {
		const { rooms: found } = await search({ freeFrom: at('2026-11-24', '14:00'), freeTo: at('2026-11-24', '15:00') });
		expect(codes(found)).not.toContain('meeting-b');
	});

	it('finds nothing free outside opening hours, on a weekend or on a public holiday, and says the center is closed', async () => {
		const evening = await search({ freeFrom: at('2026-11-24', '17:30'), freeTo: at('2026-11-24', '18:30') });
		const saturday = await search({ freeFrom: at('2026-11-28', '10:00'), freeTo: at('2026-11-28', '11:00') });
		const christmas = await search({ freeFrom: at('2026-12-25', '10:00'), freeTo: at('2026-12-25', '11:00') });
		for (const result of [evening, saturday, christmas]) expect(result).toMatchObject({ rooms: [], closedAtTime: true });
	});
});

describe('filter form', () => {
	const form = (query: string) => parseFilters(readFilterForm(new URLSearchParams(query)));

	it('reads people, equipment and a Seoul time', () => {
		const { value, violations } = form('people=10&equipment=projector&equipment=microphone&date=2026-11-24&from=14:00&to=15:30');
		expect(violations).toEqual([]);
		expect(value).toEqual({
			minCapacity: 10,
			equipment: ['projector', 'microphone'],
			freeFrom: at('2026-11-24', '14:00'),
			freeTo: at('2026-11-24', '15:30')
		});
	});

	it('names every problem at once: bad people, a time without a date, an end before the start', () => {
		const { violations } = form('people=0&from=15:00&to=14:00');
		expect(violations.map((v) => [v.rule, v.messageKey])).toEqual([
			['people', 'field_number_range'],
			['date', 'rooms_free_date_required'],
			['to', 'rooms_end_after_start']
		]);
	});

	it('refuses an impossible date and a time that is not HH:MM', () => {
		const { value, violations } = form('date=2026-02-30&from=9&to=10:00');
		expect(violations.map((v) => v.rule)).toEqual(['date', 'from']);
		expect(value.freeFrom).toBeUndefined();
	});
});

describe('availability board data', () => {
	it('gives every room its held intervals, with details only on the viewer’s own bookings', async () => {
		const school = await actor('school@center.test');
		const asSchool = await board('2026-11-24', 1, school);
		const meetingA = asSchool.rooms.find((r) => r.id === rooms['meeting-a'])!;
		expect(meetingA.busy).toEqual([
			expect.objectContaining({ mine: true, purpose: '학년 협의회', status: 'confirmed', start: at('2026-11-24', '10:00').toISOString() })
		]);
		const large = asSchool.rooms.find((r) => r.id === rooms['large-meeting'])!;
		// Someone else's request: its held time (clean-up included), its own times and that it awaits approval; no who or what.
		expect(large.busy).toEqual([
			{
				start: at('2026-11-24', '14:00').toISOString(),
				end: at('2026-11-24', '15:15').toISOString(),
				bookingStart: at('2026-11-24', '14:00').toISOString(),
				bookingEnd: at('2026-11-24', '15:00').toISOString(),
				pending: true
			}
		]);

		const anonymous = await board('2026-11-24', 1, null);
		const anonymousA = anonymous.rooms.find((r) => r.id === rooms['meeting-a'])!;
		expect(anonymousA.busy).toEqual([
			{
				start: at('2026-11-24', '10:00').toISOString(),
				end: at('2026-11-24', '11:00').toISOString(),
				bookingStart: at('2026-11-24', '10:00').toISOString(),
				bookingEnd: at('2026-11-24', '11:00').toISOString()
			}
		]);
		expect(JSON.stringify(anonymous)).not.toContain('학년 협의회');
	});

	it('carries closures, weekly hours and the public holidays of the dates shown', async () => {
		const week = await board('2026-12-21', 7, null);
		expect(Object.keys(week.holidays)).toEqual(['2026-12-25']);
		expect(week.holidays['2026-12-25']).toMatch(/\S/);
		const day = await board('2026-11-24', 1, null);
		const meetingB = day.rooms.find((r) => r.id === rooms['meeting-b'])!;
		expect(meetingB.closures).toEqual([
			{ start: at('2026-11-24', '13:00').toISOString(), end: at('2026-11-24', '18:00').toISOString(), reason: '바닥 공사' }
		]);
		expect(meetingB.hours).toHaveLength(5);
	});

	it('refuses a range longer than a week', async () => {
		await expect(board('2026-11-24', 8, null)).rejects.toThrow(RangeError);
	});
});
