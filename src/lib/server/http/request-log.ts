import type { Handle } from '@sveltejs/kit';
import { log } from '../log';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/** A request id (kept from a trusted proxy when well-formed) and one JSON log line per request. */
export const requestLog: Handle = async ({ event, resolve }) => {
	const incoming = event.request.headers.get('x-request-id');
	event.locals.requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
	event.locals.log = log.child({ requestId: event.locals.requestId });
	const startedAt = performance.now();
	const response = await resolve(event);
	response.headers.set('x-request-id', event.locals.requestId);
	event.locals.log.info(
		{
			method: event.request.method,
			// The route, never the path: paths carry secrets (/invite/<token>) and ids.
			route: event.route.id,
			status: response.status,
			ms: Math.round(performance.now() - startedAt),
			userId: event.locals.user?.id
		},
		'request'
	);
	return response;
};
