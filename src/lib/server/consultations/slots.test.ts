import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, MINUTE_MS, seoulInstant, weekdayOf, type IsoDate } from '../../time/seoul';
import {
	chooseConsultant,
	computeSlots,
	intersect,
	normalise,
	overlapsAny,
	searchDates,
	slotStep,
	slotsByDay,
	subtract,
	workingSpans,
	type DateException,
	type Slot,
	type SlotQuery,
	type Span,
	type WeeklySpan
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

/**
 * The plain version computeSlots replaced: every date's calendar maths again for each consultant,
 * and the rooms checked again for each consultant at a start. Kept as the reference the fast one
 * must agree with.
 */
function referenceSlots(query: SlotQuery): Slot[] {
	const { topic } = query;
	const duration = topic.durationMinutes * MINUTE_MS;
	const after = topic.bufferMinutes * MINUTE_MS;
	const step = slotStep(topic.durationMinutes) * MINUTE_MS;
	const earliest = query.now.getTime() + topic.leadTimeMinutes * MINUTE_MS;
	const daySpans = (date: IsoDate, spans: { startMinute: number; endMinute: number }[]): Span[] =>
		spans.map((s) => ({ from: seoulInstant(date, s.startMinute).getTime(), to: seoulInstant(date, s.endMinute).getTime() }));
	const working = (c: { hours: WeeklySpan[]; exceptions: DateException[] }, date: IsoDate): Span[] => {
		const weekday = weekdayOf(date);
		const exceptions = c.exceptions.filter((e) => e.date === date);
		if (exceptions.some((e) => e.kind === 'off' && e.startMinute === null)) return [];
		const template = c.hours.filter((h) => h.weekday === weekday);
		const extra = exceptions.filter((e) => e.kind === 'extra') as { startMinute: number; endMinute: number }[];
		const off = exceptions.filter((e) => e.kind === 'off') as { startMinute: number; endMinute: number }[];
		const open = normalise(daySpans(date, query.centerHours.filter((h) => h.weekday === weekday)));
		return subtract(intersect(normalise(daySpans(date, [...template, ...extra])), open), normalise(daySpans(date, off)));
	};
	const closed = normalise(query.buildingClosures);
	const consultants = query.consultants.map((c) => ({ ...c, busy: normalise(c.busy) }));
	const rooms = query.rooms?.map((r) => ({ ...r, busy: normalise(r.busy) }));
	const byStart = new Map<number, Slot>();
	for (const date of searchDates(query)) {
		if (query.holidayNames(date)) continue;
		const roomOpen = rooms?.map((r) => normalise(daySpans(date, r.hours.filter((h) => h.weekday === weekdayOf(date)))));
		for (const c of consultants)
			for (const span of subtract(working(c, date), closed))
				for (let start = span.from; start + duration <= span.to; start += step) {
					if (start < earliest) continue;
					const end = start + duration;
					if (overlapsAny(c.busy, start, end + after)) continue;
					let freeRooms: string[] = [];
					if (rooms) {
						freeRooms = rooms
							.filter((r, i) => {
								const held = { from: start - r.bufferBeforeMinutes * MINUTE_MS, to: end + r.bufferAfterMinutes * MINUTE_MS };
								return roomOpen![i]!.some((o) => o.from <= start && end <= o.to) && !overlapsAny(r.busy, held.from, held.to);
							})
							.map((r) => r.id);
						if (freeRooms.length === 0) continue;
					}
					const slot = byStart.get(start);
					if (slot && slot.end === end) slot.consultantIds.push(c.id);
					else byStart.set(start, { start, end, consultantIds: [c.id], roomIds: freeRooms });
				}
	}
	const order = new Map(query.consultants.map((c, i) => [c.id, i]));
	return [...byStart.values()]
		.sort((a, b) => a.start - b.start)
		.map((s) => ({ ...s, consultantIds: s.consultantIds.sort((a, b) => order.get(a)! - order.get(b)!) }));
}

describe('computeSlots against the plain per-slot version', () => {
	// Two weeks from Monday 2027-01-04; minutes on a 5-minute grid, holds anywhere in them.
	const FIRST = '2027-01-04';
	const base = seoulInstant(FIRST).getTime();
	const dateIn = fc.integer({ min: 0, max: 13 }).map((d) => addDays(FIRST, d));
	const minute = fc.integer({ min: 0, max: 288 }).map((m) => m * 5);
	const minuteSpan = fc.tuple(minute, minute).filter(([a, b]) => a !== b).map(([a, b]) => ({ startMinute: Math.min(a, b), endMinute: Math.max(a, b) }));
	const weekly = fc.array(fc.record({ weekday: fc.integer({ min: 0, max: 6 }), span: minuteSpan }).map(({ weekday, span }) => ({ weekday, ...span })), { maxLength: 8 });
	const held = fc
		.tuple(fc.integer({ min: -1440, max: 15 * 1440 }), fc.integer({ min: 1, max: 300 }), fc.boolean())
		// Some on the minute, some with milliseconds, as holds written by SQL may have.
		.map(([start, length, odd]) => ({ from: base + start * MINUTE_MS + (odd ? 123 : 0), to: base + (start + length) * MINUTE_MS }));
	const exception: fc.Arbitrary<DateException> = fc.oneof(
		fc.record({ date: dateIn, kind: fc.constant('off' as const), startMinute: fc.constant(null), endMinute: fc.constant(null) }),
		fc.tuple(dateIn, fc.constantFrom('off' as const, 'extra' as const), minuteSpan).map(([date, kind, s]) => ({ date, kind, ...s }))
	);
	const arbitraryQuery: fc.Arbitrary<SlotQuery> = fc
		.record({
			topic: fc.record({
				durationMinutes: fc.constantFrom(15, 20, 30, 45, 60, 90),
				bufferMinutes: fc.constantFrom(0, 10, 15, 30),
				leadTimeMinutes: fc.integer({ min: 0, max: 4000 }),
				horizonDays: fc.integer({ min: 1, max: 14 })
			}),
			fromDay: fc.integer({ min: 0, max: 10 }),
			days: fc.integer({ min: 0, max: 10 }),
			nowMinutes: fc.integer({ min: -2 * 1440, max: 6 * 1440 }),
			centerHours: weekly,
			holidays: fc.uniqueArray(dateIn, { maxLength: 3 }),
			buildingClosures: fc.array(held, { maxLength: 2 }),
			consultants: fc.array(fc.record({ hours: weekly, exceptions: fc.array(exception, { maxLength: 4 }), busy: fc.array(held, { maxLength: 25 }) }), {
				minLength: 1,
				maxLength: 4
			}),
			rooms: fc.option(
				fc.array(
					fc.record({
						hours: weekly,
						busy: fc.array(held, { maxLength: 25 }),
						bufferBeforeMinutes: fc.constantFrom(0, 10, 30),
						bufferAfterMinutes: fc.constantFrom(0, 10, 30)
					}),
					{ maxLength: 3 }
				),
				{ nil: undefined }
			)
		})
		.map((q) => ({
			topic: q.topic,
			from: addDays(FIRST, q.fromDay),
			to: addDays(FIRST, q.fromDay + q.days),
			now: new Date(base + q.nowMinutes * MINUTE_MS),
			centerHours: q.centerHours,
			holidayNames: (date: IsoDate) => (q.holidays.includes(date) ? ['휴일'] : null),
			buildingClosures: q.buildingClosures,
			consultants: q.consultants.map((c, i) => ({ id: `c${i}`, ...c })),
			...(q.rooms ? { rooms: q.rooms.map((r, i) => ({ id: `r${i}`, ...r })) } : {})
		}));

	it('finds exactly the same slots, consultants and rooms (property)', () => {
		fc.assert(
			fc.property(arbitraryQuery, (q) => {
				expect(computeSlots(q)).toEqual(referenceSlots(q));
			}),
			{ numRuns: 400 }
		);
	});

	it('finds slots in most generated cases, so the comparison is not of empty lists', () => {
		const found = fc.sample(arbitraryQuery, { numRuns: 200, seed: 7 }).filter((q) => computeSlots(q).length > 0).length;
		expect(found).toBeGreaterThan(20);
	});
});
