import { and, eq, inArray, Placeholder, sql, type SQL } from 'drizzle-orm';
import { seoulMonthRange } from '../../time/seoul';
import type { SessionUser } from '../auth/sessions';
import { db, prepared, type Executor } from '../db';
import { resource, room, roomRule, type Room, type RoomRule } from '../db/schema';
import { isUuid } from '../db/sql';
import { closuresOverlapping, weeklyHoursOf } from '../engine/availability';
import { quotaUsed } from './quota';
import { contextOf } from './rule-context';
import { DEFAULT_RULES, type RoomRules, type RuleContext, type WeeklyHours } from './rules';

/**
 * The one loader of a room with its rules (the schema's defaults when it has no rule row) and its
 * weekly hours (its own, else the center's): the booking engine's room policy, the catalogue, the
 * room page, search, alternatives and the facility pages all read rooms through it.
 */
export interface RoomWithRules {
	room: Room;
	rules: RoomRules;
	hours: WeeklyHours[];
}

/** Each room with its rule row and its own weekly hours, plus the center's: one round trip. */
function selectRooms<Extra extends Record<string, SQL.Aliased | SQL>>(
	executor: Executor,
	ids: string[] | Placeholder | undefined,
	extra: Extra,
	{ includeInactive = false }: { includeInactive?: boolean } = {}
) {
	return executor
		.select({
			room,
			active: resource.active,
			rule: roomRule,
			ownHours: weeklyHoursOf(sql`h.resource_id = ${room.resourceId}`),
			centerHours: weeklyHoursOf(sql`h.resource_id is null`),
			...extra
		})
		.from(room)
		.innerJoin(resource, eq(resource.id, room.resourceId))
		.leftJoin(roomRule, eq(roomRule.resourceId, room.resourceId))
		.where(
			and(
				includeInactive ? undefined : eq(resource.active, true),
				ids instanceof Placeholder ? eq(room.resourceId, ids) : ids ? inArray(room.resourceId, ids) : undefined
			)
		)
		.orderBy(room.sortOrder, room.nameKo);
}

function withRules(row: { room: Room; rule: RoomRule | null; ownHours: WeeklyHours[] | null; centerHours: WeeklyHours[] | null }): RoomWithRules {
	const { room: r, rule, ownHours: own, centerHours: center } = row;
	return { room: r, rules: rulesOf(rule), hours: (own?.length ? own : center) ?? [] };
}

/** A rule row as rules, or the schema's defaults when the room has none. */
export function rulesOf(rule: RoomRule | null): RoomRules {
	if (!rule) return { ...DEFAULT_RULES };
	const { resourceId: _r, updatedAt: _u, ...rules } = rule;
	return rules as RoomRules;
}

/** Active rooms with their rules and weekly hours (room's own, else the center's). */
export async function loadRooms(ids?: string[], executor: Executor = db): Promise<RoomWithRules[]> {
	return (await selectRooms(executor, ids, {})).map(withRules);
}

export async function loadRoom(id: string, executor: Executor = db): Promise<RoomWithRules | null> {
	if (!isUuid(id)) return null;
	return (await loadRooms([id], executor))[0] ?? null;
}

/** A room as facility staff manage it: active or not, its own hours and the center's apart. */
export type ManagedRoomWithRules = RoomWithRules & { active: boolean; ownHours: WeeklyHours[]; centerHours: WeeklyHours[] };

/** Every room, active or not, with its rules and both sets of hours (the facility pages edit them). */
export async function loadManagedRooms(ids?: string[], executor: Executor = db): Promise<ManagedRoomWithRules[]> {
	const rows = await selectRooms(executor, ids, {}, { includeInactive: true });
	return rows.map((row) => ({ ...withRules(row), active: row.active, ownHours: row.ownHours ?? [], centerHours: row.centerHours ?? [] }));
}

export async function loadManagedRoom(id: string, executor: Executor = db): Promise<ManagedRoomWithRules | null> {
	if (!isUuid(id)) return null;
	return (await loadManagedRooms([id], executor))[0] ?? null;
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
