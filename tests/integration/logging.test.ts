import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handleError } from '../../src/hooks.server';
import { requestLog as handle } from '../../src/lib/server/http/request-log';
import { db } from '../../src/lib/server/db';
import { appUser } from '../../src/lib/server/db/schema';
import { problemFromError } from '../../src/lib/server/http/problem';
import { captureLogs } from '../../src/lib/server/log';
import { seedDemoCenter } from './fixtures';

beforeAll(seedDemoCenter);

let capture: ReturnType<typeof captureLogs> | undefined;
afterEach(() => capture?.stop());

/** A request event as SvelteKit hands it to the hooks (no cookies: an anonymous visitor). */
function requestEvent(path: string, routeId: string | null): RequestEvent {
	const url = new URL(path, 'http://localhost:3000');
	return {
		request: new Request(url),
		url,
		route: { id: routeId },
		params: {},
		locals: {} as App.Locals,
		cookies: { get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, serialize: () => '' },
		getClientAddress: () => '127.0.0.1',
		platform: undefined,
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		fetch,
		tracing: { enabled: false, root: {}, current: {} }
	} as unknown as RequestEvent;
}

/** A failed query whose bound values are personal data: a second account with a taken address. */
async function failedInsert(name: string, email: string): Promise<unknown> {
	await db.insert(appUser).values({ email, name, role: 'admin' });
	return db
		.insert(appUser)
		.values({ email, name, role: 'admin' })
		.then(() => null)
		.catch((e: unknown) => e);
}

describe('the request log', () => {
	it('writes the route, never a path carrying an invitation token', async () => {
		const token = 'k7xq2m9ratokensecretvalue42abcd';
		capture = captureLogs();
		const response = await handle({ event: requestEvent(`/invite/${token}`, '/(public)/invite/[token]'), resolve: async () => new Response('ok') });
		expect(response.status).toBe(200);
		const [line] = capture.lines().filter((l) => l.msg === 'request');
		expect(line).toMatchObject({ method: 'GET', route: '/(public)/invite/[token]', status: 200 });
		expect(capture.text()).not.toContain(token);
	});

	it('writes no path either for a request that matches no route', async () => {
		capture = captureLogs();
		await handle({ event: requestEvent('/invite/secret-token-value/extra', null), resolve: async () => new Response('nope', { status: 404 }) });
		expect(capture.lines().find((l) => l.msg === 'request')).toMatchObject({ route: null, status: 404 });
		expect(capture.text()).not.toContain('secret-token-value');
	});
});

describe('failed-query log lines', () => {
	it('name the SQLSTATE, the constraint and the query shape, not the bound values (names, e-mails)', async () => {
		const name = '홍길동비밀이름';
		const email = 'private.person@example.kr';
		const error = await failedInsert(name, email);
		expect(String(error)).toContain(email); // what the driver's error carries
		capture = captureLogs();
		const event = requestEvent('/admin/users/new', '/(admin)/admin/users/new');
		await handle({ event, resolve: async () => new Response('ok') });
		handleError({ error, event, status: 500, message: 'Internal Error' });
		problemFromError(error, 'req-1');
		const lines = capture.lines().filter((l) => l.msg !== 'request');
		expect(lines).toHaveLength(2);
		for (const line of lines) {
			expect(line.err).toMatchObject({ type: 'DrizzleQueryError', sqlState: '23505', constraint: 'app_user_email_unique' });
			expect(String((line.err as { query: string }).query)).toMatch(/^insert into "app_user"/);
		}
		expect(capture.text()).not.toContain(email);
		expect(capture.text()).not.toContain(name);
	});

	it('leave out the value PostgreSQL quotes in its own message (an id that is not a uuid)', async () => {
		const value = 'purpose-mediation-case-2026';
		const error = await db
			.select()
			.from(appUser)
			.where(eq(appUser.id, value))
			.catch((e: unknown) => e);
		expect(JSON.stringify({ m: (error as Error).message, c: String((error as Error).cause) })).toContain(value);
		capture = captureLogs();
		problemFromError(error);
		expect(capture.lines()[0]!.err).toMatchObject({ sqlState: '22P02' });
		expect(capture.text()).not.toContain(value);
	});
});
