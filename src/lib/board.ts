/**
 * The availability board as data: opening hours and held intervals turned into a grid of
 * rooms × time. Pure and shared (the page computes the grid from what the server sends).
 * Instants are epoch milliseconds (plain numbers: cheap to send, compare and render); calendar
 * dates are Seoul 'YYYY-MM-DD'.
 */
import { addDays, MINUTE_MS, mondayOf, seoulInstant, weekdayOf } from './time/seoul';

export const SLOT_MINUTES = 30;

/**
 * A held interval as `busyByRoom` reports it: `start`/`end` with the buffers, `bookingStart`/
 * `bookingEnd` the booking's own times; who and what (id, purpose, status) only on the viewer's
 * own bookings, or for staff.
 */
export interface BoardBusy {
	start: number;
	end: number;
	bookingStart: number;
	bookingEnd: number;
	pending?: true;
	mine?: true;
	id?: string;
	purpose?: string;
	status?: string;
}

/** A closure of one room or of the whole building. */
export interface BoardClosure {
	start: number;
	end: number;
	reason: string;
}

export interface WeeklyHours {
	weekday: number;
	opensMinute: number;
	closesMinute: number;
}

export interface Slot {
	/** Epoch ms, half-open [start, end). */
	start: number;
	end: number;
	/** Minutes after Seoul midnight, for the column header. */
	minute: number;
}

export type CellState = 'free' | 'busy' | 'closed';

export interface Cell {
	slot: Slot;
	state: CellState;
	/** Held intervals overlapping the slot (busy cells). */
	busy: BoardBusy[];
	/** Closures overlapping the slot (closed cells). */
	closures: BoardClosure[];
}

/** Consecutive cells shown as one table cell: one booking, or one stretch of closed time. */
export interface Run {
	state: CellState;
	span: number;
	start: number;
	end: number;
	busy: BoardBusy[];
	closures: BoardClosure[];
}

const overlapping = (aStart: number, aEnd: number, bStart: number, bEnd: number) => aStart < bEnd && bStart < aEnd;

/** A room's opening hours on one Seoul date as instants, or null when it does not open that day. */
export function openInterval(hours: WeeklyHours[], date: string): { start: number; end: number } | null {
	const day = hours.find((h) => h.weekday === weekdayOf(date));
	if (!day) return null;
	return { start: seoulInstant(date, day.opensMinute).getTime(), end: seoulInstant(date, day.closesMinute).getTime() };
}

/** The board's time axis on one date: from the earliest opening to the latest closing of any room. */
export function dayWindow(rooms: { hours: WeeklyHours[] }[], date: string): { opensMinute: number; closesMinute: number } | null {
	const weekday = weekdayOf(date);
	const days = rooms.flatMap((r) => r.hours.filter((h) => h.weekday === weekday));
	if (!days.length) return null;
	return {
		opensMinute: Math.min(...days.map((d) => d.opensMinute)),
		closesMinute: Math.max(...days.map((d) => d.closesMinute))
	};
}

/** Slots of `step` minutes covering [opensMinute, closesMinute) on a Seoul date. */
export function daySlots(date: string, opensMinute: number, closesMinute: number, step = SLOT_MINUTES): Slot[] {
	const slots: Slot[] = [];
	const first = Math.floor(opensMinute / step) * step;
	for (let minute = first; minute < closesMinute; minute += step) {
		const start = seoulInstant(date, minute).getTime();
		slots.push({ start, end: start + step * MINUTE_MS, minute });
	}
	return slots;
}

export interface RoomDay {
	/** The room's opening hours that day; null when closed all day (weekly hours or a holiday). */
	open: { start: number; end: number } | null;
	busy: BoardBusy[];
	closures: BoardClosure[];
}

/** A room on one date: its hours (none on a holiday it closes for), held time and closures. */
export function roomDay(
	date: string,
	room: { hours: WeeklyHours[]; closedOnHolidays: boolean },
	busy: BoardBusy[],
	closures: BoardClosure[],
	holiday: string | null
): RoomDay {
	const closedForHoliday = holiday !== null && room.closedOnHolidays;
	return { open: closedForHoliday ? null : openInterval(room.hours, date), busy, closures };
}

/**
 * One room's row: a slot is busy when any held interval overlaps it (half-open, so a booking
 * that ends at 10:00 leaves the 10:00 slot free), otherwise closed when it lies outside the
 * room's hours or overlaps a closure, otherwise free.
 */
export function dayCells(slots: Slot[], day: RoomDay): Cell[] {
	return slots.map((slot) => {
		const busy = day.busy.filter((b) => overlapping(slot.start, slot.end, b.start, b.end));
		if (busy.length) return { slot, state: 'busy', busy, closures: [] };
		const closures = day.closures.filter((c) => overlapping(slot.start, slot.end, c.start, c.end));
		const outsideHours = !day.open || slot.start < day.open.start || slot.end > day.open.end;
		if (closures.length || outsideHours) return { slot, state: 'closed', busy: [], closures };
		return { slot, state: 'free', busy: [], closures: [] };
	});
}

const runKey = (cell: Cell) =>
	cell.state === 'busy'
		? `busy:${cell.busy.map((b) => `${b.start}/${b.end}`).join(',')}`
		: `${cell.state}:${cell.closures.map((c) => `${c.start}/${c.end}`).join(',')}`;

/** Merges neighbouring cells that show the same thing; free cells stay one per slot. */
export function runs(cells: Cell[]): Run[] {
	const merged: Run[] = [];
	let previous: string | null = null;
	for (const cell of cells) {
		const key = runKey(cell);
		const last = merged.at(-1);
		if (last && cell.state !== 'free' && key === previous) {
			last.span += 1;
			last.end = cell.slot.end;
		} else {
			merged.push({ state: cell.state, span: 1, start: cell.slot.start, end: cell.slot.end, busy: cell.busy, closures: cell.closures });
		}
		previous = key;
	}
	return merged;
}

export type DayState = 'free' | 'busy' | 'closed';
export type ClosedReason = 'weekly' | 'holiday' | 'closure';

export interface DaySummary {
	date: string;
	state: DayState;
	closedReason: ClosedReason | null;
	/** Held intervals that fall on this date. */
	busy: BoardBusy[];
	/** Closures within the opening hours that do not close the whole day. */
	closures: BoardClosure[];
}

/** One room on one date for the week view: its held intervals, or free all day, or closed. */
export function daySummary(
	date: string,
	room: { hours: WeeklyHours[]; closedOnHolidays: boolean },
	busy: BoardBusy[],
	closures: BoardClosure[],
	holiday: string | null
): DaySummary {
	const dayStart = seoulInstant(date).getTime();
	const dayEnd = seoulInstant(addDays(date, 1)).getTime();
	const onDay = busy.filter((b) => overlapping(dayStart, dayEnd, b.start, b.end));
	const open = openInterval(room.hours, date);
	const openClosures = open ? closures.filter((c) => overlapping(open.start, open.end, c.start, c.end)) : [];
	const closedAllDay = open !== null && coversAll(open, openClosures);
	const closedReason: ClosedReason | null = !open
		? 'weekly'
		: holiday && room.closedOnHolidays
			? 'holiday'
			: closedAllDay
				? 'closure'
				: null;
	const state: DayState = onDay.length ? 'busy' : closedReason ? 'closed' : 'free';
	const closuresShown = closedReason === 'weekly' || closedReason === 'holiday' ? [] : openClosures;
	return { date, state, closedReason, busy: onDay, closures: closuresShown };
}

/** Whether the closures together cover [open.start, open.end). */
function coversAll(open: { start: number; end: number }, closures: BoardClosure[]): boolean {
	let reached = open.start;
	for (const c of [...closures].sort((a, b) => a.start - b.start)) {
		if (c.start > reached) return false;
		reached = Math.max(reached, c.end);
		if (reached >= open.end) return true;
	}
	return reached >= open.end;
}

/** Whether [from, to) lies inside one day's opening hours of a room (Seoul wall clock). */
export function withinHours(hours: WeeklyHours[], date: string, from: number, to: number): boolean {
	const open = openInterval(hours, date);
	return open !== null && from >= open.start && to <= open.end && from < to;
}

/** The dates of the week holding `date`, Monday first; the weekend only when asked. */
export function weekDates(date: string, withWeekend: boolean): string[] {
	const monday = mondayOf(date);
	return Array.from({ length: withWeekend ? 7 : 5 }, (_, i) => addDays(monday, i));
}

/** Whether any room opens on Saturday or Sunday, so the week view needs those columns. */
export function opensOnWeekends(rooms: { hours: WeeklyHours[] }[]): boolean {
	return rooms.some((r) => r.hours.some((h) => h.weekday === 0 || h.weekday === 6));
}

/** A room as the board page receives it (name already in the reader's language). */
export interface BoardRoomView {
	id: string;
	name: string;
	floor: number;
	capacity: number;
	requiresApproval: boolean;
	closedOnHolidays: boolean;
	hours: WeeklyHours[];
	busy: BoardBusy[];
	closures: BoardClosure[];
}
