/**
 * Registering people for a training session, and cancelling. Every change of a session's seats
 * happens in a transaction that first takes the session's row lock (SELECT … FOR UPDATE): the
 * counters it then reads are final, so of any number of simultaneous requests — from any number
 * of app processes — exactly `capacity` get a seat and the rest a place in line, numbered without
 * gaps or repeats. A cancellation promotes the first person waiting in the same transaction and
 * tells them through the outbox. One person (a normalised e-mail) holds one session of a
 * programme: a partial unique index decides between simultaneous requests.
 */
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import type { ParticipantInput } from '../../schemas/trainings';
import { formatDateTime, type Locale } from '../../time/format';
import { HOLDING_REGISTRATION, type RegistrationStatus } from '../../trainings';
import * as audit from '../audit';
import type { SessionUser } from '../auth/sessions';
import { can } from '../auth/permissions';
import * as clock from '../clock';
import { db, type Executor } from '../db';
import { isUniqueViolation } from '../db/errors';
import { isUuid } from '../db/sql';
import { trainingProgramme, trainingRegistration, trainingSession } from '../db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { letter } from '../notifications/letter';
import { enqueue } from '../notifications/outbox';
import { withRetry } from '../engine/retry';
import { mayManage } from './programmes';
import { drawOrder, inLotteryPool, land, mayCancel, personKey, refusals } from './rules';
import { encodeHexLowerCase } from '@oslojs/encoding';

/** The partial unique index that keeps one person to one session of a programme. */
const ONE_PER_PROGRAMME = 'training_registration_one_per_programme';

export interface Registered {
	id: string;
	email: string;
	status: Extract<RegistrationStatus, 'confirmed' | 'waitlisted' | 'pending_draw'>;
	/** The place in line while waiting (1 = next), at the time of the answer. */
	position?: number;
}

/** The session with its programme, locked for the rest of the transaction. */
async function lockSession(tx: Executor, sessionId: string) {
	const [row] = await tx
		.select({ s: trainingSession, titleKo: trainingProgramme.titleKo, titleEn: trainingProgramme.titleEn, departmentId: trainingProgramme.departmentId })
		.from(trainingSession)
		.innerJoin(trainingProgramme, eq(trainingProgramme.id, trainingSession.programmeId))
		.where(eq(trainingSession.id, sessionId))
		.for('update', { of: trainingSession });
	return row ?? null;
}

/** Who registers for whom: a school user for their school; staff of the department (or an admin) for anyone (an import). */
function registrar(actor: SessionUser, departmentId: string): { schoolId: string | null } {
	if (can(actor, 'trainings.register') && actor.schoolId) return { schoolId: actor.schoolId };
	if (mayManage(actor, departmentId)) return { schoolId: null };
	throw new ForbiddenError();
}

/**
 * Register `participants` for the session: each lands on a seat while any is left, then on the
 * waiting list (or, in a lottery's first minutes, in its pool). Refusals: ValidationError before
 * opening, after closing, over the school's cap; ConflictError('training_person_holds') naming the
 * session a person already holds in the programme; nothing is stored then.
 */
export async function register(
	actor: SessionUser,
	sessionId: string,
	participants: ParticipantInput[],
	options: { alsoWrite?: (answer: { status: number; body: { registrations: Registered[] } }) => SQL } = {}
): Promise<Registered[]> {
	if (!isUuid(sessionId)) throw new NotFoundError();
	const people = participants.map((p) => ({ ...p, email: personKey(p.email) }));
	try {
		return await withRetry(() =>
			db.transaction(async (tx) => {
				const now = clock.now();
				const found = await lockSession(tx, sessionId);
				if (!found) throw new NotFoundError();
				const { s } = found;
				const { schoolId } = registrar(actor, found.departmentId);
				// What the school holds counts only against a cap: no query on the rush's path without one.
				const [{ held }] = schoolId && s.perSchoolCap !== null
					? ((await tx
							.select({ held: count() })
							.from(trainingRegistration)
							.where(and(eq(trainingRegistration.sessionId, s.id), eq(trainingRegistration.schoolId, schoolId), inArray(trainingRegistration.status, [...HOLDING_REGISTRATION])))) as [{ held: number }])
					: [{ held: 0 }];
				const refused = refusals(s, now, { count: people.length, schoolHeld: Number(held) }, { opensAt: formatDateTime(s.opensAt, 'ko'), closesAt: formatDateTime(s.closesAt, 'ko') });
				if (refused.length) throw new ValidationError(refused);
				const { landings, confirmedCount, waitingSeq } = land(s, people.length, inLotteryPool(s, now, s.drawnAt !== null));
				const rows = await tx
					.insert(trainingRegistration)
					.values(
						people.map((p, i) => ({
							sessionId: s.id,
							programmeId: s.programmeId,
							schoolId,
							registeredBy: actor.id,
							name: p.name,
							position: p.position,
							email: p.email,
							phone: p.phone,
							status: landings[i]!.status,
							waitingNumber: 'waitingNumber' in landings[i]! ? (landings[i] as { waitingNumber: number }).waitingNumber : null,
							createdAt: now,
							updatedAt: now
						}))
					)
					.returning({ id: trainingRegistration.id, email: trainingRegistration.email, status: trainingRegistration.status, waitingNumber: trainingRegistration.waitingNumber });
				await tx.update(trainingSession).set({ confirmedCount, waitingSeq }).where(eq(trainingSession.id, s.id));
				// The place in line now: how many wait before (numbers of people who left no longer count).
				const ahead = waitingSeq > s.waitingSeq ? await waitingBefore(tx, s.id, s.waitingSeq + 1) : 0;
				for (const r of rows) await enqueue(tx, { to: r.email, ...registeredLetter('ko', found, r.status), kind: `training_${r.status}` });
				await audit.record(tx, { actorId: actor.id, action: 'training.register', entity: 'training_session', entityId: s.id, after: { registrations: rows.map((r) => r.id), confirmedCount, waitingSeq } });
				const answer: Registered[] = rows.map((r) => ({
					id: r.id,
					email: r.email,
					status: r.status as Registered['status'],
					...(r.status === 'waitlisted' ? { position: ahead + (r.waitingNumber! - s.waitingSeq) } : {})
				}));
				// The Idempotency-Key with its answer, in the same transaction: a retry gets this answer.
				if (options.alsoWrite) await tx.execute(options.alsoWrite({ status: 201, body: { registrations: answer } }));
				return answer;
			})
		);
	} catch (error) {
		if (!isUniqueViolation(error, ONE_PER_PROGRAMME)) throw error;
		// Someone of the request holds another session of the programme (perhaps since a moment ago).
		const holder = await heldElsewhere(sessionId, people.map((p) => p.email));
		throw new ConflictError('training_person_holds', holder ? { email: holder.email, session: holder.session } : { email: '', session: '' });
	}
}

/** How many people wait in the session with a number below `number` (their place is that plus one). */
async function waitingBefore(tx: Executor, sessionId: string, number: number): Promise<number> {
	const [row] = await tx
		.select({ n: count() })
		.from(trainingRegistration)
		.where(and(eq(trainingRegistration.sessionId, sessionId), eq(trainingRegistration.status, 'waitlisted'), sql`${trainingRegistration.waitingNumber} < ${number}`));
	return Number(row?.n ?? 0);
}

/** The first of `emails` that holds a session of the session's programme, and that session in words. */
async function heldElsewhere(sessionId: string, emails: string[]): Promise<{ email: string; session: string } | null> {
	const [row] = await db
		.select({ email: trainingRegistration.email, startsAt: trainingSession.startsAt, venue: trainingSession.venueName })
		.from(trainingRegistration)
		.innerJoin(trainingSession, eq(trainingSession.id, trainingRegistration.sessionId))
		.where(
			and(
				sql`${trainingRegistration.programmeId} = (select programme_id from training_session where id = ${sessionId}::uuid)`,
				inArray(trainingRegistration.email, emails),
				inArray(trainingRegistration.status, [...HOLDING_REGISTRATION])
			)
		)
		.limit(1);
	return row ? { email: row.email, session: formatDateTime(row.startsAt, 'ko') } : null;
}

type LockedSession = NonNullable<Awaited<ReturnType<typeof lockSession>>>;

function registeredLetter(locale: Locale, found: LockedSession, status: RegistrationStatus) {
	const title = locale === 'en' ? found.titleEn : found.titleKo;
	const when = formatDateTime(found.s.startsAt, locale);
	const lead = status === 'confirmed' ? m.training_mail_confirmed_lead : status === 'waitlisted' ? m.training_mail_waitlisted_lead : m.training_mail_pending_lead;
	return letter(locale, {
		subject: m.training_mail_subject({ title }, { locale }),
		greeting: m.training_mail_greeting({}, { locale }),
		lead: lead({ title, when }, { locale })
	});
}

export interface Cancelled {
	id: string;
	/** The person who got the seat, if the cancelled one held it and someone was waiting. */
	promoted: { id: string; email: string } | null;
}

/**
 * Cancel a registration (its school before the cutoff, the department's staff until the end). A
 * seat it held goes to the first person waiting, in the same transaction, who is told by e-mail.
 */
export async function cancel(actor: SessionUser, registrationId: string): Promise<Cancelled> {
	if (!isUuid(registrationId)) throw new NotFoundError();
	const [target] = await db.select({ sessionId: trainingRegistration.sessionId }).from(trainingRegistration).where(eq(trainingRegistration.id, registrationId));
	if (!target) throw new NotFoundError();
	return withRetry(() =>
		db.transaction(async (tx) => {
			const now = clock.now();
			const found = await lockSession(tx, target.sessionId);
			if (!found) throw new NotFoundError();
			const { s } = found;
			const [reg] = await tx.select().from(trainingRegistration).where(eq(trainingRegistration.id, registrationId));
			if (!reg) throw new NotFoundError();
			const staff = mayManage(actor, found.departmentId);
			if (!staff && !(actor.schoolId && actor.schoolId === reg.schoolId)) throw new NotFoundError();
			if (!(HOLDING_REGISTRATION as readonly string[]).includes(reg.status)) throw new ConflictError('training_not_held');
			if (!mayCancel(s, now, staff)) throw new ConflictError('training_cutoff_passed', { cutoff: formatDateTime(s.cancelCutoff ?? s.startsAt, 'ko') });
			await tx.update(trainingRegistration).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(trainingRegistration.id, reg.id));
			let promoted: Cancelled['promoted'] = null;
			if (reg.status === 'confirmed') {
				const [next] = await tx
					.select({ id: trainingRegistration.id, email: trainingRegistration.email })
					.from(trainingRegistration)
					.where(and(eq(trainingRegistration.sessionId, s.id), eq(trainingRegistration.status, 'waitlisted')))
					.orderBy(asc(trainingRegistration.waitingNumber))
					.limit(1);
				if (next) {
					await tx.update(trainingRegistration).set({ status: 'confirmed', promotedAt: now, updatedAt: now }).where(eq(trainingRegistration.id, next.id));
					await enqueue(tx, { to: next.email, ...promotedLetter('ko', found), kind: 'training_promoted' });
					promoted = next;
				} else await tx.update(trainingSession).set({ confirmedCount: s.confirmedCount - 1 }).where(eq(trainingSession.id, s.id));
			}
			await audit.record(tx, { actorId: actor.id, action: 'training.cancel', entity: 'training_registration', entityId: reg.id, after: { promoted: promoted?.id ?? null } });
			return { id: reg.id, promoted };
		})
	);
}

function promotedLetter(locale: Locale, found: LockedSession) {
	const title = locale === 'en' ? found.titleEn : found.titleKo;
	return letter(locale, {
		subject: m.training_mail_promoted_subject({ title }, { locale }),
		greeting: m.training_mail_greeting({}, { locale }),
		lead: m.training_mail_promoted_lead({ title, when: formatDateTime(found.s.startsAt, locale) }, { locale })
	});
}

/** A session's counts as stored (for tests and the roster): seats taken, people waiting. */
export async function counts(sessionId: string): Promise<{ confirmed: number; waiting: number; capacity: number }> {
	const [row] = await db
		.select({
			capacity: trainingSession.capacity,
			confirmed: sql<number>`(select count(*)::int from ${trainingRegistration} r where r.session_id = training_session.id and r.status = 'confirmed')`,
			waiting: sql<number>`(select count(*)::int from ${trainingRegistration} r where r.session_id = training_session.id and r.status = 'waitlisted')`
		})
		.from(trainingSession)
		.where(eq(trainingSession.id, sessionId));
	if (!row) throw new NotFoundError();
	return { capacity: row.capacity, confirmed: Number(row.confirmed), waiting: Number(row.waiting) };
}

export interface DrawResult {
	seed: string;
	confirmed: number;
	waitlisted: number;
	/** In drawn order: each request's ticket and where it landed. */
	log: { id: string; ticket: string; status: 'confirmed' | 'waitlisted'; waitingNumber: number | null }[];
}

/**
 * Draw a lottery session's pool (the department's staff, once its period is over): seats go in
 * the order of drawOrder(seed) while any is left, the rest join the line in that order after
 * anyone already waiting. The seed (random unless given) and the log are stored with the session
 * and published, so anyone can re-run it; each person is told. Under the session's row lock, once.
 */
export async function draw(actor: SessionUser, sessionId: string, seed = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(16)))): Promise<DrawResult> {
	if (!isUuid(sessionId)) throw new NotFoundError();
	return withRetry(() =>
		db.transaction(async (tx) => {
			const now = clock.now();
			const found = await lockSession(tx, sessionId);
			if (!found) throw new NotFoundError();
			const { s } = found;
			if (!mayManage(actor, found.departmentId)) throw new ForbiddenError();
			if (s.mode !== 'lottery') throw new ConflictError('training_not_lottery');
			if (s.drawnAt) throw new ConflictError('training_already_drawn');
			if (inLotteryPool(s, now, false)) throw new ConflictError('training_draw_too_early', { at: formatDateTime(new Date(s.opensAt.getTime() + (s.lotteryMinutes ?? 0) * 60_000), 'ko') });
			const pool = await tx
				.select({ id: trainingRegistration.id, email: trainingRegistration.email })
				.from(trainingRegistration)
				.where(and(eq(trainingRegistration.sessionId, s.id), eq(trainingRegistration.status, 'pending_draw')));
			const order = drawOrder(seed, pool.map((p) => p.id));
			const { landings, confirmedCount, waitingSeq } = land(s, order.length, false);
			const log = order.map((o, i) => {
				const l = landings[i]!;
				return { id: o.id, ticket: o.ticket, status: l.status as 'confirmed' | 'waitlisted', waitingNumber: l.status === 'waitlisted' ? l.waitingNumber : null };
			});
			const seated = log.filter((l) => l.status === 'confirmed').map((l) => l.id);
			if (seated.length) await tx.update(trainingRegistration).set({ status: 'confirmed', updatedAt: now }).where(inArray(trainingRegistration.id, seated));
			for (const l of log.filter((x) => x.status === 'waitlisted'))
				await tx.update(trainingRegistration).set({ status: 'waitlisted', waitingNumber: l.waitingNumber, updatedAt: now }).where(eq(trainingRegistration.id, l.id));
			await tx.update(trainingSession).set({ confirmedCount, waitingSeq, drawSeed: seed, drawLog: log, drawnAt: now }).where(eq(trainingSession.id, s.id));
			const emailOf = new Map(pool.map((p) => [p.id, p.email]));
			for (const l of log) await enqueue(tx, { to: emailOf.get(l.id)!, ...registeredLetter('ko', found, l.status), kind: `training_drawn_${l.status}` });
			await audit.record(tx, { actorId: actor.id, action: 'training.draw', entity: 'training_session', entityId: s.id, after: { seed, confirmed: seated.length, waitlisted: log.length - seated.length } });
			return { seed, confirmed: seated.length, waitlisted: log.length - seated.length, log };
		})
	);
}
