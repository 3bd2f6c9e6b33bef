import type { Handle } from '@sveltejs/kit';

/** What the app renders that compresses well; static assets come precompressed from adapter-node. */
const COMPRESSIBLE = /^(text\/(html|calendar|css|plain|csv)|application\/(json|problem\+json|xml)|image\/svg\+xml)\b/;
/** Below this, gzip's header costs more than it saves. */
const MIN_BYTES = 1024;

/**
 * gzip for rendered pages and JSON when the browser accepts it: a day board's HTML drops from about
 * 40 KB to a few, which matters on a school's slow network. The platform's CompressionStream does it,
 * so no server wrapper around adapter-node is needed; streams (server-sent events) are left alone,
 * since gzip would hold their events back.
 */
export const compression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!response.body || response.headers.has('content-encoding')) return response;
	if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return response;
	if (!/\bgzip\b/i.test(event.request.headers.get('accept-encoding') ?? '')) return response;
	const length = response.headers.get('content-length');
	if (length !== null && Number(length) < MIN_BYTES) return response;
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	headers.append('vary', 'Accept-Encoding');
	return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};
