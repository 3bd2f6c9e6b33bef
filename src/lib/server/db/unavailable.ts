/**
 * Errors that mean "the database cannot serve this right now" rather than "this request is
 * wrong": the app answers them with 503 and Retry-After, never 500. Drivers and drizzle wrap
 * errors (DrizzleQueryError keeps the driver's error in `cause`), so the whole cause chain is read.
 */

/** SQLSTATEs, beyond class 08 (connection exception), that say the server is unavailable or busy. */
const UNAVAILABLE_SQLSTATES = new Set([
	'57P01', // admin_shutdown: backend terminated (pg_terminate_backend, fast shutdown)
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now: starting up, shutting down, recovery
	'53300', // too_many_connections
	'57014', // query_canceled: statement_timeout
	'55P03' // lock_not_available: lock_timeout
]);

/** postgres.js and Node socket codes for a connection that failed, closed or never opened. */
const UNAVAILABLE_DRIVER_CODES = new Set([
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN'
]);

export function isUnavailableCode(code: string): boolean {
	return code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_DRIVER_CODES.has(code);
}

/** The connection-class code in `error`'s cause chain (e.g. '57P01', 'ECONNREFUSED'), if any: what to log. */
export function unavailableCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && isUnavailableCode(code)) return code;
		if (current instanceof AggregateError) {
			const inner = current.errors.map(unavailableCode).find(Boolean);
			if (inner) return inner;
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** True when `error`, or anything in its cause chain, is a connection-class database error. */
export function isDatabaseUnavailable(error: unknown): boolean {
	return unavailableCode(error) !== undefined;
}

/**
 * Run a read again once when it failed for a connection-class reason. Besides blips, this works
 * around postgres.js 3.4.9, which fails the first query on a new connection with the error of a
 * backend killed mid-query (the saved ErrorResponse survives the reconnect). Only for reads:
 * a write that failed this way may have committed.
 */
export async function retryReadOnce<T>(read: () => Promise<T>): Promise<T> {
	try {
		return await read();
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		return read();
	}
}
