/** Helpers of the booking specs: rooms by name, dates far enough ahead, filling the form. */
import { request, type Page } from '@playwright/test';
import { BASE_URL, expect, t, type Locale } from '../fixtures';
import { isHoliday } from '../api/holidays';
import { futureWeekday, seoul, signedIn } from '../api/servers';

export { futureWeekday, seoul };

export type Room = { id: string; name: string; capacity: number; requiresApproval: boolean };

export async function roomsByName(locale: Locale = 'en'): Promise<Record<string, Room>> {
	const anonymous = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'accept-language': locale } });
	const body = await (await anonymous.get('/api/v1/rooms')).json();
	await anonymous.dispose();
	return Object.fromEntries((body.rooms as Room[]).map((r) => [r.name, r]));
}

/** Book through the JSON API as someone else (e.g. to block a time), returning the reservation. */
export async function bookByApi(email: string, body: Record<string, unknown>): Promise<{ id: string; status: string }> {
	const api = await signedIn(BASE_URL, email);
	const response = await api.post('/api/v1/reservations', {
		headers: { 'idempotency-key': `e2e-booking-${crypto.randomUUID()}` },
		data: body
	});
	expect(response.status(), await response.text()).toBe(201);
	const created = await response.json();
	await api.dispose();
	return created;
}

export interface FormInput {
	roomId: string;
	date: string;
	start: string;
	end: string;
	purpose: string;
	attendees: number;
}

export async function fillBookingForm(page: Page, locale: Locale, input: FormInput): Promise<void> {
	await page.getByLabel(t(locale, 'book_room'), { exact: true }).selectOption(input.roomId);
	await page.getByLabel(t(locale, 'book_date'), { exact: true }).fill(input.date);
	await page.getByLabel(t(locale, 'book_start'), { exact: true }).selectOption(input.start);
	await page.getByLabel(t(locale, 'book_end'), { exact: true }).selectOption(input.end);
	await page.getByLabel(t(locale, 'book_purpose'), { exact: true }).fill(input.purpose);
	await page.getByLabel(t(locale, 'book_attendees'), { exact: true }).fill(String(input.attendees));
}

export function shot(name: string) {
	return { path: `tests/e2e/screenshots/${name}.png`, fullPage: true };
}

const addDays = (date: string, days: number) => {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
};

/** The first date of a weekly series of `count` dates, none of them a public holiday. */
export function weeklySeries(weekday: number, weeksAhead: number, count: number): string[] {
	for (let weeks = weeksAhead; ; weeks++) {
		const first = futureWeekday(weekday, weeks);
		const dates = Array.from({ length: count }, (_, i) => addDays(first, i * 7));
		if (!dates.some(isHoliday)) return dates;
	}
}
