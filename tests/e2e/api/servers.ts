/**
 * The built app runs twice in e2e: on the embedded PGlite (always) and on PostgreSQL when
 * TEST_DATABASE_URL is set (playwright.config.ts starts both). Specs that prove database
 * guarantees over HTTP run against each.
 */
import { request, type APIRequestContext } from '@playwright/test';
import { isHoliday } from './holidays';

export const SERVERS = [
	{ name: 'pglite', baseURL: `http://localhost:${process.env.E2E_PORT ?? 4173}` },
	...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres', baseURL: `http://localhost:${process.env.E2E_PG_PORT ?? 4174}` }] : [])
];

export async function signedIn(baseURL: string, email: string, locale = 'en'): Promise<APIRequestContext> {
	const context = await request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': locale } });
	const response = await context.post('/api/v1/session', { data: { email, password: 'center-demo' } });
	if (response.status() !== 201) throw new Error(`sign-in failed for ${email}: ${response.status()}`);
	return context;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A weekday (0 = Sunday … 6) at least `weeksAhead` weeks from today that is not a public holiday. */
export function futureWeekday(weekday: number, weeksAhead: number): string {
	const d = new Date();
	d.setUTCDate(d.getUTCDate() + weeksAhead * 7 + ((weekday - d.getUTCDay() + 7) % 7));
	for (;;) {
		const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
		if (!isHoliday(date)) return date;
		d.setUTCDate(d.getUTCDate() + 7);
	}
}

/** Seoul wall-clock time as ISO 8601 with its offset. */
export const seoul = (date: string, time: string) => `${date}T${time}:00+09:00`;
