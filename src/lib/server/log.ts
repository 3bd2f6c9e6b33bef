import { DrizzleQueryError } from 'drizzle-orm/errors';
import pino from 'pino';

const SQLSTATE = /^[0-9A-Z]{5}$/;
const QUERY_SHAPE_MAX_LENGTH = 300;

/**
 * A failed query's SQL text without anything that could be a value: bound parameters are
 * `$1`… already; quoted literals and numbers written into the text become `?`.
 */
export function queryShape(query: string): string {
	const shape = query
		.replace(/'(?:[^']|'')*'/g, "'?'")
		.replace(/\b\d+(?:\.\d+)?\b/g, (n, offset: number, all: string) => (all[offset - 1] === '$' ? n : '?'))
		.replace(/\s+/g, ' ')
		.trim();
	return shape.length > QUERY_SHAPE_MAX_LENGTH ? `${shape.slice(0, QUERY_SHAPE_MAX_LENGTH)}…` : shape;
}

/** Only the "    at …" lines: the first line of a stack repeats the message. */
function frames(stack: string | undefined): string | undefined {
	return stack
		?.split('\n')
		.filter((line) => line.trimStart().startsWith('at '))
		.join('\n');
}

/** PostgreSQL's error fields that name things, never values (no message, detail or where). */
function databaseFields(cause: Record<string, unknown>) {
	return {
		sqlState: cause.code,
		severity: cause.severity,
		constraint: cause.constraint ?? cause.constraint_name,
		table: cause.table ?? cause.table_name,
		column: cause.column ?? cause.column_name,
		routine: cause.routine
	};
}

/**
 * How errors are logged: a failed query says its SQLSTATE, constraint and the query's shape,
 * never its bound values or the database's message (both can carry names, e-mails, purposes:
 * drizzle's message lists the params, PostgreSQL's detail quotes the clashing key).
 */
export function serializeError(err: unknown): unknown {
	if (err instanceof DrizzleQueryError) {
		const cause = (err.cause ?? {}) as Record<string, unknown>;
		return { type: 'DrizzleQueryError', query: queryShape(err.query), ...databaseFields(cause), stack: frames(err.stack) };
	}
	const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
	if (err instanceof Error && typeof code === 'string' && SQLSTATE.test(code)) {
		// A driver error that reached us unwrapped.
		return { type: err.name, ...databaseFields(err as unknown as Record<string, unknown>), stack: frames(err.stack) };
	}
	if (err instanceof Error) {
		// Not pino's own serializer: it folds the causes' messages (a failed query's params) into this one.
		const serialized: Record<string, unknown> = { type: err.name, message: err.message, stack: err.stack };
		for (const [key, value] of Object.entries(err)) if (key !== 'cause') serialized[key] = value instanceof Error ? serializeError(value) : value;
		if (err.cause !== undefined) serialized.cause = serializeError(err.cause);
		return serialized;
	}
	return err;
}

/** Where log lines go: stdout, unless a test captures them. */
let write: (line: string) => void = (line) => process.stdout.write(line);

/** JSON logs on stdout, one line per event; quiet in tests unless LOG_LEVEL says otherwise. */
export const log = pino(
	{
		level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
		base: { service: 'center-booking' },
		serializers: { err: serializeError, error: serializeError },
		redact: { paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie'], remove: true }
	},
	{ write: (line: string) => write(line) }
);

/** Tests: collect the log lines (at `info` and above) until `stop()`. Loggers made by `log.child` meanwhile write there too. */
export function captureLogs(): { lines: () => Record<string, unknown>[]; text: () => string; stop(): void } {
	const captured: string[] = [];
	const previousWrite = write;
	const previousLevel = log.level;
	write = (line) => captured.push(line);
	log.level = 'info';
	return {
		lines: () => captured.map((line) => JSON.parse(line) as Record<string, unknown>),
		text: () => captured.join(''),
		stop() {
			write = previousWrite;
			log.level = previousLevel;
		}
	};
}
