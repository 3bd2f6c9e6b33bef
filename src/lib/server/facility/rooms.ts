import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { RoomDetailsInput } from '../../room-details';
import { ROLES } from '../../roles';
import { formatMinuteOfDay } from '../../time/format';
import { parseTimeOfDay } from '../../time/time-of-day';
import * as audit from '../audit';
import { can, type Actor } from '../auth/permissions';
import * as clock from '../clock';
import { db } from '../db';
import { isUniqueViolation } from '../db/errors';
import { openingHours, resource, room, roomRule, school, type Room } from '../db/schema';
import { ForbiddenError, NotFoundError, ValidationError, type Violation } from '../errors';
import { DEFAULT_RULES, type RoomRules, type WeeklyHours } from '../reservations/rules';
import { isUuid } from '../db/sql';

/** Stable keys the message files label as equipment_<key> and access_<key>. */
export const EQUIPMENT_KEYS = [
	'projector',
	'display',
	'microphone',
	'recording',
	'stage_lighting',
	'video_conference',
	'whiteboard',
	'pc',
	'printer',
	'soundproofing'
] as const;
export const ACCESSIBILITY_KEYS = [
	'step_free',
	'elevator',
	'accessible_toilet',
	'hearing_loop',
	'wheelchair_seating',
	'separate_entrance'
] as const;
/** The time grids room_rule accepts (its CHECK constraint says the same). */
export const GRANULARITIES_MINUTES = [5, 10, 15, 20, 30, 60] as const;
/** 0 = Sunday … 6 = Saturday; shown Monday first, as Korean calendars at work do. */
export const WEEKDAYS_MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const;

export const NAME_MAX_LENGTH = 100;
export const DESCRIPTION_MAX_LENGTH = 2000;
const FLOOR_RANGE = { min: -5, max: 99 };
const CAPACITY_RANGE = { min: 1, max: 5000 };
const LENGTH_RANGE_MINUTES = { min: 5, max: 24 * 60 };
const LEAD_TIME_RANGE_HOURS = { min: 0, max: 365 * 24 };
const HORIZON_RANGE_DAYS = { min: 1, max: 730 };
const BUFFER_RANGE_MINUTES = { min: 0, max: 240 };
const QUOTA_RANGE_HOURS = { min: 1, max: 744 };
const CUTOFF_RANGE_HOURS = { min: 0, max: 30 * 24 };


// ---------- Form shapes: what staff typed, kept as text so a refused form comes back unchanged ----------

export type { RoomDetailsInput };

/** A new room: its details and the code it is known by (in links, exports and the API). */
export interface NewRoomInput extends RoomDetailsInput {
	code: string;
}

export interface RoomRulesInput {
	granularityMinutes: string;
	minMinutes: string;
	maxMinutes: string;
	leadTimeHours: string;
	horizonDays: string;
	bufferBeforeMinutes: string;
	bufferAfterMinutes: string;
	requiresApproval: boolean;
	allowedRoles: string[];
	allowedSchoolIds: string[];
	/** Empty: no quota. */
	monthlyQuotaHours: string;
	closedOnHolidays: boolean;
	cancelCutoffHours: string;
}

export interface DayHoursInput {
	weekday: number;
	open: boolean;
	/** "HH:MM" Asia/Seoul wall clock; "24:00" is the next midnight. */
	opens: string;
	closes: string;
}

export interface OpeningHoursInput {
	/** True: the room follows the center's weekly hours (it has no rows of its own). */
	useCenterHours: boolean;
	days: DayHoursInput[];
}

// ---------- Parsing helpers ----------

const WHOLE = /^-?\d{1,6}$/;
const DECIMAL = /^\d{1,6}(\.\d{1,2})?$/;

function wholeIn(value: string, range: { min: number; max: number }): number | null {
	const trimmed = value.trim();
	if (!WHOLE.test(trimmed)) return null;
	const n = Number(trimmed);
	return n >= range.min && n <= range.max ? n : null;
}

/** Hours as typed ("1", "1.5", "0.25") to whole minutes, or null when it is not that. */
function hoursToMinutes(value: string, range: { min: number; max: number }): number | null {
	const trimmed = value.trim();
	if (!DECIMAL.test(trimmed)) return null;
	const hours = Number(trimmed);
	const minutes = Math.round(hours * 60);
	const wholeMinutes = Math.abs(hours * 60 - minutes) < 1e-9;
	return wholeMinutes && hours >= range.min && hours <= range.max ? minutes : null;
}

const minutesToHoursText = (minutes: number) => String(Number((minutes / 60).toFixed(2)));

const whole = (rule: string, range: { min: number; max: number }): Violation => ({
	rule,
	messageKey: 'facility_field_whole_number',
	params: range
});
const hours = (rule: string, range: { min: number; max: number }): Violation => ({
	rule,
	messageKey: 'facility_field_hours',
	params: range
});

// ---------- check*: every problem at once ----------

export function checkRoomDetails(input: RoomDetailsInput): Violation[] {
	const violations: Violation[] = [];
	for (const field of ['nameKo', 'nameEn'] as const) {
		const value = input[field].trim();
		if (!value) violations.push({ rule: field, messageKey: 'field_required' });
		else if (value.length > NAME_MAX_LENGTH)
			violations.push({ rule: field, messageKey: 'field_too_long', params: { max: NAME_MAX_LENGTH } });
	}
	if (wholeIn(input.floor, FLOOR_RANGE) === null) violations.push(whole('floor', FLOOR_RANGE));
	if (wholeIn(input.capacity, CAPACITY_RANGE) === null) violations.push(whole('capacity', CAPACITY_RANGE));
	if (input.equipment.some((key) => !(EQUIPMENT_KEYS as readonly string[]).includes(key)))
		violations.push({ rule: 'equipment', messageKey: 'facility_choice_unknown' });
	if (input.accessibility.some((key) => !(ACCESSIBILITY_KEYS as readonly string[]).includes(key)))
		violations.push({ rule: 'accessibility', messageKey: 'facility_choice_unknown' });
	for (const field of ['descriptionKo', 'descriptionEn'] as const)
		if (input[field].trim().length > DESCRIPTION_MAX_LENGTH)
			violations.push({ rule: field, messageKey: 'field_too_long', params: { max: DESCRIPTION_MAX_LENGTH } });
	return violations;
}

/** Lower-case letters, digits and hyphens, starting with a letter or digit: safe in URLs and files. */
const CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const CODE_MAX_LENGTH = 40;

/** What the add-a-room form starts from: in use, ground floor, everything else to fill in. */
export function blankNewRoom(): NewRoomInput {
	return {
		code: '',
		nameKo: '',
		nameEn: '',
		floor: '1',
		capacity: '',
		equipment: [],
		accessibility: [],
		descriptionKo: '',
		descriptionEn: '',
		active: true
	};
}

export function checkNewRoom(input: NewRoomInput): Violation[] {
	const code = input.code.trim();
	const violations: Violation[] = [];
	if (!code) violations.push({ rule: 'code', messageKey: 'field_required' });
	else if (!CODE.test(code)) violations.push({ rule: 'code', messageKey: 'facility_code_invalid', params: { max: CODE_MAX_LENGTH } });
	return [...violations, ...checkRoomDetails(input)];
}

/** `schoolIds`: the schools that exist (an allowed school must be one of them). */
export function checkRoomRules(input: RoomRulesInput, known: { schoolIds: readonly string[] }): Violation[] {
	const violations: Violation[] = [];
	const grid = wholeIn(input.granularityMinutes, { min: 1, max: 60 });
	const gridValid = grid !== null && (GRANULARITIES_MINUTES as readonly number[]).includes(grid);
	if (!gridValid)
		violations.push({
			rule: 'granularityMinutes',
			messageKey: 'facility_granularity_invalid',
			params: { choices: GRANULARITIES_MINUTES.join(', ') }
		});

	const min = wholeIn(input.minMinutes, LENGTH_RANGE_MINUTES);
	const max = wholeIn(input.maxMinutes, LENGTH_RANGE_MINUTES);
	if (min === null) violations.push(whole('minMinutes', LENGTH_RANGE_MINUTES));
	if (max === null) violations.push(whole('maxMinutes', LENGTH_RANGE_MINUTES));
	for (const [field, value] of [['minMinutes', min], ['maxMinutes', max]] as const)
		if (value !== null && gridValid && value % grid! !== 0)
			violations.push({ rule: field, messageKey: 'facility_length_off_grid', params: { minutes: grid! } });
	if (min !== null && max !== null && max < min)
		violations.push({ rule: 'maxMinutes', messageKey: 'facility_max_below_min', params: { minutes: min } });

	const lead = hoursToMinutes(input.leadTimeHours, LEAD_TIME_RANGE_HOURS);
	const horizon = wholeIn(input.horizonDays, HORIZON_RANGE_DAYS);
	if (lead === null) violations.push(hours('leadTimeHours', LEAD_TIME_RANGE_HOURS));
	if (horizon === null) violations.push(whole('horizonDays', HORIZON_RANGE_DAYS));
	if (lead !== null && horizon !== null && lead >= horizon * 24 * 60)
		violations.push({ rule: 'leadTimeHours', messageKey: 'facility_lead_beyond_horizon', params: { days: horizon } });

	for (const field of ['bufferBeforeMinutes', 'bufferAfterMinutes'] as const)
		if (wholeIn(input[field], BUFFER_RANGE_MINUTES) === null) violations.push(whole(field, BUFFER_RANGE_MINUTES));

	if (input.allowedRoles.some((r) => !(ROLES as readonly string[]).includes(r)))
		violations.push({ rule: 'allowedRoles', messageKey: 'facility_choice_unknown' });
	if (input.allowedSchoolIds.some((id) => !known.schoolIds.includes(id)))
		violations.push({ rule: 'allowedSchoolIds', messageKey: 'facility_choice_unknown' });
	if (input.allowedSchoolIds.length && input.allowedRoles.length && !input.allowedRoles.includes('school_user'))
		violations.push({ rule: 'allowedSchoolIds', messageKey: 'facility_schools_without_school_role' });

	if (input.monthlyQuotaHours.trim() !== '' && hoursToMinutes(input.monthlyQuotaHours, QUOTA_RANGE_HOURS) === null)
		violations.push(hours('monthlyQuotaHours', QUOTA_RANGE_HOURS));
	if (hoursToMinutes(input.cancelCutoffHours, CUTOFF_RANGE_HOURS) === null)
		violations.push(hours('cancelCutoffHours', CUTOFF_RANGE_HOURS));
	return violations;
}

/**
 * The weekly-hours form as typed, every problem at once. Not the booking rule checkOpeningHours
 * (reservations/rules), which judges a request against the hours once they are stored.
 */
export function checkWeeklyHoursForm(input: OpeningHoursInput): Violation[] {
	if (input.useCenterHours) return [];
	const violations: Violation[] = [];
	const open = input.days.filter((d) => d.open);
	if (open.length === 0) violations.push({ rule: 'hours', messageKey: 'facility_hours_none_open' });
	for (const day of open) {
		const opens = parseTimeOfDay(day.opens);
		const closes = parseTimeOfDay(day.closes);
		if (opens === null) violations.push({ rule: `opens-${day.weekday}`, messageKey: 'facility_time_invalid' });
		if (closes === null) violations.push({ rule: `closes-${day.weekday}`, messageKey: 'facility_time_invalid' });
		if (opens !== null && closes !== null && closes <= opens)
			violations.push({ rule: `closes-${day.weekday}`, messageKey: 'facility_hours_order' });
	}
	return violations;
}

// ---------- From form shapes to rows (only after the checks pass) ----------

export function toRoomValues(input: RoomDetailsInput) {
	return {
		nameKo: input.nameKo.trim(),
		nameEn: input.nameEn.trim(),
		floor: Number(input.floor.trim()),
		capacity: Number(input.capacity.trim()),
		// Kept in the catalogue's order, whatever order the form sent.
		equipment: EQUIPMENT_KEYS.filter((k) => input.equipment.includes(k)),
		accessibility: ACCESSIBILITY_KEYS.filter((k) => input.accessibility.includes(k)),
		descriptionKo: input.descriptionKo.trim(),
		descriptionEn: input.descriptionEn.trim()
	};
}

export function toRuleValues(input: RoomRulesInput): RoomRules {
	const quota = input.monthlyQuotaHours.trim();
	return {
		granularityMinutes: Number(input.granularityMinutes),
		minMinutes: Number(input.minMinutes),
		maxMinutes: Number(input.maxMinutes),
		leadTimeMinutes: hoursToMinutes(input.leadTimeHours, LEAD_TIME_RANGE_HOURS)!,
		horizonDays: Number(input.horizonDays),
		bufferBeforeMinutes: Number(input.bufferBeforeMinutes),
		bufferAfterMinutes: Number(input.bufferAfterMinutes),
		requiresApproval: input.requiresApproval,
		allowedRoles: ROLES.filter((r) => input.allowedRoles.includes(r)),
		allowedSchoolIds: [...new Set(input.allowedSchoolIds)],
		monthlyQuotaMinutes: quota ? hoursToMinutes(quota, QUOTA_RANGE_HOURS) : null,
		closedOnHolidays: input.closedOnHolidays,
		cancelCutoffMinutes: hoursToMinutes(input.cancelCutoffHours, CUTOFF_RANGE_HOURS)!
	};
}

export function toHoursRows(input: OpeningHoursInput): WeeklyHours[] {
	if (input.useCenterHours) return [];
	return input.days
		.filter((d) => d.open)
		.map((d) => ({ weekday: d.weekday, opensMinute: parseTimeOfDay(d.opens)!, closesMinute: parseTimeOfDay(d.closes)! }))
		.sort((a, b) => a.weekday - b.weekday);
}

// ---------- From rows to form shapes ----------

export function detailsAsInput(r: Room, active: boolean): RoomDetailsInput {
	return {
		nameKo: r.nameKo,
		nameEn: r.nameEn,
		floor: String(r.floor),
		capacity: String(r.capacity),
		equipment: [...r.equipment],
		accessibility: [...r.accessibility],
		descriptionKo: r.descriptionKo,
		descriptionEn: r.descriptionEn,
		active
	};
}

export function rulesAsInput(rules: RoomRules): RoomRulesInput {
	return {
		granularityMinutes: String(rules.granularityMinutes),
		minMinutes: String(rules.minMinutes),
		maxMinutes: String(rules.maxMinutes),
		leadTimeHours: minutesToHoursText(rules.leadTimeMinutes),
		horizonDays: String(rules.horizonDays),
		bufferBeforeMinutes: String(rules.bufferBeforeMinutes),
		bufferAfterMinutes: String(rules.bufferAfterMinutes),
		requiresApproval: rules.requiresApproval,
		allowedRoles: [...rules.allowedRoles],
		allowedSchoolIds: [...rules.allowedSchoolIds],
		monthlyQuotaHours: rules.monthlyQuotaMinutes === null ? '' : minutesToHoursText(rules.monthlyQuotaMinutes),
		closedOnHolidays: rules.closedOnHolidays,
		cancelCutoffHours: minutesToHoursText(rules.cancelCutoffMinutes)
	};
}

/** The form starts from the room's own hours, or from the center's when it has none. */
export function hoursAsInput(own: WeeklyHours[], center: WeeklyHours[]): OpeningHoursInput {
	const source = own.length ? own : center;
	return {
		useCenterHours: own.length === 0,
		days: WEEKDAYS_MONDAY_FIRST.map((weekday) => {
			const h = source.find((x) => x.weekday === weekday);
			return {
				weekday,
				open: Boolean(h),
				opens: formatMinuteOfDay(h?.opensMinute ?? 9 * 60),
				closes: formatMinuteOfDay(h?.closesMinute ?? 18 * 60)
			};
		})
	};
}

// ---------- Service ----------

function ensureMayManage(actor: Actor) {
	if (!can(actor, 'rooms.manage')) throw new ForbiddenError();
}


export interface ManagedRoomSummary {
	id: string;
	code: string;
	nameKo: string;
	nameEn: string;
	floor: number;
	capacity: number;
	active: boolean;
	requiresApproval: boolean;
	ownHours: boolean;
}

/** Every room, active or not, in display order. */
export async function listRooms(actor: Actor): Promise<ManagedRoomSummary[]> {
	ensureMayManage(actor);
	const rows = await db
		.select({ room, active: resource.active, requiresApproval: roomRule.requiresApproval })
		.from(room)
		.innerJoin(resource, eq(resource.id, room.resourceId))
		.leftJoin(roomRule, eq(roomRule.resourceId, room.resourceId))
		.orderBy(asc(room.sortOrder), asc(room.nameKo));
	const own = await db
		.select({ resourceId: openingHours.resourceId, n: count() })
		.from(openingHours)
		.groupBy(openingHours.resourceId);
	const withOwnHours = new Set(own.filter((o) => o.resourceId && o.n > 0).map((o) => o.resourceId));
	return rows.map(({ room: r, active, requiresApproval }) => ({
		id: r.resourceId,
		code: r.code,
		nameKo: r.nameKo,
		nameEn: r.nameEn,
		floor: r.floor,
		capacity: r.capacity,
		active,
		requiresApproval: requiresApproval ?? DEFAULT_RULES.requiresApproval,
		ownHours: withOwnHours.has(r.resourceId)
	}));
}

export interface ManagedRoom {
	room: Room;
	active: boolean;
	rules: RoomRules;
	ownHours: WeeklyHours[];
	centerHours: WeeklyHours[];
}

const hoursOf = (rows: { weekday: number; opensMinute: number; closesMinute: number }[]): WeeklyHours[] =>
	rows.map(({ weekday, opensMinute, closesMinute }) => ({ weekday, opensMinute, closesMinute })).sort((a, b) => a.weekday - b.weekday);

/**
 * Throws NotFoundError unless the room exists (and the actor may manage rooms). Actions call it
 * before judging their fields: a form posted to a room that is not there is a 404, not a 422.
 */
export async function ensureRoomExists(actor: Actor, id: string): Promise<void> {
	ensureMayManage(actor);
	if (!isUuid(id)) throw new NotFoundError('room_not_found');
	const [row] = await db.select({ id: room.resourceId }).from(room).where(eq(room.resourceId, id));
	if (!row) throw new NotFoundError('room_not_found');
}

export async function getRoom(actor: Actor, id: string): Promise<ManagedRoom> {
	ensureMayManage(actor);
	if (!isUuid(id)) throw new NotFoundError('room_not_found');
	const [row] = await db
		.select({ room, active: resource.active, rule: roomRule })
		.from(room)
		.innerJoin(resource, eq(resource.id, room.resourceId))
		.leftJoin(roomRule, eq(roomRule.resourceId, room.resourceId))
		.where(eq(room.resourceId, id));
	if (!row) throw new NotFoundError('room_not_found');
	const [own, center] = await Promise.all([
		db.select().from(openingHours).where(eq(openingHours.resourceId, id)),
		db.select().from(openingHours).where(isNull(openingHours.resourceId))
	]);
	let rules = DEFAULT_RULES;
	if (row.rule) {
		const { resourceId: _id, updatedAt: _at, ...stored } = row.rule;
		rules = stored;
	}
	return { room: row.room, active: row.active, rules, ownHours: hoursOf(own), centerHours: hoursOf(center) };
}

export async function listSchoolsForRules() {
	return db.select({ id: school.id, nameKo: school.nameKo, nameEn: school.nameEn }).from(school).orderBy(asc(school.level), asc(school.nameKo));
}

export async function saveDetails(actor: Actor, id: string, input: RoomDetailsInput): Promise<void> {
	const before = await getRoom(actor, id);
	const violations = checkRoomDetails(input);
	if (violations.length) throw new ValidationError(violations);
	const values = toRoomValues(input);
	await db.transaction(async (tx) => {
		await tx.update(room).set(values).where(eq(room.resourceId, id));
		await tx.update(resource).set({ active: input.active }).where(eq(resource.id, id));
		const { resourceId: _id, code: _code, sortOrder: _order, ...was } = before.room;
		await audit.record(tx, {
			actorId: actor.id,
			action: 'room.update',
			entity: 'room',
			entityId: id,
			before: { ...was, active: before.active },
			after: { ...values, active: input.active }
		});
	});
}

/**
 * Add a room. It starts with the default booking rules and the center's opening hours; staff set
 * its own on the room's page. Returns its id.
 */
export async function createRoom(actor: Actor, input: NewRoomInput): Promise<string> {
	ensureMayManage(actor);
	const violations = checkNewRoom(input);
	if (violations.length) throw new ValidationError(violations);
	const code = input.code.trim();
	const values = toRoomValues(input);
	const codeTaken = () => new ValidationError([{ rule: 'code', messageKey: 'facility_code_taken', params: { code } }]);
	if ((await db.select({ id: room.resourceId }).from(room).where(eq(room.code, code))).length) throw codeTaken();
	try {
		return await db.transaction(async (tx) => {
			const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${room.sortOrder}), 0)::int + 1` }).from(room)) as [{ next: number }];
			const [created] = await tx.insert(resource).values({ kind: 'room', active: input.active }).returning({ id: resource.id });
			const id = created!.id;
			await tx.insert(room).values({ resourceId: id, code, ...values, sortOrder: next });
			await tx.insert(roomRule).values({ resourceId: id, ...DEFAULT_RULES, updatedAt: clock.now() });
			await audit.record(tx, { actorId: actor.id, action: 'room.create', entity: 'room', entityId: id, after: { code, ...values, active: input.active } });
			return id;
		});
	} catch (error) {
		// Someone added a room with this code in the meantime.
		if (isUniqueViolation(error, 'room_code_unique')) throw codeTaken();
		throw error;
	}
}

export async function saveRules(actor: Actor, id: string, input: RoomRulesInput): Promise<void> {
	const before = await getRoom(actor, id);
	const schools = await listSchoolsForRules();
	const violations = checkRoomRules(input, { schoolIds: schools.map((s) => s.id) });
	if (violations.length) throw new ValidationError(violations);
	const values = toRuleValues(input);
	await db.transaction(async (tx) => {
		await tx
			.insert(roomRule)
			.values({ ...values, resourceId: id, updatedAt: clock.now() })
			.onConflictDoUpdate({ target: roomRule.resourceId, set: { ...values, updatedAt: clock.now() } });
		await audit.record(tx, {
			actorId: actor.id,
			action: 'room.rules.update',
			entity: 'room',
			entityId: id,
			before: before.rules,
			after: values
		});
	});
}

/** Replace the room's weekly hours; none means it follows the center's. */
export async function saveHours(actor: Actor, id: string, input: OpeningHoursInput): Promise<void> {
	const before = await getRoom(actor, id);
	const violations = checkWeeklyHoursForm(input);
	if (violations.length) throw new ValidationError(violations);
	const rows = toHoursRows(input);
	await db.transaction(async (tx) => {
		await tx.delete(openingHours).where(and(eq(openingHours.resourceId, id)));
		if (rows.length) await tx.insert(openingHours).values(rows.map((r) => ({ ...r, resourceId: id })));
		await audit.record(tx, {
			actorId: actor.id,
			action: 'room.hours.update',
			entity: 'room',
			entityId: id,
			before: { own: before.ownHours },
			after: { own: rows, useCenterHours: input.useCenterHours }
		});
	});
}
