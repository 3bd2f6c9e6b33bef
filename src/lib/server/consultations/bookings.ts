import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ConsultationInput } from '../../schemas/consultations';
import { MINUTE_MS, seoulDate } from '../../time/seoul';
import type { ConsultationMode } from '../../consultation-modes';
import { can, MEDIATION_DEPARTMENT_CODE, type Thing } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import * as clock from '../clock';
import { db } from '../db';
import { appUser, caseAccessLog, consultant, consultation, consultationTopic, department, reservation, room, school } from '../db/schema';
import { book as engineBook, refusalError as engineRefusalError, statusOf, type BookResult, type Created, type Refused } from '../engine';
import * as transitions from '../engine/transitions';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import * as idempotency from '../idempotency';
import * as audit from '../audit';
import { changeMail, type ConsultationFacts } from './notify';
import { consultationPolicy, type SlotAlternative } from './policy';
import { consultantById, loadTopic } from './store';
import { nextSlots, searchSlots } from './search';
import { isHolding } from '../engine/holds.store';

/** How many times "any consultant" tries another free consultant or room after losing a race. */
const RACE_RETRIES = 3;

export type ConsultationResult = BookResult<SlotAlternative>;

/**
 * Book a consultation. A request for any consultant that loses the slot to a simultaneous booking
 * tries the next free consultant (or room) of the same slot, so a slot with two free consultants
 * serves two schools; only when none is left is the answer 409 with the next free slots. With an
 * idempotency key the final answer is kept (one per key).
 */
export async function book(actor: SessionUser, input: ConsultationInput, options: { idempotency?: { key: string; requestHash: string } } = {}): Promise<ConsultationResult> {
	if (!can(actor, 'consultations.book')) throw new ForbiddenError();
	const attempt = async (alsoWrite?: (created: Created) => ReturnType<idempotency.Claim['insert']>) => {
		const exclude = new Set<string>();
		for (let round = 0; ; round++) {
			const result = await engineBook(actor, consultationPolicy, { ...input, exclude }, alsoWrite ? { alsoWrite } : {});
			if (result.outcome !== 'conflict' || round >= RACE_RETRIES || result.conflicts.length === 0) return result;
			const before = exclude.size;
			for (const c of result.conflicts) exclude.add(c.resourceId);
			if (exclude.size === before || (input.consultantId && exclude.has(input.consultantId))) return result;
		}
	};
	const once = options.idempotency;
	if (!once) return attempt();
	const answer = await idempotency.once(actor.id, once.key, once.requestHash, async (claim) => {
		const result = await attempt((created) => claim.insert({ status: 201, body: created }));
		return { status: statusOf(result), body: result, kept: result.outcome === 'created' };
	});
	return answer.body as ConsultationResult;
}

/**
 * A refused booking as the typed error the API answers with: a taken slot says so in the
 * consultation's words, and its clashes name times only (not whose consultant or room).
 */
export function refusalError(refused: Refused<SlotAlternative>) {
	if (refused.outcome === 'invalid') return engineRefusalError(refused);
	return engineRefusalError({ ...refused, messageKey: 'consultation_slot_taken', conflicts: refused.conflicts.map(({ start, end }) => ({ start, end })) });
}

/** A consultation as its school and its department see it (case text only where `may` says). */
export interface ConsultationView {
	id: string;
	reference: string;
	status: string;
	start: string;
	end: string;
	mode: string;
	department: { id: string; code: string; nameKo: string; nameEn: string };
	topic: { id: string; nameKo: string; nameEn: string };
	consultant: { id: string; name: string; titleKo: string; titleEn: string };
	room: { id: string; nameKo: string; nameEn: string } | null;
	school: { id: string; nameKo: string; nameEn: string; phone: string | null } | null;
	booker: { name: string; email: string } | null;
	/** Absent when the viewer may not read it; null when erased (retention) or empty. */
	description?: string | null;
	outcomeNote?: string | null;
	cancelReason: string | null;
	decisionReason: string | null;
	caseErased: boolean;
	createdAt: string;
	may: { cancel: boolean; reschedule: boolean; handle: boolean; readNote: boolean };
}

const thingOf = (row: { schoolId: string | null; departmentId: string }): Thing => ({ schoolId: row.schoolId, departmentId: row.departmentId });

const selection = {
	id: consultation.id,
	reference: consultation.reference,
	mode: consultation.mode,
	departmentId: consultation.departmentId,
	departmentCode: department.code,
	departmentKo: department.nameKo,
	departmentEn: department.nameEn,
	topicId: consultation.topicId,
	topicKo: consultationTopic.nameKo,
	topicEn: consultationTopic.nameEn,
	cancelCutoffMinutes: consultationTopic.cancelCutoffMinutes,
	consultantId: consultation.consultantId,
	consultantTitleKo: consultant.titleKo,
	consultantTitleEn: consultant.titleEn,
	roomId: consultation.roomId,
	schoolId: consultation.schoolId,
	description: consultation.description,
	outcomeNote: consultation.outcomeNote,
	caseErasedAt: consultation.caseErasedAt,
	createdAt: consultation.createdAt,
	status: reservation.status,
	startsAt: reservation.startsAt,
	endsAt: reservation.endsAt,
	bookedBy: reservation.bookedBy,
	cancelReason: reservation.cancelReason,
	decisionReason: reservation.decisionReason
};

type Row = Awaited<ReturnType<typeof rowsWhere>>[number];

function rowsWhere(where: ReturnType<typeof and>) {
	return db
		.select(selection)
		.from(consultation)
		.innerJoin(reservation, eq(reservation.id, consultation.id))
		.innerJoin(department, eq(department.id, consultation.departmentId))
		.innerJoin(consultationTopic, eq(consultationTopic.id, consultation.topicId))
		.innerJoin(consultant, eq(consultant.resourceId, consultation.consultantId))
		.where(where);
}

/** May the actor see this consultation at all (its school's users, its department's staff)? */
export const maySee = (actor: SessionUser, row: { schoolId: string | null; departmentId: string }) => can(actor, 'consultations.view', thingOf(row));

async function names(rows: Row[]) {
	const userIds = [...new Set(rows.flatMap((r) => [r.bookedBy]))];
	const consultantIds = [...new Set(rows.map((r) => r.consultantId))];
	const roomIds = [...new Set(rows.map((r) => r.roomId).filter((id): id is string => id !== null))];
	const schoolIds = [...new Set(rows.map((r) => r.schoolId).filter((id): id is string => id !== null))];
	const [users, consultants, rooms, schools] = await Promise.all([
		userIds.length ? db.select({ id: appUser.id, name: appUser.name, email: appUser.email }).from(appUser).where(inArray(appUser.id, userIds)) : [],
		consultantIds.length
			? db.select({ id: consultant.resourceId, name: appUser.name }).from(consultant).innerJoin(appUser, eq(appUser.id, consultant.userId)).where(inArray(consultant.resourceId, consultantIds))
			: [],
		roomIds.length ? db.select({ id: room.resourceId, nameKo: room.nameKo, nameEn: room.nameEn }).from(room).where(inArray(room.resourceId, roomIds)) : [],
		schoolIds.length ? db.select({ id: school.id, nameKo: school.nameKo, nameEn: school.nameEn, phone: school.phone }).from(school).where(inArray(school.id, schoolIds)) : []
	]);
	return {
		user: new Map(users.map((u) => [u.id, u])),
		consultant: new Map(consultants.map((c) => [c.id, c.name])),
		room: new Map(rooms.map((r) => [r.id, r])),
		school: new Map(schools.map((s) => [s.id, s]))
	};
}

function viewOf(actor: SessionUser, row: Row, n: Awaited<ReturnType<typeof names>>, now: Date): ConsultationView {
	const thing = thingOf(row);
	const holding = isHolding(row.status);
	const beforeCutoff = row.startsAt.getTime() - row.cancelCutoffMinutes * MINUTE_MS > now.getTime();
	const ownSchool = actor.role === 'school_user' && actor.schoolId === row.schoolId;
	const handle = can(actor, 'consultations.handle', thing);
	const user = n.user.get(row.bookedBy);
	const roomRow = row.roomId ? n.room.get(row.roomId) : undefined;
	const schoolRow = row.schoolId ? n.school.get(row.schoolId) : undefined;
	return {
		id: row.id,
		reference: row.reference,
		status: row.status,
		start: row.startsAt.toISOString(),
		end: row.endsAt.toISOString(),
		mode: row.mode,
		department: { id: row.departmentId, code: row.departmentCode, nameKo: row.departmentKo, nameEn: row.departmentEn },
		topic: { id: row.topicId, nameKo: row.topicKo, nameEn: row.topicEn },
		consultant: { id: row.consultantId, name: n.consultant.get(row.consultantId) ?? '', titleKo: row.consultantTitleKo, titleEn: row.consultantTitleEn },
		room: roomRow ? { id: roomRow.id, nameKo: roomRow.nameKo, nameEn: roomRow.nameEn } : null,
		school: schoolRow ? { id: schoolRow.id, nameKo: schoolRow.nameKo, nameEn: schoolRow.nameEn, phone: schoolRow.phone } : null,
		booker: user ? { name: user.name, email: user.email } : null,
		...(can(actor, 'consultations.read_description', thing) ? { description: row.description } : {}),
		...(can(actor, 'consultations.read_note', thing) ? { outcomeNote: row.outcomeNote } : {}),
		cancelReason: row.cancelReason,
		decisionReason: row.decisionReason,
		caseErased: row.caseErasedAt !== null,
		createdAt: row.createdAt.toISOString(),
		may: {
			cancel: holding && ((ownSchool && beforeCutoff) || (handle && row.startsAt > now)),
			reschedule: holding && ((ownSchool && beforeCutoff) || (handle && row.startsAt > now)),
			handle,
			readNote: can(actor, 'consultations.read_note', thing)
		}
	};
}

/** Is reading this view's case text a read of a mediation case (to log)? */
const readsCase = (row: Row, view: ConsultationView) =>
	row.departmentCode === MEDIATION_DEPARTMENT_CODE && ('description' in view || 'outcomeNote' in view) && row.caseErasedAt === null;

/** Write one access-log row per mediation case read, in the request that read it. */
async function logCaseReads(actor: SessionUser, rows: { id: string; reference: string }[], purpose: 'view' | 'export', clientAddress: string | null) {
	if (rows.length === 0) return;
	await db.insert(caseAccessLog).values(rows.map((r) => ({ consultationId: r.id, reference: r.reference, actorId: actor.id, purpose, clientAddress, at: clock.now() })));
}

/**
 * One consultation, for whoever may see it (its school, its department); anyone else gets the
 * same 404 as for a missing one. A read of a mediation case's text is logged.
 */
export async function get(actor: SessionUser, id: string, { clientAddress = null }: { clientAddress?: string | null } = {}): Promise<ConsultationView> {
	const [row] = await rowsWhere(eq(consultation.id, id));
	if (!row || !maySee(actor, row)) throw new NotFoundError();
	const view = viewOf(actor, row, await names([row]), clock.now());
	if (readsCase(row, view)) await logCaseReads(actor, [row], 'view', clientAddress);
	return view;
}

/**
 * One consultation without its case text (an .ics, a notice): for whoever may see it, a 404 for
 * anyone else; nothing is read that needs logging.
 */
export async function summary(actor: SessionUser, id: string): Promise<Omit<ConsultationView, 'description' | 'outcomeNote'>> {
	const [row] = await rowsWhere(eq(consultation.id, id));
	if (!row || !maySee(actor, row)) throw new NotFoundError();
	const { description: _d, outcomeNote: _o, ...view } = viewOf(actor, row, await names([row]), clock.now());
	return view;
}

/** The caller's own consultations: a school user's school's, department staff's department's queue. */
export async function listFor(actor: SessionUser): Promise<ConsultationView[]> {
	if (actor.role === 'school_user' && actor.schoolId) return list(actor, { schoolId: actor.schoolId });
	if (actor.role === 'department_staff' && actor.departmentId) return list(actor, { departmentId: actor.departmentId });
	throw new ForbiddenError();
}

/**
 * A school's consultations (any of its users), or a department's queue: newest first for the
 * school, by start for the department. Lists never carry case text (it is read one by one, logged).
 */
export async function list(actor: SessionUser, scope: { schoolId: string } | { departmentId: string }): Promise<ConsultationView[]> {
	const allowed =
		'schoolId' in scope ? can(actor, 'consultations.view', { schoolId: scope.schoolId, departmentId: null }) : can(actor, 'consultations.handle', { departmentId: scope.departmentId });
	if (!allowed) throw new ForbiddenError();
	const where = 'schoolId' in scope ? eq(consultation.schoolId, scope.schoolId) : eq(consultation.departmentId, scope.departmentId);
	const rows = await rowsWhere(and(where)).orderBy('schoolId' in scope ? desc(reservation.startsAt) : asc(reservation.startsAt));
	const n = await names(rows);
	const now = clock.now();
	return rows.map((r) => {
		const { description: _d, outcomeNote: _o, ...view } = viewOf(actor, r, n, now);
		return view;
	});
}

async function rowFor(actor: SessionUser, id: string): Promise<Row> {
	const [row] = await rowsWhere(eq(consultation.id, id));
	if (!row || !maySee(actor, row)) throw new NotFoundError();
	return row;
}

async function factsOfRow(row: Row): Promise<ConsultationFacts> {
	const n = await names([row]);
	const roomRow = row.roomId ? n.room.get(row.roomId) : undefined;
	return {
		reference: row.reference,
		departmentKo: row.departmentKo,
		departmentEn: row.departmentEn,
		topicKo: row.topicKo,
		topicEn: row.topicEn,
		consultantName: n.consultant.get(row.consultantId) ?? '',
		mode: row.mode,
		roomKo: roomRow?.nameKo ?? null,
		roomEn: roomRow?.nameEn ?? null,
		start: row.startsAt,
		end: row.endsAt
	};
}

/**
 * Cancel: the school before the topic's cutoff, the department's staff before the start (with a
 * reason the school is told). Every hold (the consultant's and the room's) is released together.
 */
export async function cancel(actor: SessionUser, id: string, reason: string | null): Promise<void> {
	const row = await rowFor(actor, id);
	const view = viewOf(actor, row, await names([row]), clock.now());
	if (!isHolding(row.status)) throw new ConflictError('consultation_not_open');
	if (!view.may.cancel) throw new ValidationError([{ rule: 'cutoff', messageKey: 'consultation_cancel_cutoff' }]);
	const byStaff = view.may.handle;
	if (byStaff && !reason) throw new ValidationError([{ rule: 'reason', messageKey: 'consultation_reason_required' }]);
	const facts = await factsOfRow(row);
	await transitions.cancel(actor.id, { bookingId: id }, {
		reason,
		before: { status: row.status },
		scope: 'one',
		words: byStaff ? async (bookings, booker) => changeMail('cancelled', facts, bookings[0]!, reason, booker.name) : undefined
	});
}

/** The department confirms a request; the school is told. */
export async function confirm(actor: SessionUser, id: string): Promise<void> {
	const row = await rowFor(actor, id);
	if (!can(actor, 'consultations.handle', thingOf(row))) throw new ForbiddenError();
	const facts = await factsOfRow(row);
	await transitions.decide(actor.id, id, 'confirmed', { reason: null, words: async (booking, booker) => changeMail('confirmed', facts, booking, null, booker.name) });
}

/** Completed (after its end) or no-show (after its start), by the department. */
export async function finish(actor: SessionUser, id: string, outcome: 'completed' | 'no_show'): Promise<void> {
	const row = await rowFor(actor, id);
	if (!can(actor, 'consultations.handle', thingOf(row))) throw new ForbiddenError();
	if (!(await transitions.finish(actor.id, id, outcome)))
		throw new ConflictError(outcome === 'completed' ? 'consultation_not_ended' : 'consultation_not_started');
}

/** The department's outcome note (never shown to the school), audited without its text. */
export async function writeNote(actor: SessionUser, id: string, note: string): Promise<void> {
	const row = await rowFor(actor, id);
	if (!can(actor, 'consultations.handle', thingOf(row))) throw new ForbiddenError();
	if (row.caseErasedAt) throw new ConflictError('consultation_case_erased');
	await db.transaction(async (tx) => {
		await tx.update(consultation).set({ outcomeNote: note, noteBy: actor.id, noteAt: clock.now() }).where(eq(consultation.id, id));
		await audit.record(tx, { actorId: actor.id, action: 'consultation.note', entity: 'consultation', entityId: id, after: { length: note.length } });
	});
}

/**
 * Move to another start (the school before its cutoff, the department before the start): the same
 * consultant and room, checked against the slots and the engine's holds; a taken time answers 409
 * with the next free ones.
 */
export async function reschedule(actor: SessionUser, id: string, start: Date): Promise<ConsultationView> {
	const row = await rowFor(actor, id);
	const now = clock.now();
	const view = viewOf(actor, row, await names([row]), now);
	if (!isHolding(row.status)) throw new ConflictError('consultation_not_open');
	if (!view.may.reschedule) throw new ValidationError([{ rule: 'cutoff', messageKey: 'consultation_cancel_cutoff' }]);
	return moveTo(actor, row, { start, consultantId: row.consultantId }, view.may.handle ? 'rescheduled' : null);
}

/** The department hands a consultation to a colleague, checked against the colleague's holds. */
export async function reassign(actor: SessionUser, id: string, consultantId: string): Promise<ConsultationView> {
	const row = await rowFor(actor, id);
	if (!can(actor, 'consultations.handle', thingOf(row))) throw new ForbiddenError();
	if (!isHolding(row.status)) throw new ConflictError('consultation_not_open');
	const colleague = await consultantById(consultantId);
	if (!colleague || colleague.departmentId !== row.departmentId)
		throw new ValidationError([{ rule: 'consultantId', messageKey: 'consultation_consultant_unknown' }]);
	return moveTo(actor, row, { start: row.startsAt, consultantId }, 'reassigned');
}

async function moveTo(actor: SessionUser, row: Row, to: { start: Date; consultantId: string }, tell: 'rescheduled' | 'reassigned' | null): Promise<ConsultationView> {
	const found = await loadTopic(row.topicId);
	if (!found) throw new NotFoundError();
	const now = clock.now();
	const end = new Date(to.start.getTime() + found.topic.durationMinutes * MINUTE_MS);
	const sameTime = to.start.getTime() === row.startsAt.getTime();
	if (!sameTime || to.consultantId !== row.consultantId) {
		// The new time (or the colleague's time) must be a slot their template offers, their leave
		// and the center's closures considered; holds aside: the engine decides clashes.
		const date = seoulDate(to.start);
		const offered = (await searchSlots(found, { from: date, to: date, mode: row.mode as ConsultationMode, consultantId: to.consultantId, ignoreHolds: true }, now)).slots;
		if (!offered.some((s) => s.start === to.start.getTime()))
			throw new ValidationError([{ rule: 'start', messageKey: 'consultation_slot_not_offered' }]);
	}
	const [before] = await db.select().from(reservation).where(eq(reservation.id, row.id));
	if (!before) throw new NotFoundError();
	// Read before the move's transaction: its callbacks run inside it (one connection on PGlite).
	const consultantName = to.consultantId === row.consultantId ? null : ((await consultantById(to.consultantId))?.name ?? '');
	const base = await factsOfRow(row);
	const facts = { ...base, start: to.start, end, consultantName: consultantName ?? base.consultantName };
	try {
		await transitions.move(
			actor.id,
			before,
			{ start: to.start, end, heldFrom: to.start, heldUntil: new Date(end.getTime() + found.topic.bufferMinutes * MINUTE_MS), resourceId: to.consultantId },
			{
				words: async (booking, booker) => (tell ? changeMail(tell, facts, booking, null, booker.name) : null),
				// The service's record follows its principal hold, in the move's transaction.
				alsoWrite: async (tx) => {
					if (to.consultantId !== row.consultantId) await tx.update(consultation).set({ consultantId: to.consultantId }).where(eq(consultation.id, row.id));
				}
			}
		);
	} catch (error) {
		if (error instanceof ConflictError && error.messageKey === 'booking_conflict') {
			const alternatives = await nextSlots(found, { start: to.start, mode: row.mode as ConsultationMode, consultantId: to.consultantId }, now);
			throw new ConflictError<{ alternatives: SlotAlternative[] }>('consultation_slot_taken').with({ alternatives });
		}
		throw error;
	}
	return get(actor, row.id);
}

/** The reference and start of a booking just made (the API's answer). */
export async function created(id: string) {
	const [row] = await db
		.select({ id: consultation.id, reference: consultation.reference, mode: consultation.mode, roomId: consultation.roomId, status: reservation.status, start: reservation.startsAt, end: reservation.endsAt })
		.from(consultation)
		.innerJoin(reservation, eq(reservation.id, consultation.id))
		.where(eq(consultation.id, id));
	if (!row) throw new NotFoundError();
	return { id: row.id, reference: row.reference, start: row.start.toISOString(), end: row.end.toISOString(), mode: row.mode, status: row.status, ...(row.roomId ? { roomId: row.roomId } : {}) };
}

