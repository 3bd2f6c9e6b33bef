import { and, eq, gte, lt, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { minutesBetween, seoulMonthRange } from '../../time/seoul';
import { db, type Executor } from '../db';
import { instant } from '../db/sql';
import { reservation } from '../db/schema';
import { holding } from '../engine/holds.store';
import type { Limit } from '../engine/limits';
import { quotaViolation } from './rules/quota';
import type { RoomWithRules } from './store';

/** The school's holding bookings of the room that start in [from, to): what its monthly quota counts. */
export function schoolHoldsStartingIn(
	resourceId: string | SQLWrapper,
	schoolId: string | SQLWrapper,
	{ from, to }: { from: Date | SQLWrapper; to: Date | SQLWrapper }
): SQL {
	return and(
		eq(reservation.resourceId, resourceId),
		eq(reservation.schoolId, schoolId),
		holding,
		gte(reservation.startsAt, from),
		lt(reservation.startsAt, to)
	)!;
}

/** Minutes of those bookings as one query (the pre-check, planned once in the booking's prepared statement). */
export function quotaUsed(
	resourceId: string | SQLWrapper,
	schoolId: string | SQLWrapper,
	range: { from: Date | SQLWrapper; to: Date | SQLWrapper },
	executor: Executor
) {
	return executor
		.select({
			minutes: sql<number>`coalesce(sum(extract(epoch from (${reservation.endsAt} - ${reservation.startsAt})) / 60), 0)::float8`
		})
		.from(reservation)
		.where(schoolHoldsStartingIn(resourceId, schoolId, range));
}

/** Minutes a school holds in a room during the Seoul month of `at` (requested or confirmed). */
export async function quotaUsedMinutes(resourceId: string, schoolId: string | null, at: Date, executor: Executor = db) {
	if (!schoolId) return 0;
	const [row] = await quotaUsed(resourceId, schoolId, seoulMonthRange(at), executor);
	return Number(row?.minutes ?? 0);
}

/** The Seoul calendar month of an instant, as a map key. */
export function monthKey(at: Date): string {
	return seoulMonthRange(at).from.toISOString();
}

/** Minutes the school holds in the room per Seoul month, for bookings starting in [from, to). */
export async function monthlyUse(resourceId: string, schoolId: string, from: Date, to: Date, executor: Executor): Promise<Map<string, number>> {
	const rows = await executor
		.select({ startsAt: reservation.startsAt, endsAt: reservation.endsAt })
		.from(reservation)
		.where(schoolHoldsStartingIn(resourceId, schoolId, { from, to }));
	const use = new Map<string, number>();
	for (const r of rows) use.set(monthKey(r.startsAt), (use.get(monthKey(r.startsAt)) ?? 0) + minutesBetween(r.startsAt, r.endsAt));
	return use;
}

/**
 * A school's monthly hours in a room as a counted limit: keyed by room, school and Seoul month,
 * counted again by the engine under the key's lock. None for a room without a quota or a booker
 * without a school (staff).
 */
export function quotaLimits(target: RoomWithRules, schoolId: string | null, start: Date, end: Date): Limit[] {
	const quota = target.rules.monthlyQuotaMinutes;
	if (quota === null || !schoolId) return [];
	const month = seoulMonthRange(start);
	const resourceId = target.room.resourceId;
	return [
		{
			key: `quota:${resourceId}:${schoolId}:${month.from.toISOString()}`,
			max: quota,
			amount: minutesBetween(start, end),
			// The database's count of the same holds as schoolHoldsStartingIn (room_quota_used, drizzle/0007), under the key's lock.
			used: sql<number>`room_quota_used(${resourceId}::uuid, ${schoolId}::uuid, ${instant(month.from)}, ${instant(month.to)})`,
			refusal: (used) => quotaViolation(quota, used)
		}
	];
}
