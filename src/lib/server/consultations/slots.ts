import { addDays, MINUTE_MS, seoulDate, seoulInstant, weekdayOf, type IsoDate } from '../../time/seoul';

/**
 * Consultation slots, computed — never stored: each consultant's weekly template, with the date
 * exceptions (leave, extra hours), inside the center's hours, minus the public holidays, the
 * building's closures and every hold on the consultant's own resource (with its buffer). A slot
 * in person also needs one of the department's consultation rooms free then (with the room's own
 * buffers). Pure: the store (slots.store.ts) reads what it needs, in epoch milliseconds.
 */

/** [from, to) in epoch milliseconds. */
export interface Span {
	from: number;
	to: number;
}

/** Wall-clock minutes of a Seoul weekday (0 = Sunday). */
export interface WeeklySpan {
	weekday: number;
	startMinute: number;
	endMinute: number;
}

export interface DateException {
	date: IsoDate;
	kind: 'off' | 'extra';
	/** Null (with endMinute) on an `off` exception: the whole day. */
	startMinute: number | null;
	endMinute: number | null;
}

export interface SlotConsultant {
	id: string;
	hours: WeeklySpan[];
	exceptions: DateException[];
	/** Held intervals of the consultant's holding reservations and closures of their resource. */
	busy: Span[];
}

export interface SlotRoom {
	id: string;
	/** The room's weekly opening hours (its own or the center's). */
	hours: WeeklySpan[];
	/** Held intervals of the room's holding reservations and the room's own closures. */
	busy: Span[];
	bufferBeforeMinutes: number;
	bufferAfterMinutes: number;
}

export interface SlotTopic {
	durationMinutes: number;
	/** Kept free after the consultation on the consultant's time. */
	bufferMinutes: number;
	leadTimeMinutes: number;
	horizonDays: number;
}

export interface SlotQuery {
	topic: SlotTopic;
	/** First and last Seoul date searched (inclusive). */
	from: IsoDate;
	to: IsoDate;
	now: Date;
	centerHours: WeeklySpan[];
	holidayNames: (date: IsoDate) => readonly string[] | null;
	/** Closures of the whole building. */
	buildingClosures: Span[];
	consultants: SlotConsultant[];
	/** Present for an in-person search: a slot needs one of these free too. */
	rooms?: SlotRoom[];
}

export interface Slot {
	start: number;
	end: number;
	/** Free consultants, in the query's order. */
	consultantIds: string[];
	/** Free rooms (an in-person search), in the query's order. */
	roomIds: string[];
}

/** Slots start on this grid from the start of each span (or every `duration` minutes when shorter). */
export const SLOT_STEP_MINUTES = 30;

export const slotStep = (durationMinutes: number) => Math.min(SLOT_STEP_MINUTES, durationMinutes);

/** Sorted, merged spans. */
export function normalise(spans: Span[]): Span[] {
	const sorted = spans.filter((s) => s.from < s.to).sort((a, b) => a.from - b.from);
	const out: Span[] = [];
	for (const s of sorted) {
		const last = out[out.length - 1];
		if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
		else out.push({ from: s.from, to: s.to });
	}
	return out;
}

/** a minus b (both normalised). */
export function subtract(a: Span[], b: Span[]): Span[] {
	const out: Span[] = [];
	let j = 0;
	for (const span of a) {
		let from = span.from;
		while (j < b.length && b[j]!.to <= from) j++;
		let k = j;
		while (k < b.length && b[k]!.from < span.to) {
			if (b[k]!.from > from) out.push({ from, to: b[k]!.from });
			from = Math.max(from, b[k]!.to);
			k++;
		}
		if (from < span.to) out.push({ from, to: span.to });
	}
	return out;
}

/** a ∩ b (both normalised). */
export function intersect(a: Span[], b: Span[]): Span[] {
	const out: Span[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const from = Math.max(a[i]!.from, b[j]!.from);
		const to = Math.min(a[i]!.to, b[j]!.to);
		if (from < to) out.push({ from, to });
		if (a[i]!.to < b[j]!.to) i++;
		else j++;
	}
	return out;
}

/** Whether [from, to) overlaps a span of the normalised list (binary search). */
export function overlapsAny(spans: Span[], from: number, to: number): boolean {
	let lo = 0;
	let hi = spans.length;
	// First span ending after `from`.
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (spans[mid]!.to <= from) lo = mid + 1;
		else hi = mid;
	}
	return lo < spans.length && spans[lo]!.from < to;
}

/** Wall-clock spans of one day as instants, from the day's first instant (Seoul has no DST: plain arithmetic). */
const daySpans = (dayStart: number, spans: { startMinute: number; endMinute: number }[]): Span[] =>
	spans.map((s) => ({ from: dayStart + s.startMinute * MINUTE_MS, to: dayStart + s.endMinute * MINUTE_MS }));

/** When the consultant works on a date: template and extra hours, inside the center's hours, less leave. */
export function workingSpans(consultant: Pick<SlotConsultant, 'hours' | 'exceptions'>, date: IsoDate, centerHours: WeeklySpan[]): Span[] {
	const weekday = weekdayOf(date);
	const dayStart = seoulInstant(date).getTime();
	const open = normalise(daySpans(dayStart, centerHours.filter((h) => h.weekday === weekday)));
	return workingSpansOf(
		consultant.hours.filter((h) => h.weekday === weekday),
		consultant.exceptions.filter((e) => e.date === date),
		dayStart,
		open
	);
}

/** workingSpans of one date, from that date's template spans and exceptions and the center's open spans. */
function workingSpansOf(template: WeeklySpan[], exceptions: DateException[], dayStart: number, open: Span[]): Span[] {
	if (exceptions.some((e) => e.kind === 'off' && e.startMinute === null)) return [];
	const extra = exceptions.filter((e) => e.kind === 'extra') as { startMinute: number; endMinute: number }[];
	const off = exceptions.filter((e) => e.kind === 'off') as { startMinute: number; endMinute: number }[];
	const working = intersect(normalise(daySpans(dayStart, [...template, ...extra])), open);
	return subtract(working, normalise(daySpans(dayStart, off)));
}

function groupBy<K, V>(values: V[], key: (value: V) => K): Map<K, V[]> {
	const map = new Map<K, V[]>();
	for (const value of values) {
		const list = map.get(key(value));
		if (list) list.push(value);
		else map.set(key(value), [value]);
	}
	return map;
}

/** The Seoul dates searched: from..to, clipped to today..today + horizon. */
export function searchDates(query: Pick<SlotQuery, 'from' | 'to' | 'now' | 'topic'>): IsoDate[] {
	const today = seoulDate(query.now);
	const last = addDays(today, query.topic.horizonDays);
	const first = query.from > today ? query.from : today;
	const end = query.to < last ? query.to : last;
	const dates: IsoDate[] = [];
	for (let d = first; d <= end && dates.length < 400; d = addDays(d, 1)) dates.push(d);
	return dates;
}

/**
 * Every free slot of the query, in time order. Each date's calendar maths is done once (not per
 * consultant), each consultant's template and exceptions are grouped once, and which rooms are
 * free at a start is worked out once for all the consultants free then. The property test in
 * slots.test.ts checks it against the plain per-slot version.
 */
export function computeSlots(query: SlotQuery): Slot[] {
	const { topic } = query;
	const duration = topic.durationMinutes * MINUTE_MS;
	const after = topic.bufferMinutes * MINUTE_MS;
	const step = slotStep(topic.durationMinutes) * MINUTE_MS;
	const earliest = query.now.getTime() + topic.leadTimeMinutes * MINUTE_MS;
	const closed = normalise(query.buildingClosures);
	const consultants = query.consultants.map((c) => ({
		id: c.id,
		busy: normalise(c.busy),
		hoursOn: groupBy(c.hours, (h) => h.weekday),
		exceptionsOn: groupBy(c.exceptions, (e) => e.date)
	}));
	const rooms = query.rooms?.map((r) => ({
		id: r.id,
		busy: normalise(r.busy),
		hoursOn: groupBy(r.hours, (h) => h.weekday),
		before: r.bufferBeforeMinutes * MINUTE_MS,
		after: r.bufferAfterMinutes * MINUTE_MS
	}));
	const byStart = new Map<number, Slot>();

	for (const date of searchDates(query)) {
		if (query.holidayNames(date)) continue;
		const weekday = weekdayOf(date);
		const dayStart = seoulInstant(date).getTime();
		const open = normalise(daySpans(dayStart, query.centerHours.filter((h) => h.weekday === weekday)));
		const roomOpen = rooms?.map((r) => normalise(daySpans(dayStart, r.hoursOn.get(weekday) ?? [])));
		// The free rooms of a start (the same for every consultant), worked out when first asked.
		const roomsAt = new Map<number, string[]>();
		const freeRoomsAt = (start: number, end: number): string[] => {
			let free = roomsAt.get(start);
			if (!free) {
				free = [];
				for (const [i, r] of rooms!.entries())
					if (roomOpen![i]!.some((o) => o.from <= start && end <= o.to) && !overlapsAny(r.busy, start - r.before, end + r.after)) free.push(r.id);
				roomsAt.set(start, free);
			}
			return free;
		};
		for (const c of consultants) {
			const working = workingSpansOf(c.hoursOn.get(weekday) ?? [], c.exceptionsOn.get(date) ?? [], dayStart, open);
			for (const span of subtract(working, closed)) {
				for (let start = span.from; start + duration <= span.to; start += step) {
					if (start < earliest) continue;
					const end = start + duration;
					if (overlapsAny(c.busy, start, end + after)) continue;
					const freeRooms = rooms ? freeRoomsAt(start, end) : [];
					if (rooms && freeRooms.length === 0) continue;
					const slot = byStart.get(start);
					if (slot && slot.end === end) slot.consultantIds.push(c.id);
					else byStart.set(start, { start, end, consultantIds: [c.id], roomIds: [...freeRooms] });
				}
			}
		}
	}
	const order = new Map(query.consultants.map((c, i) => [c.id, i]));
	return [...byStart.values()]
		.sort((a, b) => a.start - b.start)
		.map((s) => ({ ...s, consultantIds: s.consultantIds.sort((a, b) => order.get(a)! - order.get(b)!) }));
}

/**
 * "Any consultant" spreads the load: of the free consultants, the one with the fewest
 * consultations that week; a tie goes to the first in the given order.
 */
export function chooseConsultant(free: string[], consultationsThisWeek: ReadonlyMap<string, number>): string | null {
	let best: string | null = null;
	let fewest = Infinity;
	for (const id of free) {
		const n = consultationsThisWeek.get(id) ?? 0;
		if (n < fewest) {
			best = id;
			fewest = n;
		}
	}
	return best;
}

/** The slots grouped by Seoul date, as the booking page shows them (days with times). */
export function slotsByDay(slots: Slot[]): { date: IsoDate; slots: Slot[] }[] {
	const days = new Map<IsoDate, Slot[]>();
	for (const slot of slots) {
		const date = seoulDate(new Date(slot.start));
		const list = days.get(date);
		if (list) list.push(slot);
		else days.set(date, [slot]);
	}
	return [...days].map(([date, list]) => ({ date, slots: list }));
}
