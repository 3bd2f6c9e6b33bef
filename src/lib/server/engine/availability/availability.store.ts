import { and, eq, gt, isNull, lt, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { db, type Executor } from '../../db';
import { closure, openingHours } from '../../db/schema';
import type { WeeklyHours } from './types';

/** Closures of this resource or the whole building that overlap [from, to). */
export function closuresOverlapping(resourceId: string | SQLWrapper, from: Date | SQLWrapper, to: Date | SQLWrapper, executor: Executor = db) {
	return executor
		.select({ startsAt: closure.startsAt, endsAt: closure.endsAt, reason: closure.reason })
		.from(closure)
		.where(and(or(eq(closure.resourceId, resourceId), isNull(closure.resourceId)), lt(closure.startsAt, to), gt(closure.endsAt, from)));
}

/**
 * The weekly hours of the resource `owner` names (`h.resource_id = …`; `h.resource_id is null`
 * for the center's), as one JSON column of a larger select, by weekday: null when it has none.
 */
export function weeklyHoursOf(owner: SQL) {
	return sql<WeeklyHours[] | null>`(select json_agg(json_build_object('weekday', h.weekday, 'opensMinute', h.opens_minute, 'closesMinute', h.closes_minute) order by h.weekday) from ${openingHours} h where ${owner})`;
}
