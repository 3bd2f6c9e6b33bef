import { and, eq, gt, gte, inArray, isNull, lt, or, Placeholder, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { seoulMonthRange } from '../../time/seoul';
import type { SessionUser } from '../auth/sessions';
import { db, prepared, type Executor } from '../db';
import { closure, openingHours, reservation, resource, room, roomRule, type Room, type RoomRule } from '../db/schema';
import { holidayNames } from './holidays';
import { DEFAULT_RULES, type RoomRules, type RuleContext, type WeeklyHours } from './rules';
import { isUuid } from '../db/sql';

export const HOLDING = ['requested', 'confirmed'] as const;

export interface RoomWithRules {
	room: Room;
	rules: RoomRules;
	hours: WeeklyHours[];
}



/** Each room with its rule row and its own weekly hours, plus the center's: one round trip. */
function selectRooms<Extra extends Record<string, SQL.Aliased | SQL>>(executor: Executor, ids: string[] | Placeholder | undefined, extra: Extra) {
	const hoursOf = (owner: SQL) =>
		sql<WeeklyHours[] | null>`(select json_agg(json_build_object('weekday', h.weekday, 'opensMinute', h.opens_minute, 'closesMinute', h.closes_minute)) from ${openingHours} h where ${owner})`;
	return executor
		.select({ room, rule: roomRule, ownHours: hoursOf(sql`h.resource_id = ${room.resourceId}`), centerHours: hoursOf(sql`h.resource_id is null`), ...extra })
		.from(room)
		.innerJoin(resource, eq(resource.id, room.resourceId))
		.leftJoin(roomRule, eq(roomRule.resourceId, room.resourceId))
		.where(and(eq(resource.active, true), ids instanceof Placeholder ? eq(room.resourceId, ids) : ids ? inArray(room.resourceId, ids) : undefined))
		.orderBy(room.sortOrder);
}

function withRules(row: { room: Room; rule: RoomRule | null; ownHours: WeeklyHours[] | null; centerHours: WeeklyHours[] | null }): RoomWithRules {
	const { room: r, rule, ownHours: own, centerHours: center } = row;
	const { resourceId: _r, updatedAt: _u, ...rules } = rule ?? { ...DEFAULT_RULES, resourceId: r.resourceId, updatedAt: null };
	return { room: r, rules: rules as RoomRules, hours: (own?.length ? own : center) ?? [] };
}

/** Active rooms with their rules and weekly hours (room's own, else the center's). */
export async function loadRooms(ids?: string[], executor: Executor = db): Promise<RoomWithRules[]> {
	return (await selectRooms(executor, ids, {})).map(withRules);
}

export async function loadRoom(id: string, executor: Executor = db): Promise<RoomWithRules | null> {
	if (!isUuid(id)) return null;
	return (await loadRooms([id], executor))[0] ?? null;
}

/**
 * A room with its rules AND everything the rules need for one request (closures, the school's
 * monthly use), in one round trip of a prepared statement: the booking's hot path. Null when
 * there is no such room.
 */
export async function loadBookingContext(
	roomId: string,
	actor: Pick<SessionUser, 'role' | 'schoolId'>,
	request: RuleContext['request'],
	now: Date
): Promise<{ target: RoomWithRules; context: RuleContext } | null> {
	if (!isUuid(roomId)) return null;
	const query = prepared('booking_context', (on) => {
		const p = (name: string) => sql.placeholder(name);
		const closures = sql<{ starts_at: string; ends_at: string; reason: string }[]>`(select coalesce(json_agg(c), '[]') from (${closuresOverlapping(p('roomId'), p('start'), p('end'), on)}) c)`;
		// No school (staff): the school_id = null comparison matches nothing, so 0.
		const used = sql<number>`(${quotaUsed(p('roomId'), p('schoolId'), { from: p('monthFrom'), to: p('monthTo') }, on)})`;
		return selectRooms(on, p('roomId'), { closures, used }).prepare('booking_context');
	});
	const month = seoulMonthRange(request.start);
	const [row] = await query.execute({
		roomId,
		start: request.start.toISOString(),
		end: request.end.toISOString(),
		schoolId: actor.schoolId,
		monthFrom: month.from.toISOString(),
		monthTo: month.to.toISOString()
	});
	if (!row) return null;
	const target = withRules(row);
	const closures = row.closures.map((c) => ({ startsAt: new Date(c.starts_at), endsAt: new Date(c.ends_at), reason: c.reason }));
	return { target, context: contextOf(target, actor, request, now, closures, Number(row.used)) };
}

/** Closures of this room or the whole building that overlap [from, to). */
export function closuresOverlapping(resourceId: string | SQLWrapper, from: Date | SQLWrapper, to: Date | SQLWrapper, executor: Executor = db) {
	return executor
		.select({ startsAt: closure.startsAt, endsAt: closure.endsAt, reason: closure.reason })
		.from(closure)
		.where(
			and(
				or(eq(closure.resourceId, resourceId), isNull(closure.resourceId)),
				lt(closure.startsAt, to),
				gt(closure.endsAt, from)
			)
		);
}

/** Minutes a school holds in a room during the Seoul month of `at` (requested or confirmed). */
export async function quotaUsedMinutes(resourceId: string, schoolId: string | null, at: Date, executor: Executor = db) {
	if (!schoolId) return 0;
	const [row] = await quotaUsed(resourceId, schoolId, seoulMonthRange(at), executor);
	return Number(row?.minutes ?? 0);
}

/** The school's holding bookings of the room that start in [from, to): what its monthly quota counts. */
export function schoolHoldsStartingIn(
	resourceId: string | SQLWrapper,
	schoolId: string | SQLWrapper,
	{ from, to }: { from: Date | SQLWrapper; to: Date | SQLWrapper }
): SQL {
	return and(
		eq(reservation.resourceId, resourceId),
		eq(reservation.schoolId, schoolId),
		inArray(reservation.status, [...HOLDING]),
		gte(reservation.startsAt, from),
		lt(reservation.startsAt, to)
	)!;
}

function quotaUsed(resourceId: string | SQLWrapper, schoolId: string | SQLWrapper, range: { from: Date | SQLWrapper; to: Date | SQLWrapper }, executor: Executor) {
	return executor
		.select({
			minutes: sql<number>`coalesce(sum(extract(epoch from (${reservation.endsAt} - ${reservation.startsAt})) / 60), 0)::float8`
		})
		.from(reservation)
		.where(schoolHoldsStartingIn(resourceId, schoolId, range));
}

/** Everything the rules need for one request (a series gathers it for all occurrences at once: series.ts). */
export async function ruleContext(
	target: RoomWithRules,
	actor: Pick<SessionUser, 'role' | 'schoolId'>,
	request: RuleContext['request'],
	now: Date,
	executor: Executor = db
): Promise<RuleContext> {
	const [closures, used] = await Promise.all([
		closuresOverlapping(target.room.resourceId, request.start, request.end, executor),
		quotaUsedMinutes(target.room.resourceId, actor.schoolId, request.start, executor)
	]);
	return contextOf(target, actor, request, now, closures, used);
}

export function contextOf(
	target: RoomWithRules,
	actor: Pick<SessionUser, 'role' | 'schoolId'>,
	request: RuleContext['request'],
	now: Date,
	closures: RuleContext['closures'],
	used: number
): RuleContext {
	return {
		now,
		request,
		room: { capacity: target.room.capacity },
		rules: target.rules,
		openingHours: target.hours,
		closures,
		holidayNames,
		actor: { role: actor.role, schoolId: actor.schoolId },
		quotaUsedMinutes: used
	};
}
