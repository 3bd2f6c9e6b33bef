import { getLocale } from '$lib/paraglide/runtime';
import { DOCS_CSP, page } from '$lib/server/api/docs';
import { say } from '$lib/server/i18n';
import type { RequestHandler } from './$types';

/** The API reference for developers, rendered in the browser from /api/v1/openapi.json. */
export const GET: RequestHandler = () =>
	new Response(
		page({
			lang: getLocale(),
			title: `${say('input_api_docs_title')} · ${say('page_title_suffix')}`,
			heading: say('input_api_docs_title'),
			lead: say('input_api_docs_lead'),
			home: say('error_go_home')
		}),
		{ headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': DOCS_CSP } }
	);
