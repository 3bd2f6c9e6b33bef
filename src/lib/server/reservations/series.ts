import { sql } from 'drizzle-orm';
import { minutesBetween, seoulMonthRange } from '../../time/seoul';
import type { SessionUser } from '../auth/sessions';
import { db, type Executor } from '../db';
import { reservation } from '../db/schema';
import { instant, rowsOf } from '../db/sql';
import type { Violation } from '../errors';
import { closuresOverlapping, contextOf, schoolHoldsStartingIn, type RoomWithRules } from './context';
import { heldInterval } from './held';
import type { BookingInput } from './input';
import { occurrences } from './recurrence';
import { checkBooking } from './rules';

export interface Interval {
	start: string;
	end: string;
}

export type OccurrenceState = 'free' | 'conflict' | 'invalid';
export interface OccurrencePreview {
	start: string;
	end: string;
	state: OccurrenceState;
	violations: Violation[];
	conflicts: Interval[];
}

/**
 * Each occurrence of a series (or the one booking), marked free, in conflict with a booking, or
 * breaking a rule, from three queries whatever the series' length: the closures over its whole
 * span, the school's use of the room in the months it spans, and the clashes of all occurrences
 * at once. A school's quota counts the series' own earlier free occurrences too, so the free ones
 * together fit it. Inside the booking transaction, under the room's lock, this is also the final count.
 */
export async function planSeries(
	actor: Pick<SessionUser, 'role' | 'schoolId'>,
	target: RoomWithRules,
	input: BookingInput,
	now: Date,
	executor: Executor = db
): Promise<OccurrencePreview[]> {
	const list = input.recurrence ? occurrences(input, input.recurrence) : [{ start: input.start, end: input.end }];
	if (list.length === 0) return [];
	const resourceId = target.room.resourceId;
	const first = list[0]!;
	const last = list[list.length - 1]!;
	const quotaApplies = target.rules.monthlyQuotaMinutes !== null && actor.schoolId !== null;
	// At most three queries at once for one request, however many occurrences.
	const [closures, used, clashes] = await Promise.all([
		closuresOverlapping(resourceId, first.start, last.end, executor),
		quotaApplies
			? monthlyUse(resourceId, actor.schoolId!, seoulMonthRange(first.start).from, seoulMonthRange(last.start).to, executor)
			: new Map<string, number>(),
		clashesOfEach(resourceId, list.map((o) => heldInterval(o.start, o.end, target.rules)), executor)
	]);
	const planned = new Map<string, number>();
	return list.map(({ start, end }, i) => {
		const month = monthKey(start);
		const overlapping = closures.filter((c) => c.startsAt < end && c.endsAt > start);
		const usedMinutes = (used.get(month) ?? 0) + (planned.get(month) ?? 0);
		const violations = checkBooking(contextOf(target, actor, { start, end, attendees: input.attendees }, now, overlapping, usedMinutes));
		const conflicts = clashes[i]!;
		const state: OccurrenceState = violations.length ? 'invalid' : conflicts.length ? 'conflict' : 'free';
		if (state === 'free') planned.set(month, (planned.get(month) ?? 0) + minutesBetween(start, end));
		return { start: start.toISOString(), end: end.toISOString(), state, violations, conflicts };
	});
}

/** The Seoul calendar month of an instant, as a map key. */
function monthKey(at: Date): string {
	return seoulMonthRange(at).from.toISOString();
}

/** Minutes the school holds in the room per Seoul month, for bookings starting in [from, to). */
async function monthlyUse(resourceId: string, schoolId: string, from: Date, to: Date, executor: Executor): Promise<Map<string, number>> {
	const rows = await executor
		.select({ startsAt: reservation.startsAt, endsAt: reservation.endsAt })
		.from(reservation)
		.where(schoolHoldsStartingIn(resourceId, schoolId, { from, to }));
	const use = new Map<string, number>();
	for (const r of rows) use.set(monthKey(r.startsAt), (use.get(monthKey(r.startsAt)) ?? 0) + minutesBetween(r.startsAt, r.endsAt));
	return use;
}

/** For each held interval, the held intervals of the resource's holding reservations it overlaps: one query. */
async function clashesOfEach(resourceId: string, held: { heldFrom: Date; heldUntil: Date }[], executor: Executor): Promise<Interval[][]> {
	const wanted = sql.join(held.map((h, i) => sql`(${i}::int, ${instant(h.heldFrom)}, ${instant(h.heldUntil)})`), sql`, `);
	const result = await executor.execute(sql`
		select o.i, r.held_from, r.held_until
		from (values ${wanted}) as o (i, f, t)
		join reservation r on r.resource_id = ${resourceId}::uuid
			and r.status in ('requested', 'confirmed')
			and r.held && tstzrange(o.f, o.t, '[)')
		order by o.i, r.held_from`);
	const each: Interval[][] = held.map(() => []);
	for (const row of rowsOf<{ i: number; held_from: string | Date; held_until: string | Date }>(result))
		each[Number(row.i)]!.push({ start: new Date(row.held_from).toISOString(), end: new Date(row.held_until).toISOString() });
	return each;
}
