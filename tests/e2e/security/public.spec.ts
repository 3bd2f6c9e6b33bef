import { request as playwrightRequest } from '@playwright/test';
import { BASE_URL, expect, test } from '../fixtures';

test.describe('what anyone can fetch', () => {
	test('an anonymous visitor’s __data.json of a room page carries public facts, not who may book it', async () => {
		const anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
		const { rooms } = (await (await anonymous.get('/api/v1/rooms')).json()) as { rooms: { id: string }[] };
		expect(rooms.length).toBeGreaterThan(0);
		for (const { id } of rooms) {
			const response = await anonymous.get(`/rooms/${id}/__data.json`);
			expect(response.status()).toBe(200);
			const data = await response.text();
			expect(data).toContain('capacity');
			expect(data).not.toContain('allowedSchoolIds');
			expect(data).not.toContain('allowedRoles');
		}
		await anonymous.dispose();
	});

	test('/favicon.ico is an icon, not a 404', async () => {
		const anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
		const response = await anonymous.get('/favicon.ico');
		expect(response.status()).toBe(200);
		// ICONDIR: reserved 0, type 1 (icon).
		expect([...(await response.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
		await anonymous.dispose();
	});
});
