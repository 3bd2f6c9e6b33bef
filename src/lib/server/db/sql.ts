import { sql, type SQL } from 'drizzle-orm';

/**
 * An instant as a SQL parameter inside raw `sql` fragments. postgres.js under drizzle cannot
 * bind a JS Date there (PGlite can), so send ISO text with an explicit cast: same on both drivers.
 */
export function instant(value: Date): SQL {
	return sql`${value.toISOString()}::timestamptz`;
}

/**
 * Epoch milliseconds of an epoch-seconds decimal ("1765152000.123456"): the point moved three
 * places in the text, so the only rounding is the one to a double, exactly as
 * `(extract(epoch from t) * 1000)::float8` rounds (and `extract(epoch ...)::text` is cheaper to
 * compute and ship than that cast).
 */
export function epochMs(seconds: string): number {
	const dot = seconds.indexOf('.');
	if (dot < 0) return Number(seconds) * 1000;
	const fraction = seconds.slice(dot + 1).padEnd(3, '0');
	return Number(`${seconds.slice(0, dot)}${fraction.slice(0, 3)}.${fraction.slice(3)}`);
}

/** Rows of a raw `execute`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** One uuid check for services and the `[id=uuid]` route matcher (src/params/uuid.ts). */
export { isUuid } from '../../uuid';

/** An ILIKE pattern for "contains": `%`, `_` and `\` typed in a search box are searched for as themselves. */
export function containsPattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
