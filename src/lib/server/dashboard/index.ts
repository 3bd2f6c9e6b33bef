import { and, asc, count, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { can } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import { db } from '../db';
import { appUser, auditLog, closure, invitation, outbox, reservation, room } from '../db/schema';
import { bookedDuring, holding } from '../engine/holds.store';
import { countPending } from '../facility/approvals';
import { listMine, type BookingSummary } from '../rooms/mine';
import { quotaUsedMinutesByRoom } from '../rooms/quota';
import { mayBookRoom } from '../rooms/rules/eligibility';
import { loadRooms } from '../rooms/store';
import { addDays, seoulDate, seoulInstant } from '$lib/time/seoul';

/**
 * "내 업무": the page each person starts from. Each panel is what one kind of work needs at a glance,
 * and every item names where it is handled; a panel is present only for those who may act on it.
 */
export interface Dashboard {
	bookings: BookingsPanel | null;
	facility: FacilityPanel | null;
	admin: AdminPanel | null;
}

/** How many of each list the dashboard shows; the full list is one link away. */
export const DASHBOARD_LIST_LENGTH = 5;
export const RECENT_CHANGES_LENGTH = 8;
/** Closures within this many days count as "ahead". */
export const CLOSURES_AHEAD_DAYS = 30;

export interface BookingsPanel {
	/** Holding bookings that have not ended, soonest first. */
	upcoming: BookingSummary[];
	upcomingTotal: number;
	/** Requests still waiting for a decision. */
	pending: BookingSummary[];
	/** Rooms with a monthly quota the user's school may use, with what it has used this Seoul month. */
	quotas: QuotaUse[];
}

export interface QuotaUse {
	roomId: string;
	nameKo: string;
	nameEn: string;
	usedMinutes: number;
	quotaMinutes: number;
}

export interface TodayBooking {
	id: string;
	roomId: string;
	roomNameKo: string;
	roomNameEn: string;
	start: Date;
	end: Date;
	status: 'requested' | 'confirmed';
}

export interface RecentChange {
	id: number;
	at: Date;
	action: string;
	entity: string;
	entityId: string | null;
	actorName: string | null;
	/** The room it is about (a booking's, a room's own), when it still exists. */
	roomNameKo: string | null;
	roomNameEn: string | null;
	/** A booking's own time, when the change is about a booking. */
	start: Date | null;
	end: Date | null;
}

export interface FacilityPanel {
	pendingCount: number;
	today: TodayBooking[];
	closures: { id: string; roomNameKo: string | null; roomNameEn: string | null; start: Date; end: Date; reason: string }[];
	recent: RecentChange[];
}

export interface AdminPanel {
	activeUsers: number;
	inactiveUsers: number;
	pendingInvitations: number;
	outbox: { pending: number; failed: number };
	failures: { id: string; toAddress: string; subject: string; lastError: string | null; createdAt: Date }[];
}

async function bookingsPanel(actor: SessionUser, now: Date): Promise<BookingsPanel> {
	const mine = await listMine(actor, { now });
	const holdingUpcoming = mine.upcoming.filter((b) => b.status === 'requested' || b.status === 'confirmed');
	return {
		upcoming: holdingUpcoming.filter((b) => b.status === 'confirmed').slice(0, DASHBOARD_LIST_LENGTH),
		upcomingTotal: holdingUpcoming.filter((b) => b.status === 'confirmed').length,
		pending: holdingUpcoming.filter((b) => b.status === 'requested'),
		quotas: actor.role === 'school_user' && actor.schoolId ? await quotaUse(actor, actor.schoolId, now) : []
	};
}

/** What the school holds this Seoul month in each active room with a quota it may book. */
async function quotaUse(actor: SessionUser, schoolId: string, now: Date): Promise<QuotaUse[]> {
	const withQuota = (await loadRooms()).filter((r) => r.rules.monthlyQuotaMinutes !== null && mayBookRoom(r.rules, actor));
	const used = await quotaUsedMinutesByRoom(withQuota.map((r) => r.room.resourceId), schoolId, now);
	return withQuota.map((r) => ({
		roomId: r.room.resourceId,
		nameKo: r.room.nameKo,
		nameEn: r.room.nameEn,
		usedMinutes: used.get(r.room.resourceId) ?? 0,
		quotaMinutes: r.rules.monthlyQuotaMinutes!
	}));
}

const bookedRoom = alias(room, 'booked_room');
const changedRoom = alias(room, 'changed_room');

async function facilityPanel(actor: SessionUser, now: Date): Promise<FacilityPanel> {
	const today = seoulDate(now);
	const dayStart = seoulInstant(today);
	const dayEnd = seoulInstant(addDays(today, 1));
	const aheadEnd = seoulInstant(addDays(today, CLOSURES_AHEAD_DAYS + 1));
	const [pendingCount, todayRows, closures, recent] = await Promise.all([
		countPending(actor, now),
		db
			.select({
				id: reservation.id,
				roomId: reservation.resourceId,
				roomNameKo: room.nameKo,
				roomNameEn: room.nameEn,
				start: reservation.startsAt,
				end: reservation.endsAt,
				status: reservation.status
			})
			.from(reservation)
			.innerJoin(room, eq(room.resourceId, reservation.resourceId))
			.where(and(holding, bookedDuring(dayStart, dayEnd)))
			.orderBy(asc(reservation.startsAt), asc(room.sortOrder)),
		db
			.select({
				id: closure.id,
				roomNameKo: room.nameKo,
				roomNameEn: room.nameEn,
				start: closure.startsAt,
				end: closure.endsAt,
				reason: closure.reason
			})
			.from(closure)
			.leftJoin(room, eq(room.resourceId, closure.resourceId))
			.where(and(gt(closure.endsAt, now), lt(closure.startsAt, aheadEnd)))
			.orderBy(asc(closure.startsAt))
			.limit(DASHBOARD_LIST_LENGTH),
		db
			.select({
				id: auditLog.id,
				at: auditLog.at,
				action: auditLog.action,
				entity: auditLog.entity,
				entityId: auditLog.entityId,
				actorName: appUser.name,
				roomNameKo: sql<string | null>`coalesce(${bookedRoom.nameKo}, ${changedRoom.nameKo})`,
				roomNameEn: sql<string | null>`coalesce(${bookedRoom.nameEn}, ${changedRoom.nameEn})`,
				start: reservation.startsAt,
				end: reservation.endsAt
			})
			.from(auditLog)
			.leftJoin(appUser, eq(appUser.id, auditLog.actorId))
			.leftJoin(reservation, and(eq(auditLog.entity, 'reservation'), sql`${reservation.id}::text = ${auditLog.entityId}`))
			.leftJoin(bookedRoom, eq(bookedRoom.resourceId, reservation.resourceId))
			.leftJoin(changedRoom, and(eq(auditLog.entity, 'room'), sql`${changedRoom.resourceId}::text = ${auditLog.entityId}`))
			.where(inArray(auditLog.entity, ['reservation', 'reservation_series', 'closure', 'room']))
			.orderBy(desc(auditLog.at), desc(auditLog.id))
			.limit(RECENT_CHANGES_LENGTH)
	]);
	return {
		pendingCount,
		today: todayRows.map((r) => ({ ...r, status: r.status as TodayBooking['status'] })),
		closures,
		recent
	};
}

async function adminPanel(now: Date): Promise<AdminPanel> {
	const [users, invitations, outboxCounts, failures] = await Promise.all([
		db.select({ active: appUser.active, n: count() }).from(appUser).groupBy(appUser.active),
		db
			.select({ n: count() })
			.from(invitation)
			.where(and(isNull(invitation.usedAt), gt(invitation.expiresAt, now))),
		db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status),
		db
			.select({ id: outbox.id, toAddress: outbox.toAddress, subject: outbox.subject, lastError: outbox.lastError, createdAt: outbox.createdAt })
			.from(outbox)
			.where(eq(outbox.status, 'failed'))
			.orderBy(desc(outbox.createdAt))
			.limit(DASHBOARD_LIST_LENGTH)
	]);
	const users_ = (active: boolean) => Number(users.find((u) => u.active === active)?.n ?? 0);
	const box = (status: string) => Number(outboxCounts.find((o) => o.status === status)?.n ?? 0);
	return {
		activeUsers: users_(true),
		inactiveUsers: users_(false),
		pendingInvitations: Number(invitations[0]?.n ?? 0),
		outbox: { pending: box('pending'), failed: box('failed') },
		failures
	};
}

/** The panels of the actor's dashboard, each only for those who may act on it. */
export async function forUser(actor: SessionUser, now: Date): Promise<Dashboard> {
	const [bookings, facility, admin] = await Promise.all([
		can(actor, 'rooms.book') && actor.role !== 'facility_manager' && actor.role !== 'admin' ? bookingsPanel(actor, now) : null,
		can(actor, 'reservations.approve') ? facilityPanel(actor, now) : null,
		can(actor, 'users.manage') ? adminPanel(now) : null
	]);
	return { bookings, facility, admin };
}
