import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS, ADMIN, BASE_URL, PASSWORD, expect, test } from '../fixtures';

const FACILITY = ACCOUNTS.find((a) => a.role === 'facility_manager')!;
/** Well-formed, but no such row. */
const ABSENT = '00000000-0000-4000-8000-000000000000';
const MALFORMED = ['not-a-uuid', '1', "'%20or%201=1"];

async function signedIn(email: string): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
	const response = await context.post('/login', {
		form: { email, password: PASSWORD },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	return context;
}

/** A form action as the browser posts it (same origin, so past the CSRF check). */
const postAction = (context: APIRequestContext, path: string, form: Record<string, string> = {}) =>
	context.post(path, { form, headers: { origin: BASE_URL }, maxRedirects: 0 });

test.describe('ids that are not there answer 404, never 500', () => {
	test('admin › users/{id}: the page and every action with a malformed or absent id', async () => {
		const admin = await signedIn(ADMIN.email);
		for (const id of [...MALFORMED, ABSENT]) {
			expect((await admin.get(`/admin/users/${id}`)).status(), `page ${id}`).toBe(404);
			expect((await admin.get(`/admin/users/${id}/__data.json`)).status(), `data ${id}`).not.toBeGreaterThanOrEqual(500);
			for (const action of ['role', 'deactivate', 'reactivate', 'reinvite']) {
				const response = await postAction(admin, `/admin/users/${id}?/${action}`, { role: 'school_user' });
				expect(response.status(), `${action} ${id}`).toBe(404);
			}
			// Fields that are themselves wrong: the missing user is still what is said first.
			const malformed = await postAction(admin, `/admin/users/${id}?/role`, { role: '__proto__' });
			expect(malformed.status(), `role with a malformed role, ${id}`).toBe(404);
		}
		await admin.dispose();
	});

	test('facility › rooms/{id}: the page and every action with a malformed or absent id', async () => {
		const facility = await signedIn(FACILITY.email);
		for (const id of [...MALFORMED, ABSENT]) {
			expect((await facility.get(`/facility/rooms/${id}`)).status(), `page ${id}`).toBe(404);
			for (const action of ['details', 'rules', 'hours']) {
				// Fields the action would refuse (no hours source, no capacity): the missing room is still what is said.
				const response = await postAction(facility, `/facility/rooms/${id}?/${action}`, { nameKo: '방', nameEn: 'Room' });
				expect(response.status(), `${action} ${id}`).toBe(404);
			}
		}
		await facility.dispose();
	});

	test('public room pages, calendar files and API paths with a malformed id', async () => {
		const anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
		for (const id of MALFORMED) {
			expect((await anonymous.get(`/rooms/${id}`)).status(), `room ${id}`).toBe(404);
			expect((await anonymous.get(`/rooms/${id}/__data.json`)).status(), `room data ${id}`).toBe(404);
			const availability = await anonymous.get(`/api/v1/rooms/${id}/availability`);
			expect(availability.status()).toBe(404);
			expect(availability.headers()['content-type']).toContain('application/problem+json');
		}
		await anonymous.dispose();
		const school = await signedIn(ACCOUNTS.find((a) => a.role === 'school_user')!.email);
		expect((await school.get('/my/bookings/not-a-uuid/ics')).status()).toBe(404);
		const cancel = await school.post('/api/v1/reservations/not-a-uuid/cancel', {
			data: { scope: 'one' },
			headers: { origin: BASE_URL }
		});
		expect(cancel.status()).toBe(404);
		expect(cancel.headers()['content-type']).toContain('application/problem+json');
		await school.dispose();
	});
});
