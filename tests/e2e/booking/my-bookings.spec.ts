import { readFileSync } from 'node:fs';
import { expect, openContext, SCHOOL, t, test } from '../fixtures';
import { bookByApi, futureWeekday, roomsByName, seoul, shot } from './helpers';

test('cancel a booking from My bookings: asked once, then shown as cancelled', async ({ browser }) => {
	const rooms = await roomsByName();
	const date = futureWeekday(4, 3);
	await bookByApi(SCHOOL.email, { roomId: rooms['Meeting Room B']!.id, start: seoul(date, '14:00'), end: seoul(date, '15:00'), purpose: '취소할 예약', attendees: 3 });
	const context = await openContext(browser, { locale: 'ko', as: SCHOOL });
	const page = await context.newPage();
	await page.goto('/my/bookings');
	const upcoming = page.getByRole('region', { name: t('ko', 'my_upcoming') });
	const row = upcoming.getByRole('row').filter({ hasText: '취소할 예약' });
	await expect(row).toContainText(t('ko', 'my_status_confirmed'));
	await row.getByText(t('ko', 'my_cancel_open')).click();
	await page.screenshot(shot('my-bookings-cancel-open-ko-1280'));
	await row.getByRole('button', { name: t('ko', 'my_cancel_one'), exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: t('ko', 'my_cancelled_one') })).toBeVisible();
	await expect(row).toContainText(t('ko', 'my_status_cancelled'));
	await expect(row.getByText(t('ko', 'my_cancel_open'))).toHaveCount(0);
	await context.close();
});

test('the .ics downloads with CRLF line ends, a VTIMEZONE for Asia/Seoul and the booking in Seoul time', async ({ browser }) => {
	const rooms = await roomsByName();
	const date = futureWeekday(4, 3);
	const created = await bookByApi(SCHOOL.email, { roomId: rooms['Meeting Room B']!.id, start: seoul(date, '16:00'), end: seoul(date, '17:00'), purpose: '캘린더로 받을 예약', attendees: 3 });
	const context = await openContext(browser, { locale: 'ko', as: SCHOOL });
	const page = await context.newPage();
	await page.goto('/my/bookings');
	const row = page.getByRole('region', { name: t('ko', 'my_upcoming') }).getByRole('row').filter({ hasText: '캘린더로 받을 예약' });
	const [download] = await Promise.all([page.waitForEvent('download'), row.locator('a[href$="/ics"]').click()]);
	expect(download.suggestedFilename()).toBe(`booking-${date.replace(/-/g, '')}.ics`);
	const text = readFileSync(await download.path(), 'utf8');
	expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	expect(text).toContain('TZID:Asia/Seoul');
	expect(text).toContain(`DTSTART;TZID=Asia/Seoul:${date.replace(/-/g, '')}T160000`);
	expect(text).toContain(`UID:reservation-${created.id}@`);
	expect(text).toContain('STATUS:CONFIRMED');

	const all = await context.request.get('/my/bookings/ics');
	expect(all.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(all.headers()['content-disposition']).toMatch(/^attachment; filename="my-bookings\.ics"$/);
	expect(await all.text()).toContain(`UID:reservation-${created.id}@`);

	// Someone else cannot download it.
	const other = await openContext(browser, { locale: 'ko', as: { email: 'edu@center.test', name: '', role: 'department_staff' } });
	const refused = await other.request.get(`/my/bookings/${created.id}/ics`);
	expect(refused.status()).toBe(404);
	await other.close();
	await context.close();
});
