import { expect, openContext, SCHOOL, t, test } from '../fixtures';
import { bookByApi, fillBookingForm, futureWeekday, roomsByName, seoul, shot, type Room } from './helpers';

let rooms: Record<string, Room>;
test.beforeAll(async () => {
	rooms = await roomsByName();
});

// A Tuesday three weeks ahead: far enough from other specs' dates.
const tuesday = () => futureWeekday(2, 3);

test.describe('booking form', () => {
	test('a school books Meeting Room B two weeks ahead with JavaScript on: the live check says it is free, then it is confirmed', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'ko', as: SCHOOL });
		const page = await context.newPage();
		await page.goto('/book');
		await fillBookingForm(page, 'ko', { roomId: rooms['Meeting Room B']!.id, date: tuesday(), start: '10:00', end: '11:00', purpose: '3학년 교육과정 협의회', attendees: 8 });
		const live = page.locator('[aria-live="polite"]');
		await expect(live).toContainText(t('ko', 'book_live_free'));
		await page.getByRole('button', { name: t('ko', 'book_submit'), exact: true }).click();
		await expect(page.getByRole('heading', { name: t('ko', 'book_done_confirmed_title') })).toBeVisible();
		await expect(page.getByRole('link', { name: t('ko', 'book_done_my') })).toHaveAttribute('href', '/my/bookings');
		await expect(page.getByRole('link', { name: t('ko', 'book_done_ics') })).toHaveAttribute('href', /^\/my\/bookings\/[0-9a-f-]{36}\/ics$/);
		await page.screenshot(shot('book-confirmed-ko-1280'));
		await context.close();
	});

	test('on a phone the live check sits right above the submit button, where the person looks before sending', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'ko', as: SCHOOL, width: 360 });
		const page = await context.newPage();
		await page.goto('/book');
		await fillBookingForm(page, 'ko', { roomId: rooms['Meeting Room B']!.id, date: tuesday(), start: '16:00', end: '17:00', purpose: '휴대전화 확인', attendees: 4 });
		const live = page.locator('[aria-live="polite"]');
		await expect(live).toContainText(t('ko', 'book_live_free'));
		await expect(live).toHaveCount(1);
		const submit = page.getByRole('button', { name: t('ko', 'book_submit'), exact: true });
		const repeat = page.getByRole('group', { name: t('ko', 'book_repeat_legend'), exact: true });
		const [liveBox, submitBox, repeatBox] = await Promise.all([live.boundingBox(), submit.boundingBox(), repeat.boundingBox()]);
		expect(liveBox!.y).toBeGreaterThan(repeatBox!.y + repeatBox!.height - 1);
		expect(liveBox!.y + liveBox!.height).toBeLessThanOrEqual(submitBox!.y);
		await page.screenshot(shot('book-live-ko-360'));
		await context.close();
	});

	test('the same booking works with JavaScript off (form post, server-side conversion of Seoul time)', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'en', as: SCHOOL, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/book');
		await fillBookingForm(page, 'en', { roomId: rooms['Meeting Room B']!.id, date: tuesday(), start: '13:00', end: '14:00', purpose: 'Parent meeting prep', attendees: 5 });
		await page.getByRole('button', { name: t('en', 'book_submit'), exact: true }).click();
		await expect(page.getByRole('heading', { name: t('en', 'book_done_confirmed_title') })).toBeVisible();
		await expect(page.getByRole('main')).toContainText('13:00–14:00');
		await page.goto('/my/bookings');
		await expect(page.getByRole('row').filter({ hasText: 'Parent meeting prep' })).toContainText('13:00–14:00');
		await context.close();
	});

	test('a double submit of one rendered form books once (idempotency key in the form)', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'ko', as: SCHOOL, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/book');
		const key = await page.locator('input[name="idempotencyKey"]').inputValue();
		expect(key).toMatch(/^[0-9a-f-]{36}$/);
		const form = {
			idempotencyKey: key,
			roomId: rooms['Meeting Room B']!.id,
			date: tuesday(),
			start: '15:00',
			end: '16:00',
			purpose: '두 번 누른 예약',
			attendees: '4',
			repeat: 'none'
		};
		const headers = { origin: new URL(page.url()).origin, accept: 'text/html' };
		const [first, second] = await Promise.all([
			context.request.post('/book?/book', { form, headers }),
			context.request.post('/book?/book', { form, headers })
		]);
		expect([first.status(), second.status()]).toEqual([200, 200]);
		await page.goto('/my/bookings');
		await expect(page.getByRole('row').filter({ hasText: '두 번 누른 예약' })).toHaveCount(1);
		await context.close();
	});

	test('a refused booking lists every broken rule at once and keeps every value typed', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'en', as: SCHOOL });
		const page = await context.newPage();
		// A Saturday (closed) beyond the 90-day horizon, with more people than the room holds.
		const far = futureWeekday(6, 15);
		await page.goto('/book');
		await fillBookingForm(page, 'en', { roomId: rooms['Meeting Room B']!.id, date: far, start: '17:00', end: '18:00', purpose: 'Too many, too late', attendees: 20 });
		await page.getByRole('button', { name: t('en', 'book_submit'), exact: true }).click();
		const refusal = page.getByRole('alert').filter({ hasText: t('en', 'book_refused_title') });
		await expect(refusal).toBeVisible();
		await expect(refusal).toBeFocused();
		await expect(refusal).toContainText(t('en', 'rule_horizon', { days: 90 }));
		await expect(refusal).toContainText(t('en', 'rule_capacity', { capacity: 12 }));
		await expect(refusal).toContainText(t('en', 'rule_closed_day', { date: '|' }).split('|')[0]!);
		await expect(refusal.locator('li')).toHaveCount(3);
		await expect(page.getByLabel(t('en', 'book_room'), { exact: true })).toHaveValue(rooms['Meeting Room B']!.id);
		await expect(page.getByLabel(t('en', 'book_date'), { exact: true })).toHaveValue(far);
		await expect(page.getByLabel(t('en', 'book_start'), { exact: true })).toHaveValue('17:00');
		await expect(page.getByLabel(t('en', 'book_end'), { exact: true })).toHaveValue('18:00');
		await expect(page.getByLabel(t('en', 'book_purpose'), { exact: true })).toHaveValue('Too many, too late');
		await expect(page.getByLabel(t('en', 'book_attendees'), { exact: true })).toHaveValue('20');
		await page.screenshot(shot('book-refused-en-1280'));
		await context.close();
	});

	test('a conflict names the clashing time and offers alternatives that fill the form and keep the rest', async ({ browser }) => {
		const date = futureWeekday(4, 4);
		const room = rooms['Video Conference Room']!;
		await bookByApi('edu@center.test', { roomId: room.id, start: seoul(date, '10:00'), end: seoul(date, '11:00'), purpose: 'blocking', attendees: 3 });
		const context = await openContext(browser, { locale: 'ko', as: SCHOOL, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/book');
		await fillBookingForm(page, 'ko', { roomId: room.id, date, start: '10:00', end: '11:00', purpose: '화상 연수', attendees: 6 });
		await page.getByRole('button', { name: t('ko', 'book_submit'), exact: true }).click();
		const refusal = page.getByRole('alert').filter({ hasText: t('ko', 'book_refused_title') });
		await expect(refusal).toContainText(t('ko', 'booking_conflict'));
		// The held time includes the room's 10-minute set-up buffer.
		await expect(refusal).toContainText('09:50');
		const alternatives = page.getByRole('region', { name: t('ko', 'book_alternatives_title') });
		await expect(alternatives.getByRole('link').first()).toBeVisible();
		await page.screenshot(shot('book-conflict-ko-1280'));
		await alternatives.getByRole('link').first().click();
		await expect(page.getByLabel(t('ko', 'book_purpose'), { exact: true })).toHaveValue('화상 연수');
		await expect(page.getByLabel(t('ko', 'book_attendees'), { exact: true })).toHaveValue('6');
		const start = await page.getByLabel(t('ko', 'book_start'), { exact: true }).inputValue();
		expect(start).toMatch(/^\d{2}:\d{2}$/);
		await page.getByRole('button', { name: t('ko', 'book_submit'), exact: true }).click();
		await expect(page.getByRole('heading', { name: t('ko', 'book_done_confirmed_title') })).toBeVisible();
		await context.close();
	});
});
