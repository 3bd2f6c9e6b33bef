import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { reservationSeries } from '../db/schema';
import type { RepeatParams, RepeatSummary } from '../../time/repeat-text';
import type { SeriesDescription } from './recurrence';

/** The one writer and reader of `reservation_series` rows (how a series repeats). */
export async function insertSeries(executor: Executor, id: string, series: SeriesDescription, createdBy: string): Promise<void> {
	await executor.insert(reservationSeries).values({ id, rule: series.rule, params: series.params, exceptions: series.exceptions, createdBy });
}

/** A series none of whose occurrences could be booked leaves no row behind. */
export async function deleteSeries(executor: Executor, id: string): Promise<void> {
	await executor.delete(reservationSeries).where(eq(reservationSeries.id, id));
}

/** The rows of these series, by id (booking details, "my bookings"). */
export async function seriesByIds(executor: Executor, ids: string[]) {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return new Map<string, typeof reservationSeries.$inferSelect>();
	const rows = await executor.select().from(reservationSeries).where(inArray(reservationSeries.id, unique));
	return new Map(rows.map((r) => [r.id, r]));
}

const DTSTART = /DTSTART:(\d{4})(\d{2})(\d{2})/;

/** A series row as pages say it: its parameters, first date and exceptions; null for a row without a rule. */
export function repeatSummaryOf(row: { rule: string | null; params: unknown; exceptions: string[] | null } | null): RepeatSummary | null {
	const match = row?.rule ? DTSTART.exec(row.rule) : null;
	const params = row?.params as RepeatParams | undefined;
	if (!row || !match || !params || typeof params !== 'object' || typeof params.kind !== 'string') return null;
	return { params, firstDate: `${match[1]}-${match[2]}-${match[3]}`, exceptions: [...(row.exceptions ?? [])].sort() };
}
