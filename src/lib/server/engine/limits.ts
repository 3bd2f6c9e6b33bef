import { sql } from 'drizzle-orm';
import type { Executor } from '../db';
import type { Violation } from '../errors';

/**
 * A counted limit a booking consumes: a school's monthly quota of a room, later a session's seats
 * or a per-school cap. A service declares it; the engine takes the lock of its key inside the
 * booking's transaction and counts again under it (pretix re-checks its quotas inside
 * `event.lock()`), so simultaneous bookings can never together exceed it.
 */
export interface Limit {
	/**
	 * Names what is counted, e.g. `quota:<room>:<school>:2026-12`. Every writer of what `count`
	 * counts must hold this key's lock; bookings made through the engine do.
	 */
	key: string;
	/** The most that may be used. */
	max: number;
	/** What this booking would use (minutes, seats). */
	amount: number;
	/** What is used now; run under the key's lock, in the booking's transaction. */
	count(executor: Executor): Promise<number>;
	/** The refusal to give when `used + amount` would exceed `max`. */
	refusal(used: number): Violation;
}

/** Take the limits' advisory locks for the rest of the transaction (sorted by limit_lock: no deadlock). */
export async function lockLimits(executor: Executor, keys: string[]): Promise<void> {
	if (keys.length === 0) return;
	const list = sql.join(keys.map((k) => sql`${k}`), sql`, `);
	await executor.execute(sql`select limit_lock(array[${list}]::text[])`);
}

/**
 * Count every limit again (each key once, under its lock, which the caller holds) and admit the
 * occurrences in order while they fit: an occurrence's amounts count toward the next ones, so the
 * admitted ones together fit each limit. The violations of each occurrence (empty: admitted).
 */
export async function admit(executor: Executor, perOccurrence: Limit[][]): Promise<Violation[][]> {
	const byKey = new Map<string, Limit>();
	for (const limits of perOccurrence) for (const limit of limits) if (!byKey.has(limit.key)) byKey.set(limit.key, limit);
	const used = new Map<string, number>();
	for (const [key, limit] of byKey) used.set(key, await limit.count(executor));
	return perOccurrence.map((limits) => {
		const refused = limits.filter((l) => used.get(l.key)! + l.amount > l.max);
		if (refused.length) return refused.map((l) => l.refusal(used.get(l.key)!));
		for (const l of limits) used.set(l.key, used.get(l.key)! + l.amount);
		return [];
	});
}
