import type { Handle, RequestEvent } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { isDatabaseUnavailable, unavailableCode } from '../db/unavailable';
import type { Admission } from './admission';
import { Overloaded } from './admission';
import { RETRY_AFTER_SECONDS, unavailableProblem } from './problem';

/** Never queued nor refused here: it has its own connection and deadline, and must tell the truth fast. */
const EXEMPT_PATHS = new Set(['/healthz']);

/**
 * Turns "the database cannot serve this" into 503 + Retry-After wherever it surfaces, and admits
 * at most a bounded amount of work at once (./admission.ts). Errors thrown by a later handle
 * (the session lookup) are answered here; errors in load functions, form actions and endpoints
 * are caught by SvelteKit, reported to `handleError` (which calls `markUnavailable`), and their
 * 500 is turned into a 503 on the way out.
 */
export function databaseGuard(admission: Admission): Handle {
	return async ({ event, resolve }) => {
		if (EXEMPT_PATHS.has(event.url.pathname)) return resolve(event);
		let response: Response;
		try {
			response = await admission.run(async () => resolve(event));
		} catch (error) {
			if (error instanceof Overloaded) {
				event.locals.log?.warn({ reason: error.reason }, 'refused: too much work in flight');
				return unavailableResponse(event, true);
			}
			if (!isDatabaseUnavailable(error)) throw error;
			// The code only: a failed query's message carries its bound values (personal data).
			event.locals.log?.warn({ code: unavailableCode(error) }, 'answered 503: database unavailable');
			return unavailableResponse(event, false);
		}
		if (event.locals.databaseUnavailable && response.status >= 500) {
			if (isApi(event)) return unavailableProblem();
			const headers = new Headers(response.headers);
			headers.set('retry-after', String(RETRY_AFTER_SECONDS));
			headers.set('cache-control', 'no-store');
			return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers });
		}
		return response;
	};
}

/** For `handleError`: this error means the database is unavailable; answer 503, not 500. */
export function markUnavailable(event: RequestEvent, error: unknown): boolean {
	if (!isDatabaseUnavailable(error)) return false;
	event.locals.databaseUnavailable = true;
	return true;
}

const isApi = (event: RequestEvent) => event.url.pathname.startsWith('/api/');

function unavailableResponse(event: RequestEvent, overloaded: boolean): Response {
	if (isApi(event) || !acceptsHtml(event.request)) return unavailableProblem(overloaded);
	return new Response(unavailablePage(overloaded), {
		status: 503,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'retry-after': String(RETRY_AFTER_SECONDS),
			'cache-control': 'no-store'
		}
	});
}

const acceptsHtml = (request: Request) => (request.headers.get('accept') ?? 'text/html').includes('text/html');

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The page when no Svelte page could run (the session lookup failed): plain HTML in the request's
 * language, no script or style (the strict CSP of non-page responses applies).
 */
export function unavailablePage(overloaded: boolean): string {
	const title = escapeHtml(m.unavailable_title());
	const body = escapeHtml(overloaded ? m.unavailable_overloaded() : m.unavailable_body());
	return `<!doctype html>
<html lang="${getLocale()}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${escapeHtml(m.page_title_suffix())}</title></head>
<body>
<main>
<p aria-hidden="true">503</p>
<h1>${title}</h1>
<p>${body}</p>
<p><a href="">${escapeHtml(m.unavailable_retry())}</a> · <a href="/">${escapeHtml(m.error_go_home())}</a></p>
</main>
</body>
</html>
`;
}
