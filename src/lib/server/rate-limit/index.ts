import { sql } from 'drizzle-orm';
import * as clock from '../clock';
import { db, type Executor } from '../db';
import { instant, rowsOf } from '../db/sql';

export interface Limit {
	/** Requests allowed per window. */
	limit: number;
	windowMs: number;
}

export type Hit = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Count one request against `key` in a fixed window kept in the database (so it holds across
 * app processes): one conditional upsert either counts the request or refuses it. Simultaneous
 * requests queue on the key's row, so no more than `limit` pass in a window.
 */
export async function hit(key: string, { limit, windowMs }: Limit, executor: Executor = db): Promise<Hit> {
	const now = clock.now();
	const windowOver = instant(new Date(now.getTime() - windowMs));
	const result = await executor.execute(sql`
		with counted as (
			insert into rate_limit as r (key, window_start, hits) values (${key}, ${instant(now)}, 1)
			on conflict (key) do update set
				window_start = case when r.window_start <= ${windowOver} then excluded.window_start else r.window_start end,
				hits = case when r.window_start <= ${windowOver} then 1 else r.hits + 1 end
			where r.window_start <= ${windowOver} or r.hits < ${limit}::int
			returning hits
		)
		select (select hits from counted) as hits, (select window_start from rate_limit where key = ${key}) as window_start`);
	const [row] = rowsOf<{ hits: number | null; window_start: string | Date | null }>(result);
	if (row?.hits != null) return { ok: true };
	const windowEndsMs = row?.window_start ? new Date(row.window_start).getTime() + windowMs : now.getTime() + windowMs;
	const waitMs = Math.min(windowMs, Math.max(1000, windowEndsMs - now.getTime()));
	return { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
}
