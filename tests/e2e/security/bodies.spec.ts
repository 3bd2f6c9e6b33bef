import { request as playwrightRequest } from '@playwright/test';
import { BASE_URL, PASSWORD, SCHOOL, expect, test } from '../fixtures';

test.describe('API bodies that are too large or too deep', () => {
	test('a body over the size limit answers 413 problem+json, not 400', async () => {
		const anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
		const response = await anonymous.post('/api/v1/session', {
			data: JSON.stringify({ email: SCHOOL.email, password: 'x'.repeat(600 * 1024) }),
			headers: { 'content-type': 'application/json', origin: BASE_URL }
		});
		expect(response.status()).toBe(413);
		expect(response.headers()['content-type']).toContain('application/problem+json');
		expect(await response.json()).toMatchObject({ status: 413, type: '/api/v1/problems/payload-too-large' });
		await anonymous.dispose();
	});

	test('a booking body nested 100,000 levels deep answers 400 problem+json, not 500', async () => {
		const school = await playwrightRequest.newContext({ baseURL: BASE_URL });
		expect((await school.post('/api/v1/session', { data: { email: SCHOOL.email, password: PASSWORD } })).status()).toBe(201);
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		const response = await school.post('/api/v1/reservations', {
			data: deep,
			headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-body-0001' }
		});
		expect(response.status()).toBe(400);
		expect(await response.json()).toMatchObject({ status: 400, type: '/api/v1/problems/json-too-deep' });
		await school.dispose();
	});
});
