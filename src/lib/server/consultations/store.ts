import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
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
import { instant, rowsOf } from '../db/sql';
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

export async function slotData(
	consultantIds: string[],
	roomIds: string[],
	from: Date,
	to: Date,
	dates: { first: string; last: string },
	executor: Executor = db
): Promise<SlotData> {
	const resources = [...consultantIds, ...roomIds];
	const ids = resources.length ? sql.join(resources.map((id) => sql`${id}::uuid`), sql`, `) : sql`null::uuid`;
	const statuses = sql.join(HOLDING_STATUSES.map((s) => sql`${s}::reservation_status`), sql`, `);
	const [busyRows, hourRows, exceptionRows, openRows] = await Promise.all([
		executor.execute(sql`
			select resource_id::text as r, (extract(epoch from held_from) * 1000)::float8 as f, (extract(epoch from held_until) * 1000)::float8 as t
			from ${reservation}
			where resource_id in (${ids}) and status in (${statuses}) and held && tstzrange(${instant(from)}, ${instant(to)}, '[)')
			union all
			select coalesce(resource_id::text, '')::text as r, (extract(epoch from starts_at) * 1000)::float8, (extract(epoch from ends_at) * 1000)::float8
			from ${closure}
			where (resource_id in (${ids}) or resource_id is null) and starts_at < ${instant(to)} and ends_at > ${instant(from)}`),
		consultantIds.length
			? executor.select().from(consultantHours).where(inArray(consultantHours.consultantId, consultantIds))
			: Promise.resolve([]),
		consultantIds.length
			? executor
					.select()
					.from(consultantException)
					.where(
						and(
							inArray(consultantException.consultantId, consultantIds),
							gte(consultantException.date, dates.first),
							lte(consultantException.date, dates.last)
						)
					)
			: Promise.resolve([]),
		executor
			.select()
			.from(openingHours)
			.where(roomIds.length ? or(isNull(openingHours.resourceId), inArray(openingHours.resourceId, roomIds)) : isNull(openingHours.resourceId))
	]);
	const busyOf = new Map<string, Span[]>();
	const buildingClosures: Span[] = [];
	for (const row of rowsOf<{ r: string; f: number | string; t: number | string }>(busyRows)) {
		const span = { from: Number(row.f), to: Number(row.t) };
		if (row.r === '') buildingClosures.push(span);
		else push(busyOf, String(row.r), span);
	}
	const hoursOf = new Map<string, WeeklySpan[]>();
	for (const h of hourRows) push(hoursOf, h.consultantId, { weekday: h.weekday, startMinute: h.startMinute, endMinute: h.endMinute });
	const exceptionsOf = new Map<string, DateException[]>();
	for (const e of exceptionRows)
		push(exceptionsOf, e.consultantId, { date: e.date, kind: e.kind as DateException['kind'], startMinute: e.startMinute, endMinute: e.endMinute });
	const centerHours: WeeklySpan[] = [];
	const roomHoursOf = new Map<string, WeeklySpan[]>();
	for (const h of openRows) {
		const span = { weekday: h.weekday, startMinute: h.opensMinute, endMinute: h.closesMinute };
		if (h.resourceId === null) centerHours.push(span);
		else push(roomHoursOf, h.resourceId, span);
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
