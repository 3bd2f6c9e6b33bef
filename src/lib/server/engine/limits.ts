import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { sqlState } from '../db/errors';
import { rowsOf } from '../db/sql';
import type { Violation } from '../errors';

/**
 * A counted limit a booking consumes: a school's monthly quota of a room, later a session's seats
 * or a per-school cap. A service declares it; the engine takes the lock of its key inside the
 * booking's statement or transaction and counts again under it (pretix re-checks its quotas
 * inside `event.lock()`), so simultaneous bookings can never together exceed it.
 */
export interface Limit {
	/**
	 * Names what is counted, e.g. `quota:<room>:<school>:<month>`. Every writer of what `count`
	 * counts must hold this key's lock; bookings made through the engine do.
	 */
	key: string;
	/** The most that may be used. */
	max: number;
	/** What this booking would use (minutes, seats). */
	amount: number;
	/**
	 * What is used now: a call of a VOLATILE database function (room_quota_used, drizzle/0007),
	 * whose query takes a fresh snapshot when it runs, so evaluated after the key's lock in the
	 * booking's own statement it sees what the lock's previous holder committed. (A plain subquery
	 * would see the statement's older snapshot.)
	 */
	used: SQL<number>;
	/** The refusal to give when `used + amount` would exceed `max`. */
	refusal(used: number): Violation;
}

/** SQLSTATE raised by limit_check() (drizzle/0007_limit_lock.sql) when a limit would be exceeded. */
export const LIMIT_EXCEEDED = 'RL001';

export function isLimitExceeded(error: unknown): boolean {
	return sqlState(error) === LIMIT_EXCEEDED;
}

/**
 * The CTEs that lock the limits and count them again under their locks, after `after` (the CTE
 * that took the resources' locks), for a booking's one insert statement; the last one, `admitted`,
 * raises LIMIT_EXCEEDED when one would be exceeded, which refuses the whole statement.
 */
export function admitCtes(limits: Limit[], after: string): SQL {
	const keys = sql.join(limits.map((l) => sql`${l.key}`), sql`, `);
	const counts = sql.join(limits.map((l, i) => sql`${l.used} as ${sql.identifier(`u${i}`)}`), sql`, `);
	const checks = sql.join(
		limits.map((l, i) => sql`limit_check(${l.key}, ${sql.identifier(`u${i}`)}, ${l.amount}::float8, ${l.max}::float8)`),
		sql`, `
	);
	return sql`limit_locked as (select limit_lock(array[${keys}]::text[]) from ${sql.identifier(after)}),
		counted as (select ${counts} from limit_locked),
		admitted as (select ${checks} from counted)`;
}

/** Take the limits' advisory locks for the rest of the transaction (sorted by limit_lock: no deadlock). */
export async function lockLimits(executor: Executor, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	const list = sql.join(keys.map((k) => sql`${k}`), sql`, `);
	await executor.execute(sql`select limit_lock(array[${list}]::text[])`);
}

/** What each distinct limit uses now, by key, in one statement. */
export async function countAll(executor: Executor, limits: Limit[]): Promise<Map<string, number>> {
	const byKey = new Map<string, Limit>();
	for (const limit of limits) if (!byKey.has(limit.key)) byKey.set(limit.key, limit);
	const distinct = [...byKey.values()];
	if (distinct.length === 0) return new Map();
	const columns = sql.join(distinct.map((l, i) => sql`${l.used} as ${sql.identifier(`u${i}`)}`), sql`, `);
	const [row] = rowsOf<Record<string, number | string>>(await executor.execute(sql`select ${columns}`));
	return new Map(distinct.map((l, i) => [l.key, Number(row![`u${i}`])]));
}

/**
 * Count every limit again (each key once; under its lock when the caller holds it) and admit the
 * occurrences in order while they fit: an occurrence's amounts count toward the next ones, so the
 * admitted ones together fit each limit. The violations of each occurrence (empty: admitted).
 */
export async function admit(executor: Executor, perOccurrence: Limit[][]): Promise<Violation[][]> {
	const used = await countAll(executor, perOccurrence.flat());
	return perOccurrence.map((limits) => {
		const refused = limits.filter((l) => used.get(l.key)! + l.amount > l.max);
		if (refused.length) return refused.map((l) => l.refusal(used.get(l.key)!));
		for (const l of limits) used.set(l.key, used.get(l.key)! + l.amount);
		return [];
	});
}
