/**
 * A school's history: its room bookings and its consultations, past and upcoming, in one list
 * (the one place a school comes to). Read by one SQL query over both kinds (UNION ALL, ordered
 * and paged in the database), for the school of the user asking and no other. Case text never
 * appears in a list; a mediation consultation shows as its topic, which its school may see.
 */
import { and, asc, desc, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import { db } from '../db';
import { appUser, consultation, consultationTopic, department, reservation, room, school, type ReservationStatus } from '../db/schema';
import { ForbiddenError } from '../errors';

import { type HistoryKind, type HistoryPeriod } from './kinds';

export { HISTORY_KINDS, HISTORY_PERIODS, type HistoryKind, type HistoryPeriod } from './kinds';

/** One line of the history: a room booking or a consultation, with where it is handled. */
export interface HistoryItem {
	kind: 'room' | 'consultation';
	id: string;
	/** A consultation's reference (C-2026-0001); null for a room booking. */
	reference: string | null;
	start: string;
	end: string;
	status: ReservationStatus;
	/** The room's name, or the consultation's topic. */
	titleKo: string;
	titleEn: string;
	/** The consultation's department; null for a room booking. */
	departmentKo: string | null;
	departmentEn: string | null;
	/** 'visit' | 'video' | 'phone' for a consultation; null for a room booking. */
	mode: string | null;
	/** A room booking's purpose (the booker's words); null for a consultation (its text is read one by one). */
	purpose: string | null;
	bookedByName: string;
	mine: boolean;
}

export interface HistoryPage {
	school: { nameKo: string; nameEn: string };
	items: HistoryItem[];
	page: number;
	pageCount: number;
	total: number;
}

export const HISTORY_PAGE_SIZE = 30;

export interface HistoryQuery {
	period: HistoryPeriod;
	kind: HistoryKind;
	page: number;
	now: Date;
	/** HISTORY_PAGE_SIZE unless given. */
	pageSize?: number;
}

/**
 * The history of the actor's school: upcoming (not yet ended, soonest first) or past (ended,
 * most recent first), every status (a cancellation or rejection stays in the history). Room
 * bookings are the principal holds on rooms (an in-person consultation's room hold is part of the
 * consultation, not a booking of its own). Only a school's own users may read it.
 */
export async function schoolHistory(actor: SessionUser, query: HistoryQuery): Promise<HistoryPage> {
	const schoolId = actor.schoolId;
	if (actor.role !== 'school_user' || !schoolId || !can(actor, 'school.bookings.view', { schoolId }) || !can(actor, 'consultations.view', { schoolId, departmentId: null }))
		throw new ForbiddenError();
	const when: SQL = query.period === 'upcoming' ? gt(reservation.endsAt, query.now) : lte(reservation.endsAt, query.now);
	const ofSchool = and(eq(reservation.schoolId, schoolId), when)!;
	const nothing = sql<string | null>`null::text`;

	const rooms = db
		.select({
			kind: sql<'room' | 'consultation'>`'room'`.as('kind'),
			id: reservation.id,
			reference: nothing.as('reference'),
			startsAt: reservation.startsAt,
			endsAt: reservation.endsAt,
			status: reservation.status,
			titleKo: sql<string>`${room.nameKo}`.as('title_ko'),
			titleEn: sql<string>`${room.nameEn}`.as('title_en'),
			departmentKo: nothing.as('department_ko'),
			departmentEn: nothing.as('department_en'),
			mode: nothing.as('mode'),
			purpose: sql<string | null>`${reservation.purpose}`.as('purpose'),
			bookedBy: reservation.bookedBy,
			bookedByName: appUser.name
		})
		.from(reservation)
		.innerJoin(room, eq(room.resourceId, reservation.resourceId))
		.innerJoin(appUser, eq(appUser.id, reservation.bookedBy))
		.where(and(ofSchool, or(isNull(reservation.bookingId), eq(reservation.bookingId, reservation.id))));

	const consultations = db
		.select({
			kind: sql<'room' | 'consultation'>`'consultation'`.as('kind'),
			id: reservation.id,
			reference: sql<string | null>`${consultation.reference}`.as('reference'),
			startsAt: reservation.startsAt,
			endsAt: reservation.endsAt,
			status: reservation.status,
			titleKo: sql<string>`${consultationTopic.nameKo}`.as('title_ko'),
			titleEn: sql<string>`${consultationTopic.nameEn}`.as('title_en'),
			departmentKo: sql<string | null>`${department.nameKo}`.as('department_ko'),
			departmentEn: sql<string | null>`${department.nameEn}`.as('department_en'),
			mode: sql<string | null>`${consultation.mode}`.as('mode'),
			purpose: nothing.as('purpose'),
			bookedBy: reservation.bookedBy,
			bookedByName: appUser.name
		})
		.from(consultation)
		.innerJoin(reservation, eq(reservation.id, consultation.id))
		.innerJoin(consultationTopic, eq(consultationTopic.id, consultation.topicId))
		.innerJoin(department, eq(department.id, consultation.departmentId))
		.innerJoin(appUser, eq(appUser.id, reservation.bookedBy))
		.where(and(ofSchool, eq(consultation.schoolId, schoolId)));

	const parts = query.kind === 'room' ? [rooms] : query.kind === 'consultation' ? [consultations] : [rooms, consultations];
	const union = parts.length === 2 ? unionAll(rooms, consultations) : parts[0]!;
	const counted = db.$with('history').as(union);
	const [[{ total } = { total: 0 }], [names]] = await Promise.all([
		db.with(counted).select({ total: sql<number>`count(*)::int` }).from(counted),
		db.select({ nameKo: school.nameKo, nameEn: school.nameEn }).from(school).where(eq(school.id, schoolId))
	]);
	const size = query.pageSize ?? HISTORY_PAGE_SIZE;
	const pageCount = Math.max(1, Math.ceil(total / size));
	const page = Math.min(Math.max(1, Math.trunc(query.page) || 1), pageCount);
	const order = query.period === 'upcoming' ? [asc(counted.startsAt), asc(counted.id)] : [desc(counted.startsAt), asc(counted.id)];
	const rows = await db
		.with(counted)
		.select()
		.from(counted)
		.orderBy(...order)
		.limit(size)
		.offset((page - 1) * size);
	return {
		school: names ?? { nameKo: '', nameEn: '' },
		items: rows.map((r) => ({
			kind: r.kind,
			id: r.id,
			reference: r.reference,
			start: new Date(r.startsAt).toISOString(),
			end: new Date(r.endsAt).toISOString(),
			status: r.status,
			titleKo: r.titleKo,
			titleEn: r.titleEn,
			departmentKo: r.departmentKo,
			departmentEn: r.departmentEn,
			mode: r.mode,
			purpose: r.purpose,
			bookedByName: r.bookedByName,
			mine: r.bookedBy === actor.id
		})),
		page,
		pageCount,
		total
	};
}
