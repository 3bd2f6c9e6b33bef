import { expect, test } from '@playwright/test';

const PASSWORD = 'center-demo';
const json = { 'content-type': 'application/json' };

test.describe('POST/GET/DELETE /api/v1/session', () => {
	test('signs in with JSON, sets the same HttpOnly SameSite=Lax cookie as the page, and signs out', async ({ request }) => {
		const created = await request.post('/api/v1/session', { data: { email: 'visits@center.test', password: PASSWORD } });
		expect(created.status()).toBe(201);
		const cookie = created.headers()['set-cookie'] ?? '';
		expect(cookie).toMatch(/^session=[a-z2-7]+\.[a-z2-7]{40};/);
		expect(cookie).toContain('HttpOnly');
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toContain('Path=/');

		const current = await request.get('/api/v1/session');
		expect(current.status()).toBe(200);
		expect(await current.json()).toMatchObject({
			user: { email: 'visits@center.test', role: 'visit_coordinator' },
			idleTimeoutSeconds: 1800
		});

		const deleted = await request.delete('/api/v1/session');
		expect(deleted.status()).toBe(204);
		expect((await request.get('/api/v1/session')).status()).toBe(401);
	});

	test('answers a wrong password with 401 problem+json, titled in the language asked for', async ({ request }) => {
		for (const [language, title] of [
			['ko', '이메일 또는 비밀번호가 올바르지 않습니다.'],
			['en', 'The e-mail or password is not correct.']
		] as const) {
			const response = await request.post('/api/v1/session', {
				data: { email: `nobody-${language}@center.test`, password: 'wrong' },
				headers: { 'accept-language': language }
			});
			expect(response.status()).toBe(401);
			expect(response.headers()['content-type']).toContain('application/problem+json');
			expect(await response.json()).toEqual({ type: '/api/v1/problems/invalid-credentials', title, status: 401 });
		}
	});

	test('lists missing fields as 422 violations', async ({ request }) => {
		const response = await request.post('/api/v1/session', { data: {}, headers: { 'accept-language': 'en' } });
		expect(response.status()).toBe(422);
		const body = await response.json();
		expect(body.type).toBe('/api/v1/problems/validation');
		expect(body.violations).toEqual([
			{ rule: 'email', message: 'This field is required.' },
			{ rule: 'password', message: 'This field is required.' }
		]);
	});

	test('slows repeated failures for one address down to 429 with Retry-After', async ({ request }) => {
		const attempt = () => request.post('/api/v1/session', { data: { email: 'throttle-me@center.test', password: 'wrong' } });
		for (let i = 0; i < 4; i++) expect((await attempt()).status()).toBe(401);
		const refused = await attempt();
		expect(refused.status()).toBe(429);
		expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
		expect((await refused.json()).type).toBe('/api/v1/problems/too-many-requests');
	});
});

test.describe('API guards', () => {
	test('refuses a body that is not JSON with 415', async ({ request, baseURL }) => {
		// A same-origin form-like type passes SvelteKit's CSRF check and reaches ours.
		const plain = await request.post('/api/v1/session', {
			data: 'email=a&password=b',
			headers: { 'content-type': 'text/plain', origin: baseURL! }
		});
		expect(plain.status()).toBe(415);
		expect((await plain.json()).type).toBe('/api/v1/problems/unsupported-media-type');
		const xml = await request.post('/api/v1/session', { data: '<email/>', headers: { 'content-type': 'application/xml' } });
		expect(xml.status()).toBe(415);
	});

	test('refuses a cross-site form post before it reaches the API', async ({ request }) => {
		const response = await request.post('/api/v1/session', {
			data: 'email=a&password=b',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }
		});
		expect(response.status()).toBe(403);
	});

	test('refuses a write from a foreign origin with 403', async ({ request }) => {
		const response = await request.post('/api/v1/session', {
			data: { email: 'visits@center.test', password: PASSWORD },
			headers: { ...json, origin: 'https://evil.example' }
		});
		expect(response.status()).toBe(403);
		expect((await response.json()).type).toBe('/api/v1/problems/foreign-origin');
	});

	test('answers malformed JSON with 400, not 500', async ({ request }) => {
		const response = await request.post('/api/v1/session', { data: Buffer.from('{"email":'), headers: json });
		expect(response.status()).toBe(400);
		expect((await response.json()).type).toBe('/api/v1/problems/malformed-json');
	});

	test('answers an unknown API path with a 404 problem', async ({ request }) => {
		const response = await request.get('/api/v1/does-not-exist');
		expect(response.status()).toBe(404);
		expect(response.headers()['content-type']).toContain('application/problem+json');
	});
});

test('serves an OpenAPI 3.1 document describing the session endpoints', async ({ request }) => {
	const response = await request.get('/api/v1/openapi.json');
	expect(response.status()).toBe(200);
	const doc = await response.json();
	expect(doc.openapi).toBe('3.1.0');
	expect(Object.keys(doc.paths['/api/v1/session']).sort()).toEqual(['delete', 'get', 'post']);
});

test('health check reports the database', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({ status: 'ok', database: { driver: 'pglite' } });
});
