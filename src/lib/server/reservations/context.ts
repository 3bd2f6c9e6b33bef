import { and, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { seoulMonthRange } from '../../time/seoul';
import type { SessionUser } from '../auth/sessions';
import { db, type Executor } from '../db';
import { closure, openingHours, reservation, resource, room, roomRule, type Room } from '../db/schema';
import { holidayNames } from './holidays';
import { DEFAULT_RULES, type RoomRules, type RuleContext, type WeeklyHours } from './rules';

export const HOLDING = ['requested', 'confirmed'] as const;

export interface RoomWithRules {
	room: Room;
	rules: RoomRules;
	hours: WeeklyHours[];
}


/** Active rooms with their rules and weekly hours (room's own, else the center's). */
export async function loadRooms(ids?: string[], executor: Executor = db): Promise<RoomWithRules[]> {
	// One round trip: each room with its rule row and its own weekly hours, plus the center's.
	const ownHours = sql<WeeklyHours[] | null>`(select json_agg(json_build_object('weekday', h.weekday, 'opensMinute', h.opens_minute, 'closesMinute', h.closes_minute)) from ${openingHours} h where h.resource_id = ${room.resourceId})`;
	const centerHours = sql<WeeklyHours[] | null>`(select json_agg(json_build_object('weekday', h.weekday, 'opensMinute', h.opens_minute, 'closesMinute', h.closes_minute)) from ${openingHours} h where h.resource_id is null)`;
	const rows = await executor
		.select({ room, rule: roomRule, ownHours, centerHours })
		.from(room)
		.innerJoin(resource, eq(resource.id, room.resourceId))
		.leftJoin(roomRule, eq(roomRule.resourceId, room.resourceId))
		.where(and(eq(resource.active, true), ids ? inArray(room.resourceId, ids) : undefined))
		.orderBy(room.sortOrder);
	return rows.map(({ room: r, rule, ownHours: own, centerHours: center }) => {
		const { resourceId: _r, updatedAt: _u, ...rules } = rule ?? { ...DEFAULT_RULES, resourceId: r.resourceId, updatedAt: null };
		return { room: r, rules: rules as RoomRules, hours: (own?.length ? own : center) ?? [] };
	});
}

export async function loadRoom(id: string, executor: Executor = db): Promise<RoomWithRules | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	return (await loadRooms([id], executor))[0] ?? null;
}

/** Closures of this room or the whole building that overlap [from, to). */
export function closuresOverlapping(resourceId: string, from: Date, to: Date, executor: Executor = db) {
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
	const { from, to } = seoulMonthRange(at);
	const [row] = await executor
		.select({
			minutes: sql<number>`coalesce(sum(extract(epoch from (${reservation.endsAt} - ${reservation.startsAt})) / 60), 0)::float8`
		})
		.from(reservation)
		.where(
			and(
				eq(reservation.resourceId, resourceId),
				eq(reservation.schoolId, schoolId),
				inArray(reservation.status, [...HOLDING]),
				gte(reservation.startsAt, from),
				lt(reservation.startsAt, to)
			)
		);
	return Number(row?.minutes ?? 0);
}

/** Everything the rules need for one request. */
export async function ruleContext(
	target: RoomWithRules,
	actor: Pick<SessionUser, 'role' | 'schoolId'>,
	request: { start: Date; end: Date; attendees: number },
	now: Date,
	executor: Executor = db
): Promise<RuleContext> {
	const [closures, used] = await Promise.all([
		closuresOverlapping(target.room.resourceId, request.start, request.end, executor),
		quotaUsedMinutes(target.room.resourceId, actor.schoolId, request.start, executor)
	]);
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
