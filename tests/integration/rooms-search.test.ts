import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { closure } from '../../src/lib/server/db/schema';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { busyByRoom, busyMsByRoom, seoulDays } from '../../src/lib/server/rooms/availability';
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
	it('gives the API its instants as ISO text exactly as Date#toISOString writes them, and the pages the same instants as epoch ms', async () => {
		const { from, to } = seoulDays('2026-11-24');
		const api = (await busyByRoom(from, to, null)).get(rooms['large-meeting']!)!;
		const pages = (await busyMsByRoom(from, to, null)).get(rooms['large-meeting']!)!;
		expect(api).toEqual([
			{
				start: at('2026-11-24', '14:00').toISOString(),
				end: at('2026-11-24', '15:15').toISOString(),
				bookingStart: at('2026-11-24', '14:00').toISOString(),
				bookingEnd: at('2026-11-24', '15:00').toISOString(),
				pending: true
			}
		]);
		expect(pages).toEqual([{ start: Date.parse(api[0]!.start), end: Date.parse(api[0]!.end), bookingStart: Date.parse(api[0]!.bookingStart), bookingEnd: Date.parse(api[0]!.bookingEnd), pending: true }]);
	});

	it('gives every room its held intervals, with details only on the viewer’s own bookings', async () => {
		const school = await actor('school@center.test');
		const asSchool = await board('2026-11-24', 1, school);
		const meetingA = asSchool.rooms.find((r) => r.id === rooms['meeting-a'])!;
		expect(meetingA.busy).toEqual([
			expect.objectContaining({ mine: true, purpose: '학년 협의회', status: 'confirmed', start: at('2026-11-24', '10:00').getTime() })
		]);
		const large = asSchool.rooms.find((r) => r.id === rooms['large-meeting'])!;
		// Someone else's request: its held time (clean-up included), its own times and that it awaits approval; no who or what.
		expect(large.busy).toEqual([
			{
				start: at('2026-11-24', '14:00').getTime(),
				end: at('2026-11-24', '15:15').getTime(),
				bookingStart: at('2026-11-24', '14:00').getTime(),
				bookingEnd: at('2026-11-24', '15:00').getTime(),
				pending: true
			}
		]);

		const anonymous = await board('2026-11-24', 1, null);
		const anonymousA = anonymous.rooms.find((r) => r.id === rooms['meeting-a'])!;
		expect(anonymousA.busy).toEqual([
			{
				start: at('2026-11-24', '10:00').getTime(),
				end: at('2026-11-24', '11:00').getTime(),
				bookingStart: at('2026-11-24', '10:00').getTime(),
				bookingEnd: at('2026-11-24', '11:00').getTime()
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
			{ start: at('2026-11-24', '13:00').getTime(), end: at('2026-11-24', '18:00').getTime(), reason: '바닥 공사' }
		]);
		expect(meetingB.hours).toHaveLength(5);
	});

	it('refuses a range longer than a week', async () => {
		await expect(board('2026-11-24', 8, null)).rejects.toThrow(RangeError);
	});
});

describe('free-room search lists only rooms that can really be booked then', () => {
	const reasons = (result: Awaited<ReturnType<typeof search>>, code: string) =>
		result.notBookable.filter((n) => n.resourceId === rooms[code]).map((n) => n.violation.messageKey);

	it('leaves out a room whose lead time has not been met, and says why (the seminar hall books 3 days ahead)', async () => {
		// Now: Monday 08:00; Tuesday is one day ahead.
		const tuesday = await search({ freeFrom: at('2026-11-24', '09:00'), freeTo: at('2026-11-24', '10:00') });
		expect(codes(tuesday.rooms)).not.toContain('seminar-hall');
		expect(reasons(tuesday, 'seminar-hall')).toEqual(['rule_lead_time']);
		expect(codes(tuesday.rooms)).toContain('meeting-b');
		const thursday = await search({ freeFrom: at('2026-11-26', '09:00'), freeTo: at('2026-11-26', '10:00') });
		expect(codes(thursday.rooms)).toContain('seminar-hall');
	});

	it('leaves out every room beyond its booking horizon, and time off a room’s grid or too short for it', async () => {
		const far = await search({ freeFrom: at('2027-03-09', '10:00'), freeTo: at('2027-03-09', '11:00') });
		expect(far.rooms).toEqual([]);
		expect(far.closedAtTime).toBe(false);
		expect(new Set(far.notBookable.map((n) => n.violation.messageKey))).toEqual(new Set(['rule_horizon']));
		// 30 minutes: the PC lab books at least an hour.
		const short = await search({ freeFrom: at('2026-11-26', '10:00'), freeTo: at('2026-11-26', '10:30') });
		expect(codes(short.rooms)).not.toContain('pc-lab');
		expect(codes(short.rooms)).toContain('meeting-b');
	});

	it('for a school user leaves out the staff-only rooms; for staff lists them; a visitor is held only to the rules that bind everyone', async () => {
		const school = await actor('school@center.test');
		const staff = await actor('edu@center.test');
		const when = { freeFrom: at('2026-11-26', '10:00'), freeTo: at('2026-11-26', '11:00') };
		const forSchool = await search(when, school);
		expect(codes(forSchool.rooms)).not.toContain('consult-1');
		expect(reasons(forSchool, 'consult-1')).toEqual(['rooms_only_staff']);
		expect(codes((await search(when, staff)).rooms)).toContain('consult-1');
		expect(codes((await search(when, null)).rooms)).toContain('consult-1');
	});

	it('marks, without a time, the rooms a person may not book: staff only for a school user, nothing for staff or a visitor', async () => {
		const school = await actor('school@center.test');
		const forSchool = await search({}, school);
		expect(forSchool.rooms.find((r) => r.code === 'consult-1')).toMatchObject({ mayBook: false, onlyFor: 'staff' });
		expect(forSchool.rooms.find((r) => r.code === 'meeting-b')).toMatchObject({ mayBook: true, onlyFor: null });
		const forStaff = await search({}, await actor('edu@center.test'));
		expect(forStaff.rooms.every((r) => r.mayBook && r.onlyFor === null)).toBe(true);
		const forVisitor = await search({});
		expect(forVisitor.rooms.every((r) => r.mayBook === null && r.onlyFor === null)).toBe(true);
	});

	it('leaves out a room whose monthly quota the school has used up', async () => {
		const school = await actor('school@center.test');
		// The large meeting room allows 20 hours a month; 19 are asked for in one go (at most 8 h each).
		const when = { freeFrom: at('2026-11-26', '09:00'), freeTo: at('2026-11-26', '18:00') };
		const nine = await search(when, school);
		expect(reasons(nine, 'large-meeting')).toEqual(['rule_too_long']);
		for (const day of ['2026-11-30', '2026-11-27']) {
			await reservations.create(school, { roomId: rooms['large-meeting']!, start: at(day, '09:00'), end: at(day, '17:00'), purpose: '연수', attendees: 20 });
		}
		const hour = await search({ freeFrom: at('2026-11-26', '16:00'), freeTo: at('2026-11-26', '17:00') }, school);
		expect(codes(hour.rooms)).toContain('large-meeting');
		const more = await search({ freeFrom: at('2026-11-26', '09:00'), freeTo: at('2026-11-26', '14:00') }, school);
		expect(codes(more.rooms)).not.toContain('large-meeting');
		expect(reasons(more, 'large-meeting')).toEqual(['rule_quota']);
		// Another school's quota is its own.
		expect(codes((await search({ freeFrom: at('2026-11-26', '09:00'), freeTo: at('2026-11-26', '14:00') }, await actor('edu@center.test'))).rooms)).toContain('large-meeting');
	});
});
