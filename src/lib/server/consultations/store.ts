import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { db, type Executor } from '../db';
import {
	appUser,
	closure,
	consultant,
	consultantException,
	consultantHours,
	consultationTopic,
	department,
	departmentRoom,
	HOLDING_STATUSES,
	openingHours,
	reservation,
	resource,
	room,
	roomRule,
	type ConsultationTopic,
	type Department
} from '../db/schema';
import { epochMs, instant, rowsOf } from '../db/sql';
import type { DateException, Span, WeeklySpan } from './slots';

/** A topic with its department, as the booking and slot search need them. */
export interface TopicWithDepartment {
	topic: ConsultationTopic;
	department: Department;
}

export async function loadTopic(topicId: string, executor: Executor = db): Promise<TopicWithDepartment | null> {
	const [row] = await executor
		.select({ topic: consultationTopic, department })
		.from(consultationTopic)
		.innerJoin(department, eq(department.id, consultationTopic.departmentId))
		.where(and(eq(consultationTopic.id, topicId), eq(consultationTopic.active, true)));
	return row ?? null;
}

export interface ConsultantRow {
	id: string;
	userId: string;
	name: string;
	email: string;
	departmentId: string;
	titleKo: string;
	titleEn: string;
}

/** The active consultants of a department, by name. */
export async function departmentConsultants(departmentId: string, executor: Executor = db): Promise<ConsultantRow[]> {
	return executor
		.select({
			id: consultant.resourceId,
			userId: consultant.userId,
			name: appUser.name,
			email: appUser.email,
			departmentId: consultant.departmentId,
			titleKo: consultant.titleKo,
			titleEn: consultant.titleEn
		})
		.from(consultant)
		.innerJoin(resource, eq(resource.id, consultant.resourceId))
		.innerJoin(appUser, eq(appUser.id, consultant.userId))
		.where(and(eq(consultant.departmentId, departmentId), eq(resource.active, true), eq(appUser.active, true)))
		.orderBy(asc(appUser.name));
}

export async function consultantById(id: string, executor: Executor = db): Promise<ConsultantRow | null> {
	const [row] = await executor
		.select({
			id: consultant.resourceId,
			userId: consultant.userId,
			name: appUser.name,
			email: appUser.email,
			departmentId: consultant.departmentId,
			titleKo: consultant.titleKo,
			titleEn: consultant.titleEn
		})
		.from(consultant)
		.innerJoin(appUser, eq(appUser.id, consultant.userId))
		.where(eq(consultant.resourceId, id));
	return row ?? null;
}

export interface ConsultationRoom {
	id: string;
	nameKo: string;
	nameEn: string;
	bufferBeforeMinutes: number;
	bufferAfterMinutes: number;
}

/** The department's consultation rooms (active), in the rooms' order. */
export async function departmentRooms(departmentId: string, executor: Executor = db): Promise<ConsultationRoom[]> {
	return executor
		.select({
			id: room.resourceId,
			nameKo: room.nameKo,
			nameEn: room.nameEn,
			bufferBeforeMinutes: roomRule.bufferBeforeMinutes,
			bufferAfterMinutes: roomRule.bufferAfterMinutes
		})
		.from(departmentRoom)
		.innerJoin(room, eq(room.resourceId, departmentRoom.roomId))
		.innerJoin(resource, eq(resource.id, room.resourceId))
		.innerJoin(roomRule, eq(roomRule.resourceId, room.resourceId))
		.where(and(eq(departmentRoom.departmentId, departmentId), eq(resource.active, true)))
		.orderBy(asc(room.sortOrder));
}

/** What the slot computation needs of some consultants and rooms over [from, to), in few queries. */
export interface SlotData {
	centerHours: WeeklySpan[];
	buildingClosures: Span[];
	hoursOf: Map<string, WeeklySpan[]>;
	exceptionsOf: Map<string, DateException[]>;
	/** Held intervals of holding reservations and the resource's own closures, by resource. */
	busyOf: Map<string, Span[]>;
	/** Rooms' own weekly hours (absent: the center's). */
	roomHoursOf: Map<string, WeeklySpan[]>;
}

/** Held and closed intervals overlapping [from, to) and the consultants' exceptions over `dates`. */
interface SlotWindow {
	from: Date;
	to: Date;
	dates: { first: string; last: string };
}

export async function slotData(
	consultantIds: string[],
	roomIds: string[],
	from: Date,
	to: Date,
	dates: { first: string; last: string },
	executor: Executor = db
): Promise<SlotData> {
	const [row] = rowsOf<SlotDataRow>(
		await executor.execute(sql`
			with chosen_consultant (id) as (${idList(consultantIds)}), chosen_room (id) as (${idList(roomIds)})
			select ${slotDataColumns({ from, to, dates })}`)
	);
	return parseSlotData(row!);
}

/** The free-slot search's reads in one statement: the department's consultants and (in person) rooms, and their slot data. */
export async function searchData(
	departmentId: string,
	options: { consultantId?: string; inPerson: boolean } & SlotWindow,
	executor: Executor = db
): Promise<{ consultants: ConsultantRow[]; rooms: ConsultationRoom[]; data: SlotData }> {
	const [row] = rowsOf<SlotDataRow & { consultants: string; rooms: string }>(
		await executor.execute(sql`
			with department_consultant as (
				select c.resource_id as id, c.user_id, u.name, u.email, c.department_id, c.title_ko, c.title_en
				from ${consultant} c
				join ${resource} r on r.id = c.resource_id
				join ${appUser} u on u.id = c.user_id
				where c.department_id = ${departmentId}::uuid and r.active and u.active
			),
			chosen_consultant as (
				select id from department_consultant where ${options.consultantId ?? null}::uuid is null or id = ${options.consultantId ?? null}::uuid
			),
			chosen_room as (
				select ro.resource_id as id, ro.name_ko, ro.name_en, rr.buffer_before_minutes, rr.buffer_after_minutes, ro.sort_order
				from ${departmentRoom} dr
				join ${room} ro on ro.resource_id = dr.room_id
				join ${resource} r on r.id = ro.resource_id
				join ${roomRule} rr on rr.resource_id = ro.resource_id
				where dr.department_id = ${departmentId}::uuid and r.active and ${options.inPerson}::boolean
			)
			select
				(select coalesce(json_agg(json_build_array(id, user_id, name, email, department_id, title_ko, title_en) order by name), '[]')::text
					from department_consultant) as consultants,
				(select coalesce(json_agg(json_build_array(id, name_ko, name_en, buffer_before_minutes, buffer_after_minutes) order by sort_order), '[]')::text
					from chosen_room) as rooms,
				${slotDataColumns(options)}`)
	);
	const consultants = (JSON.parse(row!.consultants) as [string, string, string, string, string, string, string][]).map(
		([id, userId, name, email, departmentId, titleKo, titleEn]) => ({ id, userId, name, email, departmentId, titleKo, titleEn })
	);
	const rooms = (JSON.parse(row!.rooms) as [string, string, string, number, number][]).map(
		([id, nameKo, nameEn, bufferBeforeMinutes, bufferAfterMinutes]) => ({ id, nameKo, nameEn, bufferBeforeMinutes, bufferAfterMinutes })
	);
	return { consultants, rooms, data: parseSlotData(row!) };
}

interface SlotDataRow {
	busy: string | null;
	hours: string;
	exceptions: string;
	opening: string;
}

const idList = (ids: string[]) =>
	ids.length ? sql`values ${sql.join(ids.map((id) => sql`(${id}::uuid)`), sql`, `)}` : sql`select null::uuid where false`;

/**
 * The select list of the slot data, over the CTEs `chosen_consultant` and `chosen_room` (an `id`
 * column each; qualified, so a missing one is an error, not the outer table's `id`). The held and
 * closed intervals come as one text per resource ("id from to from to ...", the building's
 * closures under the empty id), in epoch seconds as exact decimals: thousands of rows cost more
 * to ship and parse one by one than the query itself.
 */
function slotDataColumns({ from, to, dates }: SlotWindow) {
	const statuses = sql.join(HOLDING_STATUSES.map((s) => sql`${s}::reservation_status`), sql`, `);
	return sql`
		(select string_agg(r || ' ' || spans, ',') from (
			select coalesce(resource_id::text, '') as r, string_agg(extract(epoch from f)::text || ' ' || extract(epoch from t)::text, ' ') as spans
			from (
				select resource_id, held_from as f, held_until as t
				from ${reservation}
				where resource_id in (select cc.id from chosen_consultant cc union all select cr.id from chosen_room cr)
					and status in (${statuses}) and held && tstzrange(${instant(from)}, ${instant(to)}, '[)')
				union all
				select resource_id, starts_at, ends_at
				from ${closure}
				where (resource_id in (select cc.id from chosen_consultant cc union all select cr.id from chosen_room cr) or resource_id is null)
					and starts_at < ${instant(to)} and ends_at > ${instant(from)}
			) held
			group by resource_id
		) per_resource) as busy,
		(select coalesce(json_agg(json_build_array(consultant_id, weekday, start_minute, end_minute)), '[]')::text
			from ${consultantHours} where consultant_id in (select cc.id from chosen_consultant cc)) as hours,
		(select coalesce(json_agg(json_build_array(consultant_id, date, kind, start_minute, end_minute)), '[]')::text
			from ${consultantException}
			where consultant_id in (select cc.id from chosen_consultant cc) and date >= ${dates.first}::date and date <= ${dates.last}::date) as exceptions,
		(select coalesce(json_agg(json_build_array(resource_id, weekday, opens_minute, closes_minute)), '[]')::text
			from ${openingHours} where resource_id is null or resource_id in (select cr.id from chosen_room cr)) as opening`;
}

function parseSlotData(row: SlotDataRow): SlotData {
	const busyOf = new Map<string, Span[]>();
	const buildingClosures: Span[] = [];
	for (const group of row.busy ? row.busy.split(',') : []) {
		const fields = group.split(' ');
		const resourceId = fields[0]!;
		const spans = resourceId === '' ? buildingClosures : (busyOf.get(resourceId) ?? busyOf.set(resourceId, []).get(resourceId)!);
		for (let i = 1; i + 1 < fields.length; i += 2) spans.push({ from: epochMs(fields[i]!), to: epochMs(fields[i + 1]!) });
	}
	const hoursOf = new Map<string, WeeklySpan[]>();
	for (const [consultantId, weekday, startMinute, endMinute] of JSON.parse(row.hours) as [string, number, number, number][])
		push(hoursOf, consultantId, { weekday, startMinute, endMinute });
	const exceptionsOf = new Map<string, DateException[]>();
	for (const [consultantId, date, kind, startMinute, endMinute] of JSON.parse(row.exceptions) as [string, string, DateException['kind'], number | null, number | null][])
		push(exceptionsOf, consultantId, { date, kind, startMinute, endMinute });
	const centerHours: WeeklySpan[] = [];
	const roomHoursOf = new Map<string, WeeklySpan[]>();
	for (const [resourceId, weekday, startMinute, endMinute] of JSON.parse(row.opening) as [string | null, number, number, number][]) {
		const span = { weekday, startMinute, endMinute };
		if (resourceId === null) centerHours.push(span);
		else push(roomHoursOf, resourceId, span);
	}
	return { centerHours, buildingClosures, hoursOf, exceptionsOf, busyOf, roomHoursOf };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * How many consultations each consultant holds in [from, to) (a Seoul week), for the
 * load-spreading choice.
 */
export async function consultationsDuring(consultantIds: string[], from: Date, to: Date, executor: Executor = db): Promise<Map<string, number>> {
	if (consultantIds.length === 0) return new Map();
	const rows = await executor
		.select({ id: reservation.resourceId, n: sql<number>`count(*)::int` })
		.from(reservation)
		.where(
			and(
				inArray(reservation.resourceId, consultantIds),
				inArray(reservation.status, [...HOLDING_STATUSES, 'completed']),
				gte(reservation.startsAt, from),
				sql`${reservation.startsAt} < ${instant(to)}`
			)
		)
		.groupBy(reservation.resourceId);
	return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** A department as schools choose it: its active topics and consultants (what anyone may see). */
export interface CatalogDepartment {
	department: Department;
	topics: ConsultationTopic[];
	consultants: Pick<ConsultantRow, 'id' | 'name' | 'titleKo' | 'titleEn'>[];
}

/** Every department with its active topics (in their order) and active consultants (by name), in three queries. */
export async function catalog(executor: Executor = db): Promise<CatalogDepartment[]> {
	const [departments, topics, consultants] = await Promise.all([
		executor.select().from(department).orderBy(asc(department.sortOrder)),
		executor
			.select()
			.from(consultationTopic)
			.where(eq(consultationTopic.active, true))
			.orderBy(asc(consultationTopic.sortOrder), asc(consultationTopic.nameKo)),
		executor
			.select({ id: consultant.resourceId, departmentId: consultant.departmentId, name: appUser.name, titleKo: consultant.titleKo, titleEn: consultant.titleEn })
			.from(consultant)
			.innerJoin(resource, eq(resource.id, consultant.resourceId))
			.innerJoin(appUser, eq(appUser.id, consultant.userId))
			.where(and(eq(resource.active, true), eq(appUser.active, true)))
			.orderBy(asc(appUser.name))
	]);
	return departments.map((d) => ({
		department: d,
		topics: topics.filter((t) => t.departmentId === d.id),
		consultants: consultants.filter((c) => c.departmentId === d.id).map(({ departmentId: _, ...c }) => c)
	}));
}
