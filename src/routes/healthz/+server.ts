import { json } from '@sveltejs/kit';
import { driver, ping } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** For load balancers: 200 when the database answers, 503 when it does not. */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		const ms = await ping();
		return json({ status: 'ok', database: { driver, ms } }, { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		locals.log.error({ err: error }, 'health check failed');
		return json({ status: 'unavailable', database: { driver } }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
