import { z } from 'zod';
import { HISTORY_KINDS, HISTORY_PERIODS } from '../server/history/kinds';

/**
 * The school history's filters as the page's links write them (`?period=past&kind=room&page=2`).
 * They are links, not a form: anything else (a hand-edited address) falls back to the default
 * list instead of an error page.
 */
export const historyQuery = z
	.object({
		period: z.enum(HISTORY_PERIODS).catch('upcoming'),
		kind: z.enum(HISTORY_KINDS).catch('all'),
		page: z.coerce.number().int().min(1).max(100_000).catch(1)
	})
	.meta({ id: 'SchoolHistoryQuery' });
export type HistoryQueryInput = z.output<typeof historyQuery>;
