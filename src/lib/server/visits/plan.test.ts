import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSegments, nextFree, templateSegments, workingWindows, type Span } from './plan';
import { seoulInstant } from '../../time/seoul';

const ROOMS = [
	{ id: 'hall', code: 'seminar-hall', capacity: 150 },
	{ id: 'big', code: 'large-meeting', capacity: 40 },
	{ id: 'mid', code: 'meeting-a', capacity: 16 },
	{ id: 'small', code: 'small-meeting-1', capacity: 6 }
];
const DEPARTMENTS = [
	{ code: 'education', nameKo: '교육지원부', nameEn: 'Education Support', presenterIds: ['p1', 'p2'] },
	{ code: 'mediation', nameKo: '화해조정부', nameEn: 'Mediation', presenterIds: ['p3'] }
];
const WORDS = { briefing: 'Welcome', session: (d: { nameEn: string }) => `Session: ${d.nameEn}`, tour: 'Tour', qa: 'Q&A' };

describe('the itinerary template', () => {
	it('runs back to back from the half day’s start: briefing in the hall, a session per department in the smallest room that seats the group, a tour holding no room, Q&A', () => {
		const segments = templateSegments({ period: 'am', groupSize: 12 }, DEPARTMENTS, ROOMS, WORDS);
		expect(segments.map((s) => [s.kind, s.start, s.end, s.roomId, s.presenterIds])).toEqual([
			['briefing', '10:00', '10:30', 'hall', []],
			['session', '10:30', '11:10', 'mid', ['p1']],
			['session', '11:10', '11:50', 'mid', ['p3']],
			['tour', '11:50', '12:20', null, []],
			['qa', '12:20', '12:40', 'hall', []]
		]);
		expect(segments[1]!.title).toBe('Session: Education Support');
	});
	it('starts the afternoon at two and seats a group bigger than every meeting room in the hall', () => {
		const segments = templateSegments({ period: 'pm', groupSize: 60 }, DEPARTMENTS.slice(0, 1), ROOMS, WORDS);
		expect(segments[0]!.start).toBe('14:00');
		expect(segments[1]!.roomId).toBe('hall');
	});
});

describe('a draft itinerary’s own problems', () => {
	const rooms = new Map(ROOMS.map((r) => [r.id, { capacity: r.capacity, name: r.code }]));
	const presenters = new Map([['p1', { name: '김교육' }], ['p3', { name: '박조정' }]]);
	const seg = (start: string, end: string, roomId: string | null, presenterIds: string[] = []) => ({ kind: 'session' as const, title: 'x', start, end, roomId, presenterIds });
	it('names a room too small for the group and an unknown presenter, on the segment’s own field', () => {
		expect(checkSegments([seg('10:00', '11:00', 'small'), seg('11:00', '12:00', 'mid', ['nobody'])], 12, rooms, presenters)).toEqual([
			{ rule: 'segments.0.roomId', messageKey: 'visit_room_too_small', params: { room: 'small-meeting-1', capacity: 6, size: 12 } },
			{ rule: 'segments.1.presenterIds', messageKey: 'visit_presenter_invalid' }
		]);
	});
	it('refuses one presenter or room in two overlapping segments, but not back to back', () => {
		expect(checkSegments([seg('10:00', '11:00', 'mid', ['p1']), seg('11:00', '12:00', 'mid', ['p1'])], 12, rooms, presenters)).toEqual([]);
		expect(checkSegments([seg('10:00', '11:00', 'mid', ['p1']), seg('10:30', '11:30', 'big', ['p1', 'p3'])], 12, rooms, presenters)).toEqual([
			{ rule: 'segments.1.start', messageKey: 'visit_segments_overlap', params: { other: 1, names: '김교육' } }
		]);
	});
});

describe('the next free time of a resource', () => {
	const MIN = 60_000;
	const day = '2027-03-10'; // a Wednesday
	const at = (time: string, date = day) => seoulInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3))).getTime();
	const windows = workingWindows(day);
	it('is right after the hold that clashes, when the length fits before the next', () => {
		const busy = [{ from: at('10:00'), to: at('11:00') }, { from: at('11:30'), to: at('12:00') }];
		expect(nextFree(busy, at('10:00'), 40 * MIN, windows)).toBe(at('12:00'));
		expect(nextFree(busy, at('10:00'), 30 * MIN, windows)).toBe(at('11:00'));
	});
	it('moves to the next working day (not the weekend) when the day is full', () => {
		const busy = [{ from: at('09:00'), to: at('18:00') }, { from: at('09:00', '2027-03-11'), to: at('18:00', '2027-03-12') }];
		expect(nextFree(busy, at('10:00'), 60 * MIN, windows)).toBe(at('09:00', '2027-03-15'));
	});
	it('leaves out the days the caller closes', () => {
		expect(workingWindows(day, (d) => d === day).length).toBe(workingWindows(day).length - 1);
	});
	it('never answers a time that overlaps a busy span or leaves the windows (any holds)', () => {
		const span = fc.tuple(fc.integer({ min: 0, max: 14 * 24 * 60 }), fc.integer({ min: 10, max: 600 })).map(([s, l]): Span => ({ from: at('00:00') + s * MIN, to: at('00:00') + (s + l) * MIN }));
		fc.assert(
			fc.property(fc.array(span, { maxLength: 30 }), fc.integer({ min: 10, max: 240 }), fc.integer({ min: 0, max: 5 * 24 * 60 }), (busy, minutes, offset) => {
				const from = at('00:00') + offset * MIN;
				const found = nextFree(busy, from, minutes * MIN, windows);
				if (found === null) return;
				const end = found + minutes * MIN;
				expect(found).toBeGreaterThanOrEqual(from);
				expect(busy.filter((b) => b.from < end && b.to > found)).toEqual([]);
				expect(windows.some((w) => w.from <= found && end <= w.to)).toBe(true);
			})
		);
	});
});

describe('a typed or scanned reference', () => {
	it('is read in its stored form whatever the case, spaces and hyphens; anything else is none', async () => {
		const { normaliseReference } = await import('../../schemas/visits');
		expect(['V-2027-0042', 'v20270042', ' 2027-0042 ', 'V-2027-42', 'v 2027 0042'].map(normaliseReference)).toEqual(Array(5).fill('V-2027-0042'));
		expect(['', 'V-27-0042', 'C-2027-0042', '2027', 'V-2027-0042; drop'].map(normaliseReference)).toEqual([null, null, null, null, null]);
	});
});
