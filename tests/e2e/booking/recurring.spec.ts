import { expect, openContext, SCHOOL, t, test } from '../fixtures';
import { bookByApi, fillBookingForm, roomsByName, seoul, shot, weeklySeries } from './helpers';

for (const javaScriptEnabled of [true, false]) {
	test(`the recurring preview marks a taken date and books the free ones (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
		const rooms = await roomsByName();
		const room = rooms['Video Conference Room']!;
		// Each run its own weeks and hour, so both runs can share the server.
		const [first, second] = weeklySeries(2, javaScriptEnabled ? 5 : 3, 4);
		const [from, to] = javaScriptEnabled ? ['14:00', '15:00'] : ['15:30', '16:30'];
		await bookByApi('edu@center.test', { roomId: room.id, start: seoul(second!, from), end: seoul(second!, to), purpose: 'blocking', attendees: 2 });

		const context = await openContext(browser, { locale: 'ko', as: SCHOOL, javaScriptEnabled });
		const page = await context.newPage();
		await page.goto('/book');
		await fillBookingForm(page, 'ko', { roomId: room.id, date: first!, start: from, end: to, purpose: '주간 화상 회의', attendees: 5 });
		await page.getByLabel(t('ko', 'book_repeat_weekly'), { exact: true }).check();
		await page.getByLabel(t('ko', 'book_repeat_end_count'), { exact: true }).check();
		await page.getByLabel(t('ko', 'book_repeat_count'), { exact: true }).fill('4');
		await page.getByRole('button', { name: t('ko', 'book_preview_submit'), exact: true }).click();

		const table = page.getByRole('table', { name: t('ko', 'book_preview_caption') });
		await expect(table.locator('tbody tr')).toHaveCount(4);
		await expect(table.locator('tbody tr').nth(1)).toContainText(t('ko', 'book_state_conflict'));
		for (const row of [0, 2, 3]) await expect(table.locator('tbody tr').nth(row)).toContainText(t('ko', 'book_state_free'));
		await expect(page.getByText(t('ko', 'book_preview_summary', { free: 3, total: 4 }))).toBeVisible();
		if (javaScriptEnabled) await page.screenshot(shot('book-preview-ko-1280'));

		await page.getByRole('button', { name: t('ko', 'book_preview_book_free', { free: 3 }) }).click();
		await expect(page.getByRole('heading', { name: t('ko', 'book_done_confirmed_title') })).toBeVisible();
		await expect(page.getByText(t('ko', 'book_done_series', { count: 3 }))).toBeVisible();
		await expect(page.getByText(t('ko', 'book_done_skipped'))).toBeVisible();
		// The left-out date says why: it overlaps another booking, at which time (not just "taken").
		const conflictWords = t('ko', 'book_live_conflict').replace('{times}', '').trim();
		await expect(page.getByRole('listitem').filter({ hasText: conflictWords })).toHaveCount(1);
		await context.close();
	});
}

test('a date of a series that breaks a rule says which rule, in the preview and once booked (the booking horizon)', async ({ browser }) => {
	const rooms = await roomsByName();
	const room = rooms['Small Meeting Room 1']!;
	// Eleven weeks out, weekly four times: the last date lies beyond the 90-day horizon.
	const dates = weeklySeries(3, 11, 4);
	const context = await openContext(browser, { locale: 'en', as: SCHOOL });
	const page = await context.newPage();
	await page.goto('/book');
	await fillBookingForm(page, 'en', { roomId: room.id, date: dates[0]!, start: '16:00', end: '17:00', purpose: 'Weekly planning', attendees: 3 });
	await page.getByLabel(t('en', 'book_repeat_weekly'), { exact: true }).check();
	await page.getByLabel(t('en', 'book_repeat_end_count'), { exact: true }).check();
	await page.getByLabel(t('en', 'book_repeat_count'), { exact: true }).fill('4');
	await page.getByRole('button', { name: t('en', 'book_preview_submit'), exact: true }).click();
	const table = page.getByRole('table', { name: t('en', 'book_preview_caption') });
	await expect(table.locator('tbody tr')).toHaveCount(4);
	const horizon = t('en', 'rule_horizon', { days: 90 });
	await expect(table.locator('tbody tr').first()).toContainText(t('en', 'book_state_free'));
	await expect(table.locator('tbody tr').last()).toContainText(t('en', 'book_state_invalid'));
	await expect(table.locator('tbody tr').last()).toContainText(horizon);
	await page.getByRole('button', { name: /^Book the \d+ free date/ }).click();
	await expect(page.getByRole('heading', { name: t('en', 'book_done_confirmed_title') })).toBeVisible();
	await expect(page.getByText(t('en', 'book_done_skipped'))).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: horizon })).not.toHaveCount(0);
	await page.screenshot(shot('book-series-skipped-reason-en-1280'));
	await context.close();
});
