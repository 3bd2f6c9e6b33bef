/**
 * The itinerary's rules without the database: the template a coordinator starts from, the
 * checks of a draft (times within the day, rooms big enough, nobody in two places at once) and
 * the next free time of a resource that clashes. Times of a segment are wall-clock "HH:MM" on the
 * visit day (Asia/Seoul); instants are epoch milliseconds.
 */
import type { Violation } from '../errors';
import type { ItinerarySegmentInput } from '../../schemas/visits';
import type { SegmentKind } from '../../visit-segments';
import { formatMinuteOfDay } from '../../time/format';
import { addDays, MINUTE_MS, seoulInstant, weekdayOf, type IsoDate } from '../../time/seoul';
import { parseTimeOfDay } from '../../time/time-of-day';

/** Where a visit may take place: each room by id with its size and whether it is the hall for everyone. */
export interface TemplateRoom {
	id: string;
	capacity: number;
	code: string;
}

export interface TemplateDepartment {
	code: string;
	nameKo: string;
	nameEn: string;
	/** The department's consultants, in the department's order: the first presents. */
	presenterIds: string[];
}

/** Half-day start (the morning visit begins at ten, the afternoon one at two). */
export const PERIOD_START: Record<'am' | 'pm', string> = { am: '10:00', pm: '14:00' };

/** Lengths of the template's segments, in minutes. */
export const TEMPLATE_MINUTES = { briefing: 30, session: 40, tour: 30, qa: 20 } as const;

/** Minutes after midnight of a segment's "HH:MM" (the schema has checked its shape). */
export const minuteOf = (time: string) => parseTimeOfDay(time)!;

/** The template's titles, in the delegation's language; the coordinator edits them freely. */
export interface TemplateWords {
	briefing: string;
	session: (department: TemplateDepartment) => string;
	tour: string;
	qa: string;
}

/**
 * The itinerary a coordinator starts from: a welcome briefing in the seminar hall, a session with
 * each department the delegation chose (its first consultant presenting, in the smallest room that
 * seats the group), a tour of the building (no room held) and questions and answers, back to back
 * from the half day's start.
 */
export function templateSegments(
	visit: { period: 'am' | 'pm'; groupSize: number },
	departments: TemplateDepartment[],
	rooms: TemplateRoom[],
	words: TemplateWords
): ItinerarySegmentInput[] {
	const hall = rooms.find((r) => r.code === 'seminar-hall') ?? [...rooms].sort((a, b) => b.capacity - a.capacity)[0] ?? null;
	const seated = rooms.filter((r) => r.capacity >= visit.groupSize && r.id !== hall?.id).sort((a, b) => a.capacity - b.capacity)[0] ?? hall;
	let at = minuteOf(PERIOD_START[visit.period]);
	const segment = (kind: SegmentKind, title: string, minutes: number, roomId: string | null, presenterIds: string[] = []): ItinerarySegmentInput => {
		const s = { kind, title, start: formatMinuteOfDay(at), end: formatMinuteOfDay(at + minutes), roomId, presenterIds };
		at += minutes;
		return s;
	};
	return [
		segment('briefing', words.briefing, TEMPLATE_MINUTES.briefing, hall?.id ?? null),
		...departments.map((d) => segment('session', words.session(d), TEMPLATE_MINUTES.session, seated?.id ?? null, d.presenterIds.slice(0, 1))),
		segment('tour', words.tour, TEMPLATE_MINUTES.tour, null),
		segment('qa', words.qa, TEMPLATE_MINUTES.qa, hall?.id ?? null)
	];
}

/** A segment's time as instants on the visit day. */
export function instantsOf(date: IsoDate, s: Pick<ItinerarySegmentInput, 'start' | 'end'>): { from: Date; to: Date } {
	return { from: seoulInstant(date, minuteOf(s.start)), to: seoulInstant(date, minuteOf(s.end)) };
}

/**
 * A draft's own problems, each on its segment's field (`segments.2.roomId`): an unknown room or
 * presenter, a room too small for the group, and one room or presenter in two segments at once.
 */
export function checkSegments(
	segments: ItinerarySegmentInput[],
	groupSize: number,
	rooms: Map<string, { capacity: number; name: string }>,
	presenters: Map<string, { name: string }>
): Violation[] {
	const problems: Violation[] = [];
	segments.forEach((s, i) => {
		if (s.roomId) {
			const room = rooms.get(s.roomId);
			if (!room) problems.push({ rule: `segments.${i}.roomId`, messageKey: 'visit_room_invalid' });
			else if (room.capacity < groupSize)
				problems.push({ rule: `segments.${i}.roomId`, messageKey: 'visit_room_too_small', params: { room: room.name, capacity: room.capacity, size: groupSize } });
		}
		if (s.presenterIds.some((id) => !presenters.has(id))) problems.push({ rule: `segments.${i}.presenterIds`, messageKey: 'visit_presenter_invalid' });
	});
	for (let i = 0; i < segments.length; i++)
		for (let j = 0; j < i; j++) {
			const a = segments[j]!;
			const b = segments[i]!;
			if (!(minuteOf(b.start) < minuteOf(a.end) && minuteOf(a.start) < minuteOf(b.end))) continue;
			const shared = [...(a.roomId && a.roomId === b.roomId ? [rooms.get(a.roomId)?.name ?? ''] : []), ...b.presenterIds.filter((id) => a.presenterIds.includes(id)).map((id) => presenters.get(id)?.name ?? '')];
			if (shared.length)
				problems.push({ rule: `segments.${i}.start`, messageKey: 'visit_segments_overlap', params: { other: j + 1, names: shared.join(', ') } });
		}
	return problems;
}

export interface Span {
	from: number;
	to: number;
}

/** Hours in which the next free time of a presenter or a room is looked for: weekdays 09:00–18:00. */
export const SEARCH_HOURS = { from: 9 * 60, to: 18 * 60 } as const;
/** How many days ahead the next free time is looked for. */
export const SEARCH_DAYS = 14;

/** The weekday working windows from `date` on, over SEARCH_DAYS days (holidays: the caller leaves them out). */
export function workingWindows(date: IsoDate, isClosed: (date: IsoDate) => boolean = () => false): Span[] {
	const windows: Span[] = [];
	for (let d = 0; d < SEARCH_DAYS; d++) {
		const day = addDays(date, d);
		const weekday = weekdayOf(day);
		if (weekday === 0 || weekday === 6 || isClosed(day)) continue;
		windows.push({ from: seoulInstant(day, SEARCH_HOURS.from).getTime(), to: seoulInstant(day, SEARCH_HOURS.to).getTime() });
	}
	return windows;
}

/**
 * The earliest start at or after `from` (on a 10-minute step) at which `duration` fits inside a
 * window without touching a busy span; null when nothing fits in the windows.
 */
export function nextFree(busy: Span[], from: number, duration: number, windows: Span[], step = 10 * MINUTE_MS): number | null {
	const sorted = [...busy].sort((a, b) => a.from - b.from);
	for (const w of windows) {
		let start = Math.max(w.from, Math.ceil(from / step) * step);
		while (start + duration <= w.to) {
			const hit = sorted.find((b) => b.from < start + duration && b.to > start);
			if (!hit) return start;
			start = Math.ceil(hit.to / step) * step;
		}
	}
	return null;
}
