import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seoulInstant } from '../../time/seoul';
import {
	chooseConsultant,
	computeSlots,
	intersect,
	normalise,
	overlapsAny,
	slotsByDay,
	subtract,
	workingSpans,
	type SlotQuery,
	type Span
} from './slots';

// 2027-01-04 is a Monday; 2027-01-05 a Tuesday.
const at = (date: string, hhmm: string) => {
	const [h, m] = hhmm.split(':').map(Number);
	return seoulInstant(date, h! * 60 + m!).getTime();
};
const span = (date: string, from: string, to: string): Span => ({ from: at(date, from), to: at(date, to) });
const times = (slots: { start: number }[], date: string) =>
	slots
		.filter((s) => new Date(s.start).toISOString().slice(0, 10) <= date)
		.map((s) => new Date(s.start + 9 * 3600_000).toISOString().slice(11, 16));

const WEEKDAYS_9_TO_18 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1080 }));
const TUE_THU_14_17 = [2, 4].map((weekday) => ({ weekday, startMinute: 840, endMinute: 1020 }));

function query(overrides: Partial<SlotQuery> = {}): SlotQuery {
	return {
		topic: { durationMinutes: 60, bufferMinutes: 0, leadTimeMinutes: 0, horizonDays: 60 },
		from: '2027-01-05',
		to: '2027-01-05',
		now: new Date(at('2027-01-04', '09:00')),
		centerHours: WEEKDAYS_9_TO_18,
		holidayNames: () => null,
		buildingClosures: [],
		consultants: [{ id: 'kim', hours: TUE_THU_14_17, exceptions: [], busy: [] }],
		...overrides
	};
}

describe('span arithmetic', () => {
	it('merges, subtracts and intersects', () => {
		const a = normalise([{ from: 5, to: 10 }, { from: 0, to: 3 }, { from: 2, to: 4 }]);
		expect(a).toEqual([{ from: 0, to: 4 }, { from: 5, to: 10 }]);
		expect(subtract(a, [{ from: 1, to: 6 }])).toEqual([{ from: 0, to: 1 }, { from: 6, to: 10 }]);
		expect(intersect(a, [{ from: 3, to: 7 }])).toEqual([{ from: 3, to: 4 }, { from: 5, to: 7 }]);
		expect(overlapsAny(a, 4, 5)).toBe(false);
		expect(overlapsAny(a, 4, 6)).toBe(true);
		expect(overlapsAny(a, 10, 20)).toBe(false);
	});

	it('agrees with a minute-by-minute model (property)', () => {
		const spans = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 20 })).map(([f, l]) => ({ from: f, to: f + l })), {
			maxLength: 6
		});
		fc.assert(
			fc.property(spans, spans, (x, y) => {
				const a = normalise(x);
				const b = normalise(y);
				const inside = (s: Span[], t: number) => s.some((p) => p.from <= t && t < p.to);
				for (let t = 0; t < 90; t++) {
					expect(inside(subtract(a, b), t)).toBe(inside(a, t) && !inside(b, t));
					expect(inside(intersect(a, b), t)).toBe(inside(a, t) && inside(b, t));
				}
			})
		);
	});
});

describe('computeSlots', () => {
	it('offers the weekly template on its grid: Tuesday 14:00–17:00, one hour each, every 30 minutes', () => {
		const slots = computeSlots(query());
		expect(times(slots, '2027-01-05')).toEqual(['14:00', '14:30', '15:00', '15:30', '16:00']);
		expect(slots[0]!.consultantIds).toEqual(['kim']);
		expect(slots[0]!.end - slots[0]!.start).toBe(3600_000);
	});

	it('stays inside the center hours and has nothing on a day without template', () => {
		const late = [{ weekday: 2, startMinute: 16 * 60, endMinute: 20 * 60 }];
		expect(times(computeSlots(query({ consultants: [{ id: 'kim', hours: late, exceptions: [], busy: [] }] })), '2027-01-05')).toEqual([
			'16:00',
			'16:30',
			'17:00'
		]);
		expect(computeSlots(query({ from: '2027-01-04', to: '2027-01-04' }))).toEqual([]);
	});

	it('leaves out leave (whole day or hours) and adds extra hours', () => {
		const wholeDay = { date: '2027-01-05', kind: 'off' as const, startMinute: null, endMinute: null };
		expect(computeSlots(query({ consultants: [{ id: 'kim', hours: TUE_THU_14_17, exceptions: [wholeDay], busy: [] }] }))).toEqual([]);
		const afternoonOff = { date: '2027-01-05', kind: 'off' as const, startMinute: 15 * 60, endMinute: 24 * 60 };
		expect(times(computeSlots(query({ consultants: [{ id: 'kim', hours: TUE_THU_14_17, exceptions: [afternoonOff], busy: [] }] })), '2027-01-05')).toEqual(['14:00']);
		const extraMorning = { date: '2027-01-05', kind: 'extra' as const, startMinute: 10 * 60, endMinute: 11 * 60 };
		expect(times(computeSlots(query({ consultants: [{ id: 'kim', hours: TUE_THU_14_17, exceptions: [extraMorning], busy: [] }] })), '2027-01-05')).toEqual([
			'10:00',
			'14:00',
			'14:30',
			'15:00',
			'15:30',
			'16:00'
		]);
	});

	it('offers nothing on a public holiday or in a building closure', () => {
		expect(computeSlots(query({ holidayNames: (d) => (d === '2027-01-05' ? ['임시공휴일'] : null) }))).toEqual([]);
		const slots = computeSlots(query({ buildingClosures: [span('2027-01-05', '14:30', '15:30')] }));
		expect(times(slots, '2027-01-05')).toEqual(['15:30', '16:00']);
	});

	it('leaves out every hold on the consultant, with the topic buffer after each slot', () => {
		const busy = [span('2027-01-05', '15:00', '16:00')];
		expect(times(computeSlots(query({ consultants: [{ id: 'kim', hours: TUE_THU_14_17, exceptions: [], busy }] })), '2027-01-05')).toEqual([
			'14:00',
			'16:00'
		]);
		const buffered = query({ topic: { durationMinutes: 60, bufferMinutes: 15, leadTimeMinutes: 0, horizonDays: 60 } });
		buffered.consultants[0]!.busy = busy;
		// 14:00–15:00 plus 15 minutes would touch the 15:00 hold.
		expect(times(computeSlots(buffered), '2027-01-05')).toEqual(['16:00']);
	});

	it('respects the lead time and the horizon', () => {
		const now = new Date(at('2027-01-05', '13:10'));
		const lead = query({ now, topic: { durationMinutes: 60, bufferMinutes: 0, leadTimeMinutes: 90, horizonDays: 60 } });
		expect(times(computeSlots(lead), '2027-01-05')).toEqual(['15:00', '15:30', '16:00']);
		const horizon = query({ from: '2027-01-05', to: '2027-01-31', topic: { durationMinutes: 60, bufferMinutes: 0, leadTimeMinutes: 0, horizonDays: 3 } });
		// Monday now + 3 days: Tuesday and Thursday only.
		expect(slotsByDay(computeSlots(horizon)).map((d) => d.date)).toEqual(['2027-01-05', '2027-01-07']);
	});

	it('lists each free consultant of a slot, in the given order', () => {
		const lee = { id: 'lee', hours: [{ weekday: 2, startMinute: 15 * 60, endMinute: 16 * 60 }], exceptions: [], busy: [] };
		const slots = computeSlots(query({ consultants: [query().consultants[0]!, lee] }));
		expect(slots.map((s) => s.consultantIds.join('+'))).toEqual(['kim', 'kim', 'kim+lee', 'kim', 'kim']);
	});

	it('in person, needs a room open and free then too, with the room buffers', () => {
		const room = (id: string, busy: Span[]) => ({ id, hours: WEEKDAYS_9_TO_18, busy, bufferBeforeMinutes: 0, bufferAfterMinutes: 15 });
		const one = computeSlots(query({ rooms: [room('r1', [span('2027-01-05', '14:00', '15:15')])] }));
		// Room busy 14:00–15:15: a 15:00 slot would end 16:00 + 15 after; 15:30 is the first that fits.
		expect(times(one, '2027-01-05')).toEqual(['15:30', '16:00']);
		const two = computeSlots(query({ rooms: [room('r1', [span('2027-01-05', '14:00', '15:15')]), room('r2', [])] }));
		expect(two.map((s) => s.roomIds.join('+'))).toEqual(['r2', 'r2', 'r2', 'r1+r2', 'r1+r2']);
		expect(computeSlots(query({ rooms: [] }))).toEqual([]);
	});
});

describe('chooseConsultant', () => {
	it('picks the free consultant with the fewest consultations that week, the first on a tie', () => {
		expect(chooseConsultant(['kim', 'lee', 'park'], new Map([['kim', 3], ['lee', 1], ['park', 1]]))).toBe('lee');
		expect(chooseConsultant(['kim', 'lee'], new Map())).toBe('kim');
		expect(chooseConsultant([], new Map())).toBeNull();
	});
});

describe('workingSpans', () => {
	it('is empty on a weekend even with a template, when the center is closed', () => {
		expect(workingSpans({ hours: [{ weekday: 6, startMinute: 600, endMinute: 720 }], exceptions: [] }, '2027-01-09', WEEKDAYS_9_TO_18)).toEqual([]);
	});
});
