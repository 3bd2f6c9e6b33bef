/** Shared steps of the facility specs: rooms by English name, and requests made through the JSON API. */
import { createHash } from 'node:crypto';
import { expect, request } from '@playwright/test';
import { ACCOUNTS, BASE_URL } from '../fixtures';
import { signedIn } from '../api/servers';

export { futureWeekday, seoul } from '../api/servers';

export const FACILITY = ACCOUNTS.find((a) => a.email === 'facility@center.test')!;
export const EDU = ACCOUNTS.find((a) => a.email === 'edu@center.test')!;

export async function roomIds(): Promise<Record<string, string>> {
	const anonymous = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'accept-language': 'en' } });
	const body = await (await anonymous.get('/api/v1/rooms')).json();
	await anonymous.dispose();
	return Object.fromEntries((body.rooms as { id: string; name: string }[]).map((r) => [r.name, r.id]));
}

/** Books through POST /api/v1/reservations as `email`; returns the created reservation. */
export async function book(
	email: string,
	body: { roomId: string; start: string; end: string; purpose: string; attendees: number }
): Promise<{ id: string; status: string; start: string; end: string }> {
	const client = await signedIn(BASE_URL, email);
	const response = await client.post('/api/v1/reservations', {
		// Header values must be ASCII: a digest of who, when and what (the purpose may be Korean).
		headers: { 'idempotency-key': `facility-${createHash('sha256').update(`${email}|${body.start}|${body.purpose}`).digest('hex').slice(0, 32)}` },
		data: body
	});
	const json = await response.json();
	expect(response.status(), JSON.stringify(json)).toBe(201);
	await client.dispose();
	return json;
}
