/** A private calendar address made on the account page, read by a calendar app without cookies, and stopped. */
import { request } from '@playwright/test';
import { BASE_URL, SCHOOL, expect, openContext, t, test } from '../fixtures';
import { book, futureWeekday, roomIds, seoul } from '../facility/helpers';

test('a school user makes a feed address, a cookieless client reads the bookings from it, and stopping it ends it', async ({ browser }) => {
	const rooms = await roomIds();
	const date = futureWeekday(4, 8);
	const booking = await book(SCHOOL.email, { roomId: rooms['Small Meeting Room 1']!, start: seoul(date, '11:00'), end: seoul(date, '12:00'), purpose: '구독 확인 협의', attendees: 3 });
	const context = await openContext(browser, { as: SCHOOL, locale: 'ko' });
	const page = await context.newPage();
	await page.goto('/account');
	await page.getByRole('button', { name: t('ko', 'feed_create'), exact: true }).click();
	const address = await page.getByLabel(t('ko', 'feed_url_label')).inputValue();
	expect(address).toMatch(new RegExp(`^${BASE_URL}/feeds/[a-z2-7]+\\.ics$`));

	// A calendar app: no cookies at all.
	const app = await request.newContext();
	const feed = await app.get(address);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
	const body = await feed.text();
	expect(body).toContain(`reservation-${booking.id}@`);
	expect(body).toContain('구독 확인 협의');

	await page.getByRole('button', { name: t('ko', 'feed_revoke'), exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(t('ko', 'feed_revoked'));
	expect((await app.get(address)).status()).toBe(404);
	expect((await app.get(`${BASE_URL}/feeds/not-a-token.ics`)).status()).toBe(404);
	await app.dispose();
	await context.close();
});

test("a room's public busy feed lists busy times without purposes", async () => {
	const rooms = await roomIds();
	const date = futureWeekday(3, 8);
	await book(SCHOOL.email, { roomId: rooms['Small Meeting Room 1']!, start: seoul(date, '15:00'), end: seoul(date, '16:00'), purpose: '비공개 목적', attendees: 3 });
	const app = await request.newContext({ extraHTTPHeaders: { 'accept-language': 'en' } });
	const feed = await app.get(`${BASE_URL}/rooms/${rooms['Small Meeting Room 1']}/busy.ics`);
	expect(feed.status()).toBe(200);
	const body = await feed.text();
	expect(body).toContain('SUMMARY:In use');
	expect(body).toContain(`DTSTART;TZID=Asia/Seoul:${date.replaceAll('-', '')}T150000`);
	expect(body).not.toContain('비공개');
	await app.dispose();
});
