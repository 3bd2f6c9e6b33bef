/**
 * How many visits a day can take: at most VISITS_PER_DAY confirmed visits, none on a public
 * holiday, a day the building is closed, or a day the coordinators closed to visits. The count is
 * a guarantee of the confirming transaction: the day's advisory lock is taken before counting, so
 * coordinators confirming different requests for one day at once never exceed it.
 */
import { and, asc, between, count, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/sessions';
import * as audit from '../audit';
import { config } from '../config';
import { db, type Executor } from '../db';
import { closure, visitClosedDay, visitRequest } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { holidayNames } from '../engine/availability';
import { addDays, seoulInstant, type IsoDate } from '../../time/seoul';
import { ensureCoordinator } from './access';

export interface VisitDay {
	date: IsoDate;
	confirmed: number;
	capacity: number;
	/** Why no visit can be confirmed that day, or null. */
	closed: { kind: 'holiday' | 'closure' | 'closed_day' | 'weekend'; reason: string } | null;
}

/** The days [from, to] as the capacity calendar shows them, in three queries. */
export async function days(from: IsoDate, to: IsoDate, executor: Executor = db): Promise<VisitDay[]> {
	const [confirmed, closedDays, closures] = await Promise.all([
		executor
			.select({ date: visitRequest.visitDate, n: count() })
			.from(visitRequest)
			.where(and(eq(visitRequest.status, 'confirmed'), between(visitRequest.visitDate, from, to)))
			.groupBy(visitRequest.visitDate),
		executor.select().from(visitClosedDay).where(between(visitClosedDay.date, from, to)),
		executor
			.select({ startsAt: closure.startsAt, endsAt: closure.endsAt, reason: closure.reason })
			.from(closure)
			.where(and(isNull(closure.resourceId), lt(closure.startsAt, seoulInstant(addDays(to, 1))), gt(closure.endsAt, seoulInstant(from))))
			.orderBy(asc(closure.startsAt))
	]);
	const out: VisitDay[] = [];
	for (let date = from; date <= to; date = addDays(date, 1)) {
		const start = seoulInstant(date).getTime();
		const end = seoulInstant(addDays(date, 1)).getTime();
		const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
		const holiday = holidayNames(date);
		const closedDay = closedDays.find((d) => d.date === date);
		const building = closures.find((c) => c.startsAt.getTime() < end && c.endsAt.getTime() > start);
		const closed: VisitDay['closed'] = holiday?.length
			? { kind: 'holiday', reason: holiday.join(', ') }
			: closedDay
				? { kind: 'closed_day', reason: closedDay.reason }
				: building
					? { kind: 'closure', reason: building.reason }
					: weekday === 0 || weekday === 6
						? { kind: 'weekend', reason: '' }
						: null;
		out.push({ date, confirmed: Number(confirmed.find((c) => c.date === date)?.n ?? 0), capacity: config.visitsPerDay, closed });
	}
	return out;
}

/**
 * Inside a transaction that is about to confirm a visit on `date`: take the day's lock, then
 * refuse a closed or full day (ValidationError on `date`). `excluding`: the request being
 * confirmed (already counted if it is confirmed on that day).
 */
export async function ensureRoom(tx: Executor, date: IsoDate, excluding: string): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`visit-day:${date}`}, 0))`);
	const [day] = await days(date, date, tx);
	if (day!.closed) throw new ValidationError([{ rule: 'date', messageKey: day!.closed.kind === 'holiday' ? 'visit_day_holiday' : 'visit_day_closed', params: { date, reason: day!.closed.reason, holiday: day!.closed.reason } }]);
	const [others] = await tx
		.select({ n: count() })
		.from(visitRequest)
		.where(and(eq(visitRequest.status, 'confirmed'), eq(visitRequest.visitDate, date), sql`${visitRequest.id} <> ${excluding}::uuid`));
	if (Number(others?.n ?? 0) >= config.visitsPerDay) throw new ValidationError([{ rule: 'date', messageKey: 'visit_day_full', params: { date, capacity: config.visitsPerDay } }]);
}


/** Close a day to visits (a reason is required); closing it again changes the reason. */
export async function closeDay(actor: SessionUser, date: IsoDate, reason: string): Promise<void> {
	ensureCoordinator(actor);
	if (!reason.trim()) throw new ValidationError([{ rule: 'reason', messageKey: 'visit_close_reason_required' }]);
	await db.transaction(async (tx) => {
		await tx
			.insert(visitClosedDay)
			.values({ date, reason: reason.trim(), createdBy: actor.id })
			.onConflictDoUpdate({ target: visitClosedDay.date, set: { reason: reason.trim(), createdBy: actor.id } });
		await audit.record(tx, { actorId: actor.id, action: 'visit.day.close', entity: 'visit_day', entityId: date, after: { reason: reason.trim() } });
	});
}

/** Open a closed day again (404 when it was not closed). */
export async function reopenDay(actor: SessionUser, date: IsoDate): Promise<void> {
	ensureCoordinator(actor);
	await db.transaction(async (tx) => {
		const [gone] = await tx.delete(visitClosedDay).where(eq(visitClosedDay.date, date)).returning();
		if (!gone) throw new NotFoundError();
		await audit.record(tx, { actorId: actor.id, action: 'visit.day.reopen', entity: 'visit_day', entityId: date, before: { reason: gone.reason } });
	});
}

/** The confirmed visits of days [from, to], for the calendar (reference, organisation, half day). */
export async function confirmedDuring(from: IsoDate, to: IsoDate) {
	return db
		.select({ id: visitRequest.id, reference: visitRequest.reference, organization: visitRequest.organization, date: visitRequest.visitDate, period: visitRequest.visitPeriod, groupSize: visitRequest.groupSize })
		.from(visitRequest)
		.where(and(inArray(visitRequest.status, ['confirmed', 'done']), between(visitRequest.visitDate, from, to)))
		.orderBy(asc(visitRequest.visitDate), asc(visitRequest.visitPeriod));
}
