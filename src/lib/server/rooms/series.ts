import { minutesBetween, seoulDate, seoulMonthRange } from '../../time/seoul';
import type { RepeatSummary } from '../../time/repeat-text';
import type { SessionUser } from '../auth/sessions';
import { db, type Executor } from '../db';
import { closuresOverlapping } from '../engine/availability';
import { heldInterval } from '../engine/held';
import { clashesOfEach } from '../engine/holds.store';
import type { PlannedOccurrence } from '../engine/policy';
import { describeSeries, expandSeries, occurrences } from '../engine/recurrence';
import type { BookingInput } from './input';
import { monthKey, monthlyUse, quotaLimits } from './quota';
import { contextOf } from './rule-context';
import { checkBooking } from './rules';
import type { RoomWithRules } from './store';

/**
 * Each occurrence of a series (or the one booking) with the room it holds, the rules it breaks,
 * the bookings it clashes with and the quota it counts against, from three queries whatever the
 * series' length: the closures over its whole span, the school's use of the room in the months it
 * spans, and the clashes of all occurrences at once. A school's quota counts the series' own
 * earlier free occurrences too, so the free ones together fit it. Inside the booking transaction,
 * under the room's lock, this is the plan the engine books from.
 */
export async function planSeries(
	actor: Pick<SessionUser, 'role' | 'schoolId'>,
	target: RoomWithRules,
	input: BookingInput,
	now: Date,
	executor: Executor = db
): Promise<PlannedOccurrence[]> {
	const list = input.recurrence ? occurrences(input, input.recurrence) : [{ start: input.start, end: input.end }];
	if (list.length === 0) return [];
	const resourceId = target.room.resourceId;
	const first = list[0]!;
	const last = list[list.length - 1]!;
	const quotaApplies = target.rules.monthlyQuotaMinutes !== null && actor.schoolId !== null;
	const holds = list.map((o) => ({ resourceId, ...heldInterval(o.start, o.end, target.rules) }));
	// At most three queries at once for one request, however many occurrences.
	const [closures, used, clashes] = await Promise.all([
		closuresOverlapping(resourceId, first.start, last.end, executor),
		quotaApplies
			? monthlyUse(resourceId, actor.schoolId!, seoulMonthRange(first.start).from, seoulMonthRange(last.start).to, executor)
			: new Map<string, number>(),
		clashesOfEach(holds, executor)
	]);
	const planned = new Map<string, number>();
	return list.map(({ start, end }, i) => {
		const month = monthKey(start);
		const overlapping = closures.filter((c) => c.startsAt < end && c.endsAt > start);
		const usedMinutes = (used.get(month) ?? 0) + (planned.get(month) ?? 0);
		const violations = checkBooking(contextOf(target, actor, { start, end, attendees: input.attendees }, now, overlapping, usedMinutes));
		const conflicts = clashes[i]!;
		if (!violations.length && !conflicts.length) planned.set(month, (planned.get(month) ?? 0) + minutesBetween(start, end));
		return { start, end, holds: [holds[i]!], violations, conflicts, limits: quotaLimits(target, actor.schoolId, start, end) };
	});
}

/** How a requested series repeats, to say before it is booked: its rule in words and the months a by-date rule passes over. */
export function seriesOutline(input: BookingInput): { repeat: RepeatSummary; skippedMonths: string[] } | null {
	if (!input.recurrence) return null;
	const described = describeSeries(input.start, input.recurrence);
	return {
		repeat: { params: described.params, firstDate: seoulDate(input.start), exceptions: described.exceptions },
		skippedMonths: expandSeries(input, input.recurrence).skippedMonths
	};
}
