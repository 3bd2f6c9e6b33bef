import { and, eq, gte, inArray, lt, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { minutesBetween, seoulMonthRange } from '../../time/seoul';
import { db, type Executor } from '../db';
import { instant } from '../db/sql';
import { reservation } from '../db/schema';
import { holding } from '../engine/holds.store';
import type { Limit } from '../engine/limits';
import { quotaViolation } from './rules/quota';
import type { RoomWithRules } from './store';

type Range = { from: Date | SQLWrapper; to: Date | SQLWrapper };

/** The school's holding bookings (of any room) that start in [from, to). */
function schoolHoldsStarting(schoolId: string | SQLWrapper, { from, to }: Range): SQL {
	return and(eq(reservation.schoolId, schoolId), holding, gte(reservation.startsAt, from), lt(reservation.startsAt, to))!;
}

/** The school's holding bookings of the room that start in [from, to): what its monthly quota counts. */
export function schoolHoldsStartingIn(resourceId: string | SQLWrapper, schoolId: string | SQLWrapper, range: Range): SQL {
	return and(eq(reservation.resourceId, resourceId), schoolHoldsStarting(schoolId, range))!;
}

/** The minutes of the bookings a query sums. */
const heldMinutes = sql<number>`coalesce(sum(extract(epoch from (${reservation.endsAt} - ${reservation.startsAt})) / 60), 0)::float8`;

/** Minutes of those bookings as one query (the pre-check, planned once in the booking's prepared statement). */
export function quotaUsed(
	resourceId: string | SQLWrapper,
	schoolId: string | SQLWrapper,
	range: Range,
	executor: Executor
) {
	return executor
		.select({ minutes: heldMinutes })
		.from(reservation)
		.where(schoolHoldsStartingIn(resourceId, schoolId, range));
}

/** Minutes a school holds in a room during the Seoul month of `at` (requested or confirmed). */
export async function quotaUsedMinutes(resourceId: string, schoolId: string | null, at: Date, executor: Executor = db) {
	if (!schoolId) return 0;
	const [row] = await quotaUsed(resourceId, schoolId, seoulMonthRange(at), executor);
	return Number(row?.minutes ?? 0);
}

/**
 * Minutes a school holds in each of several rooms during the Seoul month of `at`, as one grouped
 * query (the dashboard's quota panel); a room without bookings is 0.
 */
export async function quotaUsedMinutesByRoom(resourceIds: string[], schoolId: string, at: Date, executor: Executor = db): Promise<Map<string, number>> {
	const used = new Map<string, number>(resourceIds.map((id) => [id, 0]));
	if (resourceIds.length === 0) return used;
	const rows = await executor
		.select({ resourceId: reservation.resourceId, minutes: heldMinutes })
		.from(reservation)
		.where(and(inArray(reservation.resourceId, resourceIds), schoolHoldsStarting(schoolId, seoulMonthRange(at))))
		.groupBy(reservation.resourceId);
	for (const row of rows) used.set(row.resourceId, Number(row.minutes));
	return used;
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
