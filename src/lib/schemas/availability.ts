/** Queries of the availability endpoints. */
import * as z from 'zod';
import { calendarDate, dateOrInstant, oneOf, whenValid } from './primitives';

export const AVAILABILITY_MAX_RANGE_DAYS = 62;

/** GET /api/v1/availability?date=YYYY-MM-DD */
export const dayQuery = z.object({ date: calendarDate('availability_date_invalid') });

const DAY_MS = 86_400_000;

/** GET /api/v1/rooms/{id}/availability?from=&to= (at most AVAILABILITY_MAX_RANGE_DAYS days). */
const RANGE = { days: AVAILABILITY_MAX_RANGE_DAYS };
export const rangeQuery = z
	.object({
		from: dateOrInstant(false, 'availability_range_invalid', RANGE),
		to: dateOrInstant(true, 'availability_range_invalid', RANGE)
	})
	.refine((q) => q.to > q.from && q.to.getTime() - q.from.getTime() <= AVAILABILITY_MAX_RANGE_DAYS * DAY_MS, {
		path: ['range'],
		when: whenValid('from', 'to'),
		error: 'availability_range_invalid',
		params: RANGE
	});

/** GET /board/version?date=YYYY-MM-DD&view=day|week: the open board's poll (its first day, as the board page reads it). */
export const boardVersionQuery = z.object({
	date: calendarDate('availability_date_invalid'),
	view: oneOf(['day', 'week']).default('day')
});
