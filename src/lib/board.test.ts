import { describe, expect, it } from 'vitest';
import {
	dayCells,
	daySlots,
	daySummary,
	dayWindow,
	opensOnWeekends,
	roomDay,
	runs,
	weekDates,
	withinHours,
	type BoardBusy,
	type WeeklyHours
} from './board';
import { seoulInstant } from './time/seoul';

const DATE = '2026-11-24'; // a Tuesday
const WEEKDAYS: WeeklyHours[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensMinute: 540, closesMinute: 1080 }));
const at = (time: string, date = DATE) => {
	const [h, m] = time.split(':').map(Number);
	return seoulInstant(date, h! * 60 + m!).getTime();
};
const busy = (from: string, to: string, extra: Partial<BoardBusy> = {}): BoardBusy => ({ start: at(from), end: at(to), bookingStart: at(from), bookingEnd: at(to), ...extra });
const slots = daySlots(DATE, 540, 1080);
const open = { start: (at('09:00')), end: (at('18:00')) };
const labelOf = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const busyLabels = (cells: ReturnType<typeof dayCells>) => cells.filter((c) => c.state === 'busy').map((c) => labelOf(c.slot.minute));

describe('time axis', () => {
	it('cuts 09:00–18:00 into eighteen half-hour slots starting at Seoul wall-clock times', () => {
		expect(slots).toHaveLength(18);
		expect(slots[0]!.start).toBe((at('09:00')));
		expect(slots.at(-1)!.end).toBe((at('18:00')));
		expect(slots.map((s) => s.minute).slice(0, 3)).toEqual([540, 570, 600]);
	});

	it('spans from the earliest opening to the latest closing of any room that day', () => {
		const late: WeeklyHours[] = [{ weekday: 2, opensMinute: 600, closesMinute: 1200 }];
		expect(dayWindow([{ hours: WEEKDAYS }, { hours: late }], DATE)).toEqual({ opensMinute: 540, closesMinute: 1200 });
	});

	it('has no window on a day no room opens', () => {
		expect(dayWindow([{ hours: WEEKDAYS }], '2026-11-28')).toBeNull();
	});
});

describe('day cells', () => {
	it('marks exactly the two half-hour cells of a 10:00–11:00 booking as busy', () => {
		const cells = dayCells(slots, { open, busy: [busy('10:00', '11:00')], closures: [] });
		expect(busyLabels(cells)).toEqual(['10:00', '10:30']);
		expect(cells.filter((c) => c.state === 'free')).toHaveLength(16);
	});

	it('keeps touching bookings apart: 10:00–11:00 then 11:00–12:00 are two runs of two cells', () => {
		const cells = dayCells(slots, { open, busy: [busy('10:00', '11:00'), busy('11:00', '12:00')], closures: [] });
		expect(busyLabels(cells)).toEqual(['10:00', '10:30', '11:00', '11:30']);
		const busyRuns = runs(cells).filter((r) => r.state === 'busy');
		expect(busyRuns.map((r) => r.span)).toEqual([2, 2]);
		expect(busyRuns[1]!.start).toBe((at('11:00')));
	});

	it('marks the buffer of a held interval too: 10:00–11:00 with 15 minutes clean-up holds the 11:00 cell', () => {
		const cells = dayCells(slots, { open, busy: [busy('10:00', '11:15')], closures: [] });
		expect(busyLabels(cells)).toEqual(['10:00', '10:30', '11:00']);
		expect(runs(cells).find((r) => r.state === 'busy')!.span).toBe(3);
	});

	it('marks every slot a booking crosses, even partly: 10:15–10:45 holds 10:00 and 10:30', () => {
		const cells = dayCells(slots, { open, busy: [busy('10:15', '10:45')], closures: [] });
		expect(busyLabels(cells)).toEqual(['10:00', '10:30']);
	});

	it('splits a slot shared by two bookings into its own run naming both', () => {
		const cells = dayCells(slots, { open, busy: [busy('10:00', '10:45'), busy('10:45', '11:30')], closures: [] });
		const busyRuns = runs(cells).filter((r) => r.state === 'busy');
		expect(busyRuns.map((r) => [r.span, r.busy.length])).toEqual([
			[1, 1],
			[1, 2],
			[1, 1]
		]);
	});

	it('reads a closure as closed, not free, and merges it into one run', () => {
		const cells = dayCells(slots, {
			open,
			busy: [],
			closures: [{ start: at('13:00'), end: at('15:00'), reason: '점검' }]
		});
		const closed = runs(cells).filter((r) => r.state === 'closed');
		expect(closed).toHaveLength(1);
		expect(closed[0]).toMatchObject({ span: 4, start: (at('13:00')), end: (at('15:00')) });
		expect(closed[0]!.closures[0]!.reason).toBe('점검');
	});

	it('shows a booking that stays inside a closure as busy', () => {
		const cells = dayCells(slots, {
			open,
			busy: [busy('13:00', '14:00')],
			closures: [{ start: at('09:00'), end: at('18:00'), reason: '공사' }]
		});
		expect(busyLabels(cells)).toEqual(['13:00', '13:30']);
		expect(cells.filter((c) => c.state === 'free')).toHaveLength(0);
	});

	it('closes the slots outside a room’s own hours', () => {
		const shortDay = { start: (at('10:00')), end: (at('17:00')) };
		const cells = dayCells(slots, { open: shortDay, busy: [], closures: [] });
		const closed = runs(cells).filter((r) => r.state === 'closed');
		expect(closed.map((r) => r.span)).toEqual([2, 2]);
	});

	it('closes a room all day on a public holiday unless its rules keep it open', () => {
		const holiday = roomDay(DATE, { hours: WEEKDAYS, closedOnHolidays: true }, [], [], '임시공휴일');
		expect(runs(dayCells(slots, holiday))).toEqual([expect.objectContaining({ state: 'closed', span: 18 })]);
		const keptOpen = roomDay(DATE, { hours: WEEKDAYS, closedOnHolidays: false }, [], [], '임시공휴일');
		expect(dayCells(slots, keptOpen).every((c) => c.state === 'free')).toBe(true);
	});

	it('never merges free cells, so each half hour stays its own cell', () => {
		expect(runs(dayCells(slots, { open, busy: [], closures: [] }))).toHaveLength(18);
	});
});

describe('week summary', () => {
	const room = { hours: WEEKDAYS, closedOnHolidays: true };

	it('lists the held intervals that fall on the date and nothing from other days', () => {
		const summary = daySummary(DATE, room, [busy('10:00', '11:00'), { start: at('10:00', '2026-11-25'), end: at('11:00', '2026-11-25'), bookingStart: at('10:00', '2026-11-25'), bookingEnd: at('11:00', '2026-11-25') }], [], null);
		expect(summary.state).toBe('busy');
		expect(summary.busy).toHaveLength(1);
	});

	it('is free all day with no held time', () => {
		expect(daySummary(DATE, room, [], [], null)).toMatchObject({ state: 'free', closedReason: null });
	});

	it('is closed on a day without opening hours (Saturday)', () => {
		expect(daySummary('2026-11-28', room, [], [], null)).toMatchObject({ state: 'closed', closedReason: 'weekly' });
	});

	it('is closed on a public holiday', () => {
		expect(daySummary(DATE, room, [], [], '공휴일')).toMatchObject({ state: 'closed', closedReason: 'holiday' });
	});

	it('is closed when closures cover the opening hours together, and lists a partial closure otherwise', () => {
		const morning = { start: at('08:00'), end: at('13:00'), reason: '점검' };
		const afternoon = { start: at('13:00'), end: at('19:00'), reason: '행사' };
		expect(daySummary(DATE, room, [], [morning, afternoon], null)).toMatchObject({ state: 'closed', closedReason: 'closure' });
		expect(daySummary(DATE, room, [], [morning], null)).toMatchObject({ state: 'free', closures: [morning] });
	});

	it('runs Monday to Friday, with the weekend only when a room opens then', () => {
		expect(weekDates(DATE, false)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
		expect(weekDates('2026-11-29', true)).toHaveLength(7);
		expect(weekDates('2026-11-29', true)[0]).toBe('2026-11-23');
		expect(opensOnWeekends([room])).toBe(false);
		expect(opensOnWeekends([{ hours: [{ weekday: 6, opensMinute: 540, closesMinute: 780 }] }])).toBe(true);
	});
});

describe('within hours', () => {
	it('accepts a time inside the opening hours up to the closing minute, and refuses one past it', () => {
		expect(withinHours(WEEKDAYS, DATE, (at('17:00')), (at('18:00')))).toBe(true);
		expect(withinHours(WEEKDAYS, DATE, (at('17:30')), (at('18:30')))).toBe(false);
		expect(withinHours(WEEKDAYS, '2026-11-28', (at('10:00', '2026-11-28')), (at('11:00', '2026-11-28')))).toBe(false);
	});
});
