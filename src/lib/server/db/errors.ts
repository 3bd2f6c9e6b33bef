import { DrizzleQueryError } from 'drizzle-orm/errors';

/** SQLSTATE of a driver error as drizzle wraps it (both drivers put it at cause.code). */
export function sqlState(error: unknown): string | undefined {
	const cause = error instanceof DrizzleQueryError ? error.cause : error;
	return (cause as { code?: string } | undefined)?.code;
}

/** Name of the violated constraint: `constraint` on PGlite, `constraint_name` on postgres.js. */
export function constraintName(error: unknown): string | undefined {
	const cause = (error instanceof DrizzleQueryError ? error.cause : error) as
		| { constraint?: string; constraint_name?: string }
		| undefined;
	return cause?.constraint ?? cause?.constraint_name;
}

export const UNIQUE_VIOLATION = '23505';

/** A unique or primary key `constraint` refused the write. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
	return sqlState(error) === UNIQUE_VIOLATION && constraintName(error) === constraint;
}
