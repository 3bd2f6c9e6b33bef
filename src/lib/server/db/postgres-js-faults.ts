/**
 * Work-arounds for two faults of postgres.js 3.4.9 that turn a killed backend (pg_terminate_backend,
 * a server restart) into failures long after it, or into the end of the process. Both are reported
 * upstream; drop this file when a release fixes them (tests/integration/database-bounds.test.ts).
 */
import type postgres from 'postgres';
import { log } from '../log';
import { isDatabaseUnavailable, unavailableCode } from './unavailable';

/** FATAL codes a backend sends as it is ended (pg_terminate_backend, shutdown, crash). */
const BACKEND_ENDED = new Set(['57P01', '57P02', '57P03']);

const isStaleBackendError = (error: unknown) =>
	BACKEND_ENDED.has((error as { code?: string })?.code ?? '') && (error as { severity?: string })?.severity === 'FATAL';

/**
 * postgres.js 3.4.9 keeps the ErrorResponse of a backend killed mid-query (that query itself gets
 * CONNECTION_CLOSED) and rejects the first query of the reconnected connection with it — before
 * sending it. So a query rejected with a FATAL 57P01–57P03 never ran, and running it again is
 * safe, writes included; a transaction is begun again only if its body had not started.
 * Everything else passes through to the driver untouched.
 */
export function withoutStaleErrors(client: postgres.Sql): postgres.Sql {
	const once = <T>(run: () => Promise<T>): Promise<T> => run().catch((error: unknown) => (isStaleBackendError(error) ? run() : Promise.reject(error)));
	const unsafe = (...args: Parameters<postgres.Sql['unsafe']>) => ({
		values: () => once(() => client.unsafe(...args).values()),
		then: <A, B>(onFulfilled?: (rows: postgres.RowList<postgres.Row[]>) => A, onRejected?: (error: unknown) => B) =>
			once(() => client.unsafe(...args)).then(onFulfilled, onRejected)
	});
	const begin = (...args: unknown[]) => {
		const body = args.pop() as (sql: postgres.TransactionSql) => unknown;
		let started = false;
		const run = () =>
			(client.begin as (...a: unknown[]) => Promise<unknown>)(...args, (sql: postgres.TransactionSql) => {
				started = true;
				return body(sql);
			});
		return run().catch((error: unknown) => (!started && isStaleBackendError(error) ? run() : Promise.reject(error)));
	};
	return new Proxy(client, {
		get(target, property, receiver) {
			if (property === 'unsafe') return unsafe;
			if (property === 'begin') return begin;
			return Reflect.get(target, property, receiver);
		}
	});
}

let strayRejectionsHandled = false;

/**
 * postgres.js 3.4.9 fetches the array types on every new connection (`fetchArrayTypes()` called
 * from ReadyForQuery without a catch): when the backend dies while that query runs (killed,
 * server restart), the rejection reaches no one, and Node ends a process on an unhandled
 * rejection. The query that opened the connection is retried on a new one by the driver, so the
 * stray error is only logged. Any other unhandled rejection is thrown on, as Node does by default
 * (it ends the app; test runners still report it as an uncaught exception).
 */
export function survivePostgresJsStrayRejections(): void {
	if (strayRejectionsHandled) return;
	strayRejectionsHandled = true;
	process.on('unhandledRejection', (reason) => {
		if (isDatabaseUnavailable(reason)) {
			log.warn({ code: unavailableCode(reason) }, 'database connection lost while opening (unawaited driver query)');
			return;
		}
		throw reason;
	});
}
