/**
 * Consultants' published availability: the weekly template (several spans a weekday) and date
 * exceptions (off a whole day, off some hours, extra hours). A consultant edits their own; the
 * department's lead anyone's of the department (the permission table's
 * `consultations.publish_availability`). Each change is audited before/after in its transaction.
 * The preview says when the consultant works in the next two weeks, as slots.ts computes it.
 */
import { and, asc, eq, gte } from 'drizzle-orm';
import type { ConsultantExceptionInput } from '../../schemas/consultations';
import * as audit from '../audit';
import { can, type Actor } from '../auth/permissions';
import * as clock from '../clock';
import { db } from '../db';
import { consultantException, consultantHours, type ConsultantException } from '../db/schema';
import { isUuid } from '../db/sql';
import { holidayNames } from '../engine/availability';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { addDays, seoulDate, seoulInstant, type IsoDate } from '../../time/seoul';
import { normalise, subtract, workingSpans, type WeeklySpan } from './slots';
import { consultantById, departmentConsultants, slotData, type ConsultantRow } from './store';

export const PREVIEW_DAYS = 14;

/**
 * The consultants whose hours the actor may edit: the lead, everyone of the department; a
 * consultant, themselves; anyone else, nobody.
 */
export async function editableConsultants(actor: Actor): Promise<ConsultantRow[]> {
	if (actor.departmentId === null || !can(actor, 'consultations.publish_availability', { departmentId: actor.departmentId })) throw new ForbiddenError();
	const all = await departmentConsultants(actor.departmentId);
	return all.filter((c) => can(actor, 'consultations.publish_availability', { departmentId: c.departmentId, userId: c.userId }));
}

/** The consultant if the actor may edit their hours: another department's is a 404, a colleague's (not the lead) a 403. */
export async function ensureMayEdit(actor: Actor, consultantId: string): Promise<ConsultantRow> {
	const found = isUuid(consultantId) ? await consultantById(consultantId) : null;
	if (!found || found.departmentId !== actor.departmentId) throw new NotFoundError('dept_avail_consultant_unknown');
	if (!can(actor, 'consultations.publish_availability', { departmentId: found.departmentId, userId: found.userId })) throw new ForbiddenError();
	return found;
}

export interface Availability {
	hours: WeeklySpan[];
	/** Today's and later exceptions, by date. */
	exceptions: Pick<ConsultantException, 'id' | 'date' | 'kind' | 'startMinute' | 'endMinute' | 'note'>[];
}

export async function availabilityOf(actor: Actor, consultantId: string): Promise<Availability> {
	await ensureMayEdit(actor, consultantId);
	const today = seoulDate(clock.now());
	const [hours, exceptions] = await Promise.all([
		db
			.select({ weekday: consultantHours.weekday, startMinute: consultantHours.startMinute, endMinute: consultantHours.endMinute })
			.from(consultantHours)
			.where(eq(consultantHours.consultantId, consultantId))
			.orderBy(asc(consultantHours.weekday), asc(consultantHours.startMinute)),
		db
			.select({
				id: consultantException.id,
				date: consultantException.date,
				kind: consultantException.kind,
				startMinute: consultantException.startMinute,
				endMinute: consultantException.endMinute,
				note: consultantException.note
			})
			.from(consultantException)
			.where(and(eq(consultantException.consultantId, consultantId), gte(consultantException.date, today)))
			.orderBy(asc(consultantException.date), asc(consultantException.startMinute))
	]);
	return { hours, exceptions };
}

/** Replace the consultant's weekly template (spans already checked by the schema: on the grid, no overlaps). */
export async function saveTemplate(actor: Actor, consultantId: string, spans: WeeklySpan[]): Promise<void> {
	await ensureMayEdit(actor, consultantId);
	await db.transaction(async (tx) => {
		const before = await tx
			.select({ weekday: consultantHours.weekday, startMinute: consultantHours.startMinute, endMinute: consultantHours.endMinute })
			.from(consultantHours)
			.where(eq(consultantHours.consultantId, consultantId))
			.orderBy(asc(consultantHours.weekday), asc(consultantHours.startMinute));
		await tx.delete(consultantHours).where(eq(consultantHours.consultantId, consultantId));
		if (spans.length) await tx.insert(consultantHours).values(spans.map((s) => ({ ...s, consultantId })));
		await audit.record(tx, { actorId: actor.id, action: 'consultant.hours.update', entity: 'consultant', entityId: consultantId, before, after: spans });
	});
}

/** Add a date exception; a date before today is refused. Returns its id. */
export async function addException(actor: Actor, input: ConsultantExceptionInput): Promise<string> {
	await ensureMayEdit(actor, input.consultantId);
	if (input.date < seoulDate(clock.now())) throw new ValidationError([{ rule: 'date', messageKey: 'dept_avail_date_past' }]);
	const { consultantId, ...values } = input;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(consultantException)
			.values({ consultantId, ...values, createdBy: actor.id })
			.returning({ id: consultantException.id });
		await audit.record(tx, { actorId: actor.id, action: 'consultant.exception.create', entity: 'consultant', entityId: consultantId, after: { id: row!.id, ...values } });
		return row!.id;
	});
}

/** Remove one of the consultant's exceptions; one that is not there (any more) is a 404. */
export async function removeException(actor: Actor, consultantId: string, id: string): Promise<void> {
	await ensureMayEdit(actor, consultantId);
	await db.transaction(async (tx) => {
		const [gone] = await tx
			.delete(consultantException)
			.where(and(eq(consultantException.id, id), eq(consultantException.consultantId, consultantId)))
			.returning();
		if (!gone) throw new NotFoundError('dept_avail_exception_gone');
		const { consultantId: _c, createdBy: _b, createdAt: _a, ...was } = gone;
		await audit.record(tx, { actorId: actor.id, action: 'consultant.exception.delete', entity: 'consultant', entityId: consultantId, before: was });
	});
}

export interface WorkingDay {
	date: IsoDate;
	/** ISO instants [start, end) of each working span, in order. */
	spans: { start: string; end: string }[];
	/** The public holidays of the date (Korean names; the page says them in its language). */
	holidays: readonly string[];
}

/**
 * When the consultant works on each of the next `days` dates from today: template and extra hours
 * inside the center's hours, less leave, public holidays and building closures (not less their
 * bookings: these are the hours they offer).
 */
export async function preview(actor: Actor, consultantId: string, days = PREVIEW_DAYS): Promise<WorkingDay[]> {
	await ensureMayEdit(actor, consultantId);
	const first = seoulDate(clock.now());
	const last = addDays(first, days - 1);
	const data = await slotData([consultantId], [], seoulInstant(first), seoulInstant(addDays(last, 1)), { first, last });
	const who = { hours: data.hoursOf.get(consultantId) ?? [], exceptions: data.exceptionsOf.get(consultantId) ?? [] };
	const closures = normalise(data.buildingClosures);
	const out: WorkingDay[] = [];
	for (let date = first; date <= last; date = addDays(date, 1)) {
		const holidays = holidayNames(date) ?? [];
		const spans = holidays.length ? [] : subtract(workingSpans(who, date, data.centerHours), closures);
		out.push({ date, holidays, spans: spans.map((s) => ({ start: new Date(s.from).toISOString(), end: new Date(s.to).toISOString() })) });
	}
	return out;
}
