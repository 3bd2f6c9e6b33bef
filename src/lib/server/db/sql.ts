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

/** One uuid check for services and the `[id=uuid]` route matcher (src/params/uuid.ts). */
export { isUuid } from '../../uuid';

/** An ILIKE pattern for "contains": `%`, `_` and `\` typed in a search box are searched for as themselves. */
export function containsPattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
