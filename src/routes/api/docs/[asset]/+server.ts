import { error } from '@sveltejs/kit';
import { asset } from '$lib/server/api/docs';
import type { RequestHandler } from './$types';

/** The API reference page's scripts and stylesheet, from swagger-ui-dist (no CDN). */
export const GET: RequestHandler = ({ params }) => {
	const found = asset(params.asset);
	if (!found) error(404, { message: 'not found' });
	return new Response(found.body, { headers: { 'content-type': found.type, 'cache-control': 'public, max-age=86400' } });
};
