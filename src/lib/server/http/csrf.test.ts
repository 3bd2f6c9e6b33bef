import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import * as m from '$lib/paraglide/messages';
import { captureLogs } from '../log';
import { formOrigin, isCrossSiteFormPost } from './csrf';
import { requestLog } from './request-log';

const ORIGIN = 'http://localhost:3000';

function post(headers: Record<string, string>, method = 'POST') {
	return new Request(`${ORIGIN}/login`, { method, headers, body: method === 'GET' ? undefined : 'email=a' });
}

describe('isCrossSiteFormPost (SvelteKit’s CSRF rule)', () => {
	const table: [string, Request, boolean][] = [
		['a form post from another site', post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }), true],
		['a multipart post with no Origin', post({ 'content-type': 'multipart/form-data; boundary=x' }), true],
		['a text/plain post from http on an https site', post({ 'content-type': 'text/plain', origin: 'https://localhost:3000' }), true],
		['a DELETE form from another site', post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, 'DELETE'), true],
		['a form post from this site', post({ 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }), false],
		['JSON (the API guard’s business)', post({ 'content-type': 'application/json', origin: 'https://evil.example' }), false],
		['a GET', new Request(`${ORIGIN}/login`, { headers: { origin: 'https://evil.example' } }), false]
	];
	it.each(table)('%s → %s', (_name, request, refused) => {
		expect(isCrossSiteFormPost(request, ORIGIN)).toBe(refused);
	});
});

describe('a refused cross-site form post', () => {
	let capture: ReturnType<typeof captureLogs> | undefined;
	afterEach(() => capture?.stop());

	it('answers 403 as SvelteKit did and appears in the request log', async () => {
		capture = captureLogs();
		const request = post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' });
		const event = { request, url: new URL(request.url), route: { id: '/(public)/login' }, locals: {} } as unknown as RequestEvent;
		let resolved = false;
		const response = await requestLog({
			event,
			resolve: (e) =>
				formOrigin({
					event: e,
					resolve: async () => {
						resolved = true;
						return new Response('signed in');
					}
				})
		});
		expect(response.status).toBe(403);
		// Said in the reader's language (Korean, the default, here), like every other refusal.
		expect(await response.text()).toBe(m.error_foreign_origin({}, { locale: 'ko' }));
		expect(resolved).toBe(false);
		const lines = capture.lines();
		expect(lines).toContainEqual(expect.objectContaining({ msg: 'refused cross-site form post', origin: 'https://evil.example', route: '/(public)/login' }));
		expect(lines).toContainEqual(expect.objectContaining({ msg: 'request', method: 'POST', route: '/(public)/login', status: 403 }));
	});
});
