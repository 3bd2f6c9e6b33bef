import type { RequestEvent } from '@sveltejs/kit';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { createAdmission } from './admission';
import { problemFromError } from './problem';
import { databaseGuard, markUnavailable } from './unavailable';

const dropped = (code: string) => new DrizzleQueryError('select 1', [], Object.assign(new Error(code), { code }));

function eventFor(path: string, accept = 'text/html'): RequestEvent {
	const url = new URL(`http://localhost${path}`);
	return { url, request: new Request(url, { headers: { accept } }), locals: {} } as unknown as RequestEvent;
}

const guard = databaseGuard(createAdmission({ maxInFlight: 1, maxQueued: 0, queueTimeoutMs: 1_000 }));

describe('problemFromError', () => {
	it.each(['57P01', '08006', 'CONNECTION_CLOSED', 'ECONNREFUSED', '55P03', '57014'])(
		'answers a %s from the database with 503 problem+json and Retry-After',
		async (code) => {
			const response = problemFromError(dropped(code));
			expect(response.status).toBe(503);
			expect(response.headers.get('content-type')).toContain('application/problem+json');
			expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(await response.json()).toMatchObject({ type: '/api/v1/problems/unavailable', status: 503 });
		}
	);

	it('still answers an unexpected error with 500', () => {
		expect(problemFromError(new Error('bug')).status).toBe(500);
	});
});

describe('databaseGuard', () => {
	it('answers an API request whose session lookup lost the database with 503 problem+json', async () => {
		const response = await guard({ event: eventFor('/api/v1/rooms', 'application/json'), resolve: () => Promise.reject(dropped('57P01')) });
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBeTruthy();
		expect((await response.json()).type).toBe('/api/v1/problems/unavailable');
	});

	it('answers a page request whose session lookup lost the database with a 503 page', async () => {
		const response = await guard({ event: eventFor('/rooms'), resolve: () => Promise.reject(dropped('ECONNREFUSED')) });
		expect(response.status).toBe(503);
		expect(response.headers.get('content-type')).toContain('text/html');
		expect(await response.text()).toContain('<h1>');
	});

	it("turns SvelteKit's 500 for an error handleError marked as an outage into 503", async () => {
		const event = eventFor('/dashboard');
		const response = await guard({
			event,
			resolve: async () => {
				expect(markUnavailable(event, dropped('CONNECTION_ENDED'))).toBe(true);
				return new Response('<h1>x</h1>', { status: 500, headers: { 'content-type': 'text/html' } });
			}
		});
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBeTruthy();
		expect(await response.text()).toBe('<h1>x</h1>');
	});

	it('leaves a 500 for anything else a 500, and rethrows errors that are not outages', async () => {
		const event = eventFor('/dashboard');
		expect(markUnavailable(event, new Error('bug'))).toBe(false);
		const response = await guard({ event, resolve: async () => new Response('', { status: 500 }) });
		expect(response.status).toBe(500);
		await expect(guard({ event: eventFor('/x'), resolve: () => Promise.reject(new Error('bug')) })).rejects.toThrow('bug');
	});

	it('answers 503 at once when the process already runs as much as it admits', async () => {
		let finish!: () => void;
		const busy = guard({ event: eventFor('/a'), resolve: () => new Promise((resolve) => (finish = () => resolve(new Response('ok')))) });
		const refused = await guard({ event: eventFor('/api/v1/rooms'), resolve: async () => new Response('ok') });
		expect(refused.status).toBe(503);
		expect((await refused.json()).detail).toBeTruthy();
		const health = await guard({ event: eventFor('/healthz'), resolve: async () => new Response('ok') });
		expect(health.status).toBe(200);
		finish();
		expect((await busy).status).toBe(200);
	});
});
