import { sql, type SQL } from 'drizzle-orm';

/**
 * An instant as a SQL parameter inside raw `sql` fragments. postgres.js under drizzle cannot
 * bind a JS Date there (PGlite can), so send ISO text with an explicit cast: same on both drivers.
 */
export function instant(value: Date): SQL {
	return sql`${value.toISOString()}::timestamptz`;
}

/** Rows of a raw `execute`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be a uuid key: checked before a query, so a malformed id is "not found", not a database error. */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}
