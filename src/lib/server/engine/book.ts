import type { SQL } from 'drizzle-orm';
import * as audit from '../audit';
import type { SessionUser } from '../auth/sessions';
import * as clock from '../clock';
import { db, type Executor } from '../db';
import { ForbiddenError, type Violation } from '../errors';
import * as idempotency from '../idempotency';
import * as outbox from '../notifications/outbox';
import { clashes, insertAudited, insertMany, lockResources, type NewHold } from './holds.store';
import { admit, countAll, isLimitExceeded, lockLimits, type Limit } from './limits';
import type { Loaded, PlannedOccurrence, Policy } from './policy';
import { statusOf, type BookResult, type Booked, type Created, type OccurrenceOutcome, type Refused, type Skipped } from './result';
import { isOverlap, withRetry } from './retry';
import { deleteSeries, insertSeries } from './series.store';
import type { SeriesDescription } from './recurrence';

/** A series whose policy did not describe its rule (a service without repeat rules of its own). */
const UNDESCRIBED_SERIES: SeriesDescription = { rule: '', params: { kind: 'weekly', weekdays: [] }, exceptions: [] };

export interface BookOptions {
	/** Answer once per (actor, key): a retry with the same key and request gets the first answer. */
	idempotency?: { key: string; requestHash: string };
	/**
	 * A write to make atomically with the booking (one data-modifying statement without
	 * RETURNING), given the answer: if either is refused, neither happens. The idempotency key
	 * is written this way.
	 */
	alsoWrite?: AlsoWrite;
}

type AlsoWrite = (created: Created) => SQL;

/**
 * The one booking entry point of every service: hold what the policy says, all or nothing, in
 * one transaction (one statement on the hot path). Every broken rule comes back at once; a clash
 * found by PostgreSQL's exclusion constraint comes back naming the resource and the time; limits
 * are counted again under their locks. With an idempotency key the answer is kept,
 * language-neutral, with the booking itself.
 */
export async function book<Input, Target, Alternative>(
	actor: SessionUser,
	policy: Policy<Input, Target, Alternative>,
	input: Input,
	options: BookOptions = {}
): Promise<BookResult<Alternative>> {
	if (!policy.mayBook(actor)) throw new ForbiddenError();
	const once = options.idempotency;
	if (!once) return loadAndBook(actor, policy, input, options.alsoWrite);
	const answer = await idempotency.once(actor.id, once.key, once.requestHash, async (claim) => {
		const result = await loadAndBook(actor, policy, input, (created) => claim.insert({ status: 201, body: created }));
		// A booking wrote its key itself, in its own statement or transaction; a refusal is kept by `once`.
		return { status: statusOf(result), body: result, kept: result.outcome === 'created' };
	});
	return answer.body as BookResult<Alternative>;
}

async function loadAndBook<Input, Target, Alternative>(
	actor: SessionUser,
	policy: Policy<Input, Target, Alternative>,
	input: Input,
	alsoWrite?: AlsoWrite
): Promise<BookResult<Alternative>> {
	const now = clock.now();
	const loaded = await policy.load(actor, input, now);
	if (!loaded) return { outcome: 'invalid', violations: [policy.unknownTarget] };
	const loadedAttempt = { actor, policy, input, loaded, now, alsoWrite };
	return loaded.recurring ? bookSeries(loadedAttempt) : bookOne(loadedAttempt);
}

/** One request on its way: who books, with which service's policy, what, and what the policy loaded. */
interface Attempt<Input, Target, Alternative> {
	actor: SessionUser;
	policy: Policy<Input, Target, Alternative>;
	input: Input;
	loaded: Loaded<Target>;
	now: Date;
	alsoWrite: AlsoWrite | undefined;
}

/** The rows of one occurrence's holds; the first hold's id names the booking. */
function holdRows(loaded: Loaded<unknown>, occurrence: PlannedOccurrence, seriesId: string | null): NewHold[] {
	const bookingId = crypto.randomUUID();
	return occurrence.holds.map((h, i) => ({
		id: i === 0 ? bookingId : crypto.randomUUID(),
		resourceId: h.resourceId,
		startsAt: occurrence.start,
		endsAt: occurrence.end,
		heldFrom: h.heldFrom,
		heldUntil: h.heldUntil,
		status: loaded.status,
		...loaded.details,
		seriesId,
		bookingId
	}));
}

function bookedOf(rows: NewHold[]): Booked {
	const first = rows[0]!;
	return {
		id: first.id,
		start: first.startsAt.toISOString(),
		end: first.endsAt.toISOString(),
		status: first.status as Booked['status'],
		seriesId: first.seriesId,
		holds: rows.map((r) => ({ id: r.id, resourceId: r.resourceId }))
	};
}

async function bookOne<Input, Target, Alternative>(attempt: Attempt<Input, Target, Alternative>): Promise<BookResult<Alternative>> {
	const { actor, policy, input, loaded, now, alsoWrite } = attempt;
	const occurrence = loaded.planned ?? (await policy.plan(actor, loaded.target, input, now, db))[0]!;
	const withAlternatives = async (refused: Refused<Alternative>): Promise<Refused<Alternative>> => ({
		...refused,
		alternatives: await policy.alternatives(actor, loaded.target, input, clock.now())
	});
	if (occurrence.violations.length) return withAlternatives({ outcome: 'invalid', violations: occurrence.violations });

	// The ids are chosen here so the answer is known before the insert and can be written with it.
	const rows = holdRows(loaded, occurrence, null);
	const created: Created = { outcome: 'created', seriesId: null, created: [bookedOf(rows)], skipped: [] };
	const { limits } = occurrence;
	const notices = (await policy.notices?.(actor, loaded, created, db)) ?? [];
	try {
		const record = policy.record?.(loaded, created);
		await withRetry(() => insertAudited(db, rows, actor.id, 'reservation.create', { alsoWrite: alsoWrite?.(created), limits, notices, record }));
		return created;
	} catch (error) {
		if (isLimitExceeded(error)) {
			// Counted again under the limit's lock: simultaneous bookings took the rest of it.
			const used = await countAll(db, limits);
			const over = limits.filter((l) => used.get(l.key)! + l.amount > l.max);
			return withAlternatives({ outcome: 'invalid', violations: (over.length ? over : limits).map((l) => l.refusal(used.get(l.key)!)) });
		}
		if (!isOverlap(error)) throw error;
		const held = occurrence.holds;
		const conflicts = await clashes(
			held.map((h) => h.resourceId),
			new Date(Math.min(...held.map((h) => h.heldFrom.getTime()))),
			new Date(Math.max(...held.map((h) => h.heldUntil.getTime()))),
			db
		);
		return withAlternatives({ outcome: 'conflict', messageKey: 'booking_conflict', params: {}, conflicts: conflicts.filter((c) => overlapsAnyHold(c, held)) });
	}
}

function overlapsAnyHold(c: { resourceId: string; start: string; end: string }, held: PlannedOccurrence['holds']): boolean {
	return held.some((h) => h.resourceId === c.resourceId && new Date(c.start) < h.heldUntil && new Date(c.end) > h.heldFrom);
}

function outcomeOf(o: PlannedOccurrence, limitViolations: Violation[] = []): OccurrenceOutcome {
	const violations = [...o.violations, ...limitViolations];
	return {
		start: o.start.toISOString(),
		end: o.end.toISOString(),
		state: violations.length ? 'invalid' : o.conflicts.length ? 'conflict' : 'free',
		violations,
		conflicts: o.conflicts
	};
}

/**
 * Book the free occurrences of a series in one transaction: the resources' locks first, then the
 * plan made again under them (clashes, closures, rules), then the limits counted under theirs
 * (the series' own earlier occurrences count too), then one insert of every occurrence that fits.
 * An occurrence someone took meanwhile is skipped, not fatal.
 */
async function bookSeries<Input, Target, Alternative>(attempt: Attempt<Input, Target, Alternative>): Promise<BookResult<Alternative>> {
	const seriesId = crypto.randomUUID();
	try {
		return await bookSeriesUnderLock(attempt, seriesId);
	} catch (error) {
		// Occurrences of several holds are inserted all or none; the plan under the locks found
		// them free, so only a writer that skipped the locks can clash here. Still an answer, not a 500.
		if (!isOverlap(error)) throw error;
		return { outcome: 'conflict', messageKey: 'booking_series_all_taken', params: {}, conflicts: [] };
	}
}

async function bookSeriesUnderLock<Input, Target, Alternative>(
	attempt: Attempt<Input, Target, Alternative>,
	seriesId: string
): Promise<BookResult<Alternative>> {
	const { actor, policy, input, loaded, now, alsoWrite } = attempt;
	return withRetry(() =>
		db.transaction(async (tx): Promise<BookResult<Alternative>> => {
			await lockResources(tx, loaded.resourceIds);
			const plan = await policy.plan(actor, loaded.target, input, now, tx);
			const limitViolations = await admitUnderLock(tx, plan);
			const occurrences = plan.map((o, i) => outcomeOf(o, limitViolations[i]));
			const free = plan.filter((_, i) => occurrences[i]!.state === 'free');
			if (free.length === 0) {
				const invalid = occurrences.find((o) => o.state === 'invalid');
				if (invalid) return { outcome: 'invalid', violations: invalid.violations, occurrences };
				return {
					outcome: 'conflict',
					messageKey: 'booking_series_all_taken',
					params: {},
					conflicts: occurrences.flatMap((o) => o.conflicts),
					occurrences
				};
			}
			const rows = free.map((o) => holdRows(loaded, o, seriesId));
			// The series row first: every hold names it (reservation.series_id references it).
			await insertSeries(tx, seriesId, loaded.series ?? UNDESCRIBED_SERIES, actor.id);
			// One resource per booking: a hold taken meanwhile is skipped. Several: all or none, so a clash refuses the insert.
			const singleHolds = rows.every((r) => r.length === 1);
			const inserted = new Set((await insertMany(tx, rows.flat(), { skipClashing: singleHolds })).map((r) => r.id));
			if (inserted.size === 0) {
				await deleteSeries(tx, seriesId);
				return { outcome: 'conflict', messageKey: 'booking_series_all_taken', params: {}, conflicts: [] };
			}
			const created = rows.filter((r) => inserted.has(r[0]!.id)).map(bookedOf);
			const skipped: Skipped[] = [
				...occurrences.filter((o) => o.state !== 'free').map(({ start, end, state, violations, conflicts }) => ({ start, end, state, violations, conflicts })),
				...rows
					.filter((r) => !inserted.has(r[0]!.id))
					.map((r) => ({ start: r[0]!.startsAt.toISOString(), end: r[0]!.endsAt.toISOString(), state: 'conflict' as const, violations: [], conflicts: [] }))
			];
			await audit.record(tx, {
				actorId: actor.id,
				action: 'reservation.create_series',
				entity: 'reservation_series',
				entityId: seriesId,
				after: { created: created.map((c) => c.id), skipped: skipped.map(({ start, end, state }) => ({ start, end, state })) }
			});
			skipped.sort((a, b) => a.start.localeCompare(b.start));
			const result: Created = { outcome: 'created', seriesId, created, skipped };
			// One mail per series (listing its dates), with the series' transaction.
			for (const notice of (await policy.notices?.(actor, loaded, result, tx)) ?? []) await outbox.mail(tx, notice.to, notice.mail);
			if (alsoWrite) await tx.execute(alsoWrite(result));
			return result;
		})
	);
}

/** The limits of the occurrences the plan found free, locked and counted in order; the refusals of each. */
async function admitUnderLock(tx: Executor, plan: PlannedOccurrence[]) {
	const fits = (o: PlannedOccurrence) => o.violations.length === 0 && o.conflicts.length === 0;
	const limits: Limit[][] = plan.map((o) => (fits(o) ? o.limits : []));
	await lockLimits(tx, [...new Set(limits.flat().map((l) => l.key))]);
	return admit(tx, limits);
}
