/**
 * Queries behind the public room pages: the catalogue's filters ("for 10 people, with a
 * projector, free on Tuesday 14:00–15:00") and the availability board's data. Read-only; no
 * personal details leave here except the viewer's own bookings (see busyByRoom).
 */
import { and, gt, lt } from 'drizzle-orm';
import { withinHours, type BoardBusy, type BoardClosure, type WeeklyHours } from '../../board';
import { clampDate, isSupportedDate } from '../../schemas/primitives';
import { addDays, mondayOf, seoulDate, seoulInstant } from '../../time/seoul';
import type { SessionUser } from '../auth/sessions';
import { db } from '../db';
import { closure } from '../db/schema';
import type { Violation } from '../errors';
import { busyMsByRoom, heldVersion, seoulDays } from './availability';
import { loadRooms, type RoomWithRules } from './store';
import { holidayNames } from '../engine/availability';
import { ATTENDEES_MAX } from './input';
import type { CatalogueRoom } from './index';
import { quotaUsedMinutes } from './quota';
import { contextOf } from './rule-context';
import { checkBooking } from './rules';
import { mayBookRoom } from './rules/eligibility';
import * as clock from '../clock';

export interface RoomFilters {
	minCapacity?: number;
	/** Every listed equipment key must be in the room. */
	equipment?: string[];
	/** With freeTo: only rooms open then, with no closure and no held interval overlapping. */
	freeFrom?: Date;
	freeTo?: Date;
}

/** Who is looking: their role and school decide which rooms they may book (null: not signed in). */
export type Viewer = Pick<SessionUser, 'role' | 'schoolId'> | null;

export interface SearchRoom extends CatalogueRoom {
	/** Whether the viewer may book this room at all (null for a visitor not signed in). */
	mayBook: boolean | null;
	/** Why not, when the room's roles leave out the viewer's ('staff') or its schools leave out theirs ('schools'). */
	onlyFor: 'staff' | 'schools' | null;
}

export interface SearchResult {
	rooms: SearchRoom[];
	/** Active rooms before filtering. */
	total: number;
	/** Equipment keys any active room has, for the filter's checkboxes. */
	equipmentKeys: string[];
	/** Earliest opening and latest closing minute of any room on any weekday, for time choices. */
	hours: { opensMinute: number; closesMinute: number } | null;
	/** With a time filter: whether the center is closed then (every room shut, a holiday...). */
	closedAtTime: boolean;
	/**
	 * With a time filter: rooms open and free then that still cannot be booked then (too soon, too
	 * far ahead, off the room's grid, too long or short, not for this person, over the quota),
	 * with the first reason of each, so the page can say why they are not listed.
	 */
	notBookable: { resourceId: string; violation: Violation }[];
}

/** Whether a room's roles or schools leave the viewer out, and which. */
export function onlyFor(target: RoomWithRules, viewer: Viewer): SearchRoom['onlyFor'] {
	if (!viewer || mayBookRoom(target.rules, viewer)) return null;
	const roles = target.rules.allowedRoles;
	return roles.length > 0 && !roles.includes(viewer.role) ? 'staff' : 'schools';
}

/**
 * The catalogue narrowed by people, equipment and a free time. With a time, only rooms that can
 * really be booked then are listed: open, free, and within every booking rule for this viewer
 * (lead time, horizon, grid, length, who may book, the school's quota); a visitor not signed in is
 * held to the rules that bind everyone.
 */
export async function search(filters: RoomFilters = {}, viewer: Viewer = null, now: Date = clock.now()): Promise<SearchResult> {
	const all = await loadRooms();
	const wanted = filters.equipment ?? [];
	let matching = all.filter(
		({ room }) => room.capacity >= (filters.minCapacity ?? 0) && wanted.every((key) => room.equipment.includes(key))
	);
	let closedAtTime = false;
	const notBookable: SearchResult['notBookable'] = [];
	if (filters.freeFrom && filters.freeTo && matching.length) {
		const { freeFrom: from, freeTo: to } = filters;
		const ids = matching.map(({ room }) => room.resourceId);
		const [closures, busy] = await Promise.all([closuresBetween(from, to), busyMsByRoom(from, to, null, ids)]);
		const open = matching.filter((r) => openThroughout(r, closures, from, to));
		closedAtTime = open.length === 0;
		const free = open.filter(({ room }) => !busy.has(room.resourceId));
		const verdicts = await Promise.all(free.map((target) => firstBrokenRule(target, viewer, filters, now)));
		matching = free.filter((target, i) => {
			const violation = verdicts[i];
			if (violation) notBookable.push({ resourceId: target.room.resourceId, violation });
			return !violation;
		});
	}
	const allHours = all.flatMap((r) => r.hours);
	return {
		rooms: matching.map((target) => ({
			...target.room,
			requiresApproval: target.rules.requiresApproval,
			mayBook: viewer ? mayBookRoom(target.rules, viewer) : null,
			onlyFor: onlyFor(target, viewer)
		})),
		notBookable,
		total: all.length,
		equipmentKeys: [...new Set(all.flatMap(({ room }) => room.equipment))],
		hours: allHours.length
			? { opensMinute: Math.min(...allHours.map((h) => h.opensMinute)), closesMinute: Math.max(...allHours.map((h) => h.closesMinute)) }
			: null,
		closedAtTime
	};
}

/**
 * The first booking rule a request for the whole free time would break, for this viewer. Capacity
 * is the people filter's job; who may book only counts for someone signed in.
 */
async function firstBrokenRule(target: RoomWithRules, viewer: Viewer, filters: RoomFilters, now: Date): Promise<Violation | null> {
	const start = filters.freeFrom!;
	const end = filters.freeTo!;
	const actor = viewer ?? { role: 'school_user' as const, schoolId: null };
	const used = viewer && target.rules.monthlyQuotaMinutes !== null ? await quotaUsedMinutes(target.room.resourceId, viewer.schoolId, start) : 0;
	// Closures and hours were checked for the listing already (openThroughout).
	const ctx = contextOf(target, actor, { start, end, attendees: filters.minCapacity ?? 1 }, now, [], used);
	const broken = checkBooking(ctx).filter((v) => v.rule !== 'capacity' && (viewer || v.rule !== 'eligibility'));
	const first = broken[0] ?? null;
	// Left out for who they are: say for whom the room is ("only center staff can book this room").
	if (first?.rule === 'eligibility')
		return { rule: 'eligibility', messageKey: onlyFor(target, viewer) === 'staff' ? 'rooms_only_staff' : 'rooms_only_schools' };
	return first;
}

/** Open for all of [from, to): inside its hours, not on a holiday it closes for, no closure. */
function openThroughout(
	{ room, rules, hours }: RoomWithRules,
	closures: { resourceId: string | null }[],
	from: Date,
	to: Date
): boolean {
	const date = seoulDate(from);
	if (rules.closedOnHolidays && holidayNames(date)) return false;
	if (!withinHours(hours, date, from.getTime(), to.getTime())) return false;
	return !closures.some((c) => c.resourceId === null || c.resourceId === room.resourceId);
}

/** Closures of any room or of the whole building (resourceId null) overlapping [from, to). */
export function closuresBetween(from: Date, to: Date) {
	return db
		.select({ resourceId: closure.resourceId, startsAt: closure.startsAt, endsAt: closure.endsAt, reason: closure.reason })
		.from(closure)
		.where(and(lt(closure.startsAt, to), gt(closure.endsAt, from)));
}

export interface BoardRoom {
	id: string;
	nameKo: string;
	nameEn: string;
	floor: number;
	capacity: number;
	requiresApproval: boolean;
	closedOnHolidays: boolean;
	hours: WeeklyHours[];
	busy: BoardBusy[];
	closures: BoardClosure[];
}

export interface BoardData {
	from: string;
	days: number;
	rooms: BoardRoom[];
	/** Public holiday names by date, for the dates shown. */
	holidays: Record<string, string>;
}

export const BOARD_MAX_DAYS = 7;

/** A 'YYYY-MM-DD' the pages accept: a real date in the supported calendar (two-digit years misread). */
export const isPageDate = isSupportedDate;

/**
 * Every active room with its hours, held intervals and closures over `days` Seoul dates from
 * `from`. Details only where busyByRoom gives them: the viewer's own bookings, and all for staff
 * who may see every booking; anonymous visitors get busy/free only.
 */
export async function board(from: string, days: number, viewer: SessionUser | null): Promise<BoardData> {
	if (!isPageDate(from) || !Number.isInteger(days) || days < 1 || days > BOARD_MAX_DAYS)
		throw new RangeError(`board: bad range ${from} + ${days}`);
	const range = seoulDays(from, days);
	const [rooms, busy, closures] = await Promise.all([
		loadRooms(),
		busyMsByRoom(range.from, range.to, viewer),
		closuresBetween(range.from, range.to)
	]);
	const holidays: Record<string, string> = {};
	for (let i = 0; i < days; i++) {
		const date = addDays(from, i);
		const names = holidayNames(date);
		if (names) holidays[date] = names.join(', ');
	}
	return {
		from,
		days,
		holidays,
		rooms: rooms.map(({ room, rules, hours }) => ({
			id: room.resourceId,
			nameKo: room.nameKo,
			nameEn: room.nameEn,
			floor: room.floor,
			capacity: room.capacity,
			requiresApproval: rules.requiresApproval,
			closedOnHolidays: rules.closedOnHolidays,
			hours,
			busy: busy.get(room.resourceId) ?? [],
			closures: closures
				.filter((c) => c.resourceId === null || c.resourceId === room.resourceId)
				.map((c) => ({ start: c.startsAt.getTime(), end: c.endsAt.getTime(), reason: c.reason }))
		}))
	};
}

/** The first day and length of the board a page shows: a day, or the week (Monday on) holding `date`. */
export function boardRange(date: string, view: 'day' | 'week'): { first: string; days: number } {
	// The week of 2000-01-01 starts in 1999, outside the supported calendar: show it from its first day.
	return view === 'week' ? { first: clampDate(mondayOf(date)), days: 7 } : { first: date, days: 1 };
}

/** A fingerprint of what that board shows, for the open page's poll (boardVersion in availability.ts). */
export async function boardVersion(date: string, view: 'day' | 'week'): Promise<string> {
	const { first, days } = boardRange(date, view);
	const range = seoulDays(first, days);
	return heldVersion(range.from, range.to);
}

/** The catalogue's filter form (GET parameters), every problem at once, values kept as typed. */
export interface FilterForm {
	people: string;
	equipment: string[];
	date: string;
	from: string;
	to: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function readFilterForm(params: URLSearchParams): FilterForm {
	const get = (name: string) => (params.get(name) ?? '').trim();
	return { people: get('people'), equipment: params.getAll('equipment').filter(Boolean), date: get('date'), from: get('from'), to: get('to') };
}

export function parseFilters(form: FilterForm): { value: RoomFilters; violations: Violation[] } {
	const violations: Violation[] = [];
	const value: RoomFilters = { equipment: form.equipment };
	if (form.people) {
		const people = Number(form.people);
		if (!/^\d+$/.test(form.people) || people < 1 || people > ATTENDEES_MAX)
			violations.push({ rule: 'people', messageKey: 'field_number_range', params: { min: 1, max: ATTENDEES_MAX } });
		else value.minCapacity = people;
	}
	const anyTime = Boolean(form.date || form.from || form.to);
	if (anyTime) {
		if (!form.date) violations.push({ rule: 'date', messageKey: 'rooms_free_date_required' });
		else if (!isPageDate(form.date)) violations.push({ rule: 'date', messageKey: 'field_date_invalid' });
		if (!form.from) violations.push({ rule: 'from', messageKey: 'rooms_free_time_required' });
		else if (!TIME.test(form.from)) violations.push({ rule: 'from', messageKey: 'field_time_invalid' });
		if (!form.to) violations.push({ rule: 'to', messageKey: 'rooms_free_time_required' });
		else if (!TIME.test(form.to)) violations.push({ rule: 'to', messageKey: 'field_time_invalid' });
		else if (TIME.test(form.from) && minuteOf(form.to) <= minuteOf(form.from))
			violations.push({ rule: 'to', messageKey: 'rooms_end_after_start' });
		if (!violations.some((v) => ['date', 'from', 'to'].includes(v.rule))) {
			value.freeFrom = seoulInstant(form.date, minuteOf(form.from));
			value.freeTo = seoulInstant(form.date, minuteOf(form.to));
		}
	}
	return { value, violations };
}
