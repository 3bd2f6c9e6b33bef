/**
 * The visit day: the coordinators' list of the delegations expected today, each checked in by the
 * QR code of its reference (scanned) or the reference typed; arrived makes the visit done, a
 * no-show makes it done too and releases what its itinerary still held. Each change is one
 * transaction from `confirmed` only: two devices checking in one delegation change it once.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/sessions';
import * as audit from '../audit';
import * as clock from '../clock';
import { db } from '../db';
import { isUuid } from '../db/sql';
import { visitEvent, visitRequest, visitSegment } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { normaliseReference } from '../../schemas/visits';
import { seoulDate } from '../../time/seoul';
import { releaseVisit } from './itinerary';
import { ensureCoordinator } from './access';



export interface DayVisit {
	id: string;
	reference: string;
	organization: string;
	groupSize: number;
	contactName: string;
	phone: string;
	visitPeriod: 'am' | 'pm' | null;
	status: 'confirmed' | 'done';
	attendance: 'arrived' | 'no_show' | null;
	checkedInAt: string | null;
	/** The itinerary's first start, if there is one. */
	firstStart: string | null;
}

/** The visits of a Seoul date (today by default): confirmed ones and those already checked in. */
export async function dayList(actor: SessionUser, date = seoulDate(clock.now())): Promise<{ date: string; visits: DayVisit[] }> {
	ensureCoordinator(actor);
	const rows = await db
		.select({
			id: visitRequest.id,
			reference: visitRequest.reference,
			organization: visitRequest.organization,
			groupSize: visitRequest.groupSize,
			contactName: visitRequest.contactName,
			phone: visitRequest.phone,
			visitPeriod: visitRequest.visitPeriod,
			status: visitRequest.status,
			attendance: visitRequest.attendance,
			checkedInAt: visitRequest.checkedInAt,
			// Named with its table: inside the subquery a bare `id` would be the segment's.
			firstStart: sql<string | null>`(select min(s.starts_at) from ${visitSegment} s where s.visit_id = visit_request.id)`
		})
		.from(visitRequest)
		.where(and(eq(visitRequest.visitDate, date), inArray(visitRequest.status, ['confirmed', 'done'])))
		.orderBy(asc(visitRequest.visitPeriod), asc(visitRequest.reference));
	return {
		date,
		visits: rows.map((r) => ({
			...r,
			status: r.status as DayVisit['status'],
			checkedInAt: r.checkedInAt?.toISOString() ?? null,
			firstStart: r.firstStart ? new Date(r.firstStart).toISOString() : null
		}))
	};
}

export interface CheckedIn {
	id: string;
	reference: string;
	organization: string;
	attendance: 'arrived' | 'no_show';
}

/**
 * Check a delegation in by its reference (typed or scanned) or mark it by id: `arrived` on its
 * day; `no_show` on its day or after (its remaining holds are released). Refusals: ValidationError
 * on `code` for a reference that is no visit of today, ConflictError when it was already checked in.
 */
export async function checkIn(actor: SessionUser, target: { code: string } | { id: string }, attendance: 'arrived' | 'no_show'): Promise<CheckedIn> {
	ensureCoordinator(actor);
	const now = clock.now();
	const today = seoulDate(now);
	let where;
	if ('code' in target) {
		const reference = normaliseReference(target.code);
		if (!reference) throw new ValidationError([{ rule: 'code', messageKey: 'visit_checkin_code_invalid' }]);
		where = and(eq(visitRequest.reference, reference), eq(visitRequest.visitDate, today));
	} else {
		if (!isUuid(target.id)) throw new NotFoundError();
		where = and(eq(visitRequest.id, target.id), attendance === 'arrived' ? eq(visitRequest.visitDate, today) : lte(visitRequest.visitDate, today));
	}
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(visitRequest)
			.set({ status: 'done', attendance, checkedInAt: now, updatedAt: now })
			.where(and(where, eq(visitRequest.status, 'confirmed')))
			.returning({ id: visitRequest.id, reference: visitRequest.reference, organization: visitRequest.organization });
		if (!row) {
			const [found] = await tx.select({ status: visitRequest.status, reference: visitRequest.reference }).from(visitRequest).where(where);
			if (found?.status === 'done') throw new ConflictError('visit_checkin_done', { reference: found.reference });
			if ('code' in target) throw new ValidationError([{ rule: 'code', messageKey: 'visit_checkin_unknown', params: { code: normaliseReference(target.code)! } }]);
			throw found ? new ConflictError('visit_checkin_not_today') : new NotFoundError();
		}
		// Nobody came: the presenters and rooms held for the rest of the day are free again.
		if (attendance === 'no_show') await releaseVisit(tx, row.id, actor.id, 'visit_no_show');
		await tx.insert(visitEvent).values({ visitId: row.id, kind: attendance === 'arrived' ? 'arrived' : 'no_show', author: 'coordinator', actorId: actor.id, at: now });
		await audit.record(tx, { actorId: actor.id, action: `visit.${attendance}`, entity: 'visit_request', entityId: row.id });
		return { ...row, attendance };
	});
}
