import { json } from '@sveltejs/kit';
import { driver, ping } from '$lib/server/db';
import { unavailableCode } from '$lib/server/db/unavailable';
import type { RequestHandler } from './$types';

/**
 * For load balancers: 200 only when a `select 1` really ran, 503 otherwise — within
 * HEALTHZ_TIMEOUT_MS (1 s), on the health check's own connection, never behind the pool's queue.
 */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		const ms = await ping();
		return json({ status: 'ok', database: { driver, ms } }, { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		locals.log.warn({ code: unavailableCode(error) ?? (error as { code?: string })?.code }, 'health check failed');
		return json({ status: 'unavailable', database: { driver } }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
