/**
 * What the room specs share: one Friday at least three weeks out (no other spec books then) and
 * bookings made through the JSON API, so the pages have something to show.
 */
import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { futureWeekday, seoul, signedIn } from '../api/servers';
import { BASE_URL } from '../fixtures';

export const FRIDAY = futureWeekday(5, 3);
export const SHOTS = 'tests/e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

export type ApiRoom = { id: string; name: string; capacity: number; equipment: string[] };

export async function roomsByName(): Promise<Record<string, ApiRoom>> {
	const api = await signedIn(BASE_URL, 'admin@center.test', 'en');
	const body = await (await api.get('/api/v1/rooms')).json();
	await api.dispose();
	return Object.fromEntries((body.rooms as ApiRoom[]).map((r) => [r.name, r]));
}

/** Books through the API as `email`; the idempotency key makes a rerun return the same booking. */
export async function book(email: string, roomId: string, from: string, to: string, purpose: string): Promise<string> {
	const api = await signedIn(BASE_URL, email, 'en');
	const response = await api.post('/api/v1/reservations', {
		headers: { 'idempotency-key': `rooms-e2e-${roomId.slice(0, 8)}-${FRIDAY}-${from.replace(':', '')}` },
		data: { roomId, start: seoul(FRIDAY, from), end: seoul(FRIDAY, to), purpose, attendees: 4 }
	});
	expect(response.status(), await response.text()).toBe(201);
	const { id } = await response.json();
	await api.dispose();
	return id;
}

/** Waits for the web font so screenshots show Korean, not boxes. */
export async function settle(page: Page): Promise<void> {
	await page.evaluate(() => document.fonts.ready);
}
