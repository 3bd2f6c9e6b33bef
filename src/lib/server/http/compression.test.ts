import { gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { compression } from './compression';

const page = 'x'.repeat(5000);

async function through(response: Response, acceptEncoding: string | null = 'gzip, deflate, br') {
	const headers = new Headers(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});
	const event = { request: new Request('http://localhost/board', { headers }) } as unknown as RequestEvent;
	return compression({ event, resolve: async () => response });
}

describe('compression', () => {
	it('gzips a rendered page the browser accepts gzip for, and says so', async () => {
		const headers = new Headers({ 'content-type': 'text/html; charset=utf-8', 'content-length': String(page.length) });
		headers.append('set-cookie', 'a=1; Path=/');
		headers.append('set-cookie', 'b=2; Path=/');
		const res = await through(new Response(page, { status: 200, headers }));
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(res.headers.get('content-length')).toBeNull();
		expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
		// Both cookies survive the copy of the headers.
		expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
		expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(page);
	});

	it('gzips JSON and problem documents, keeping the status', async () => {
		const res = await through(new Response(JSON.stringify({ detail: page }), { status: 422, headers: { 'content-type': 'application/problem+json' } }));
		expect(res.status).toBe(422);
		expect(res.headers.get('content-encoding')).toBe('gzip');
	});

	it('leaves alone small bodies, browsers without gzip, event streams, fonts and images, and bodies already encoded', async () => {
		const small = await through(new Response('ok', { headers: { 'content-type': 'text/html', 'content-length': '2' } }));
		expect(small.headers.get('content-encoding')).toBeNull();
		const noGzip = await through(new Response(page, { headers: { 'content-type': 'text/html' } }), 'br');
		expect(noGzip.headers.get('content-encoding')).toBeNull();
		const none = await through(new Response(page, { headers: { 'content-type': 'text/html' } }), null);
		expect(none.headers.get('content-encoding')).toBeNull();
		const stream = await through(new Response(page, { headers: { 'content-type': 'text/event-stream' } }));
		expect(stream.headers.get('content-encoding')).toBeNull();
		const font = await through(new Response(page, { headers: { 'content-type': 'font/woff2' } }));
		expect(font.headers.get('content-encoding')).toBeNull();
		const encoded = await through(new Response(page, { headers: { 'content-type': 'text/html', 'content-encoding': 'br' } }));
		expect(encoded.headers.get('content-encoding')).toBe('br');
		expect(await encoded.text()).toBe(page);
	});

	it('passes bodiless answers (redirects, 304) through untouched', async () => {
		const redirect = await through(new Response(null, { status: 303, headers: { location: '/dashboard', 'content-type': 'text/html' } }));
		expect(redirect.status).toBe(303);
		expect(redirect.headers.get('content-encoding')).toBeNull();
	});
});
