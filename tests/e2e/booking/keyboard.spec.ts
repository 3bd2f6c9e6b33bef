import { expect, openContext, SCHOOL, t, test } from '../fixtures';
import { futureWeekday, roomsByName } from './helpers';

test('keyboard only: Tab through the form, type, choose with arrow keys and book with Enter', async ({ browser }) => {
	const rooms = await roomsByName('ko');
	const context = await openContext(browser, { locale: 'ko', as: SCHOOL });
	const page = await context.newPage();
	await page.goto('/book');
	const date = futureWeekday(4, 3);

	// Skip link, then into main.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	const room = page.getByLabel(t('ko', 'book_room'), { exact: true });
	for (let i = 0; i < 10 && !(await room.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(room).toBeFocused();
	// Meeting Room B is the fourth room, after the "choose" option.
	const index = Object.values(rooms).findIndex((r) => r.name === '중회의실 B');
	for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
	await expect(room).toHaveValue(rooms['중회의실 B']!.id);

	await page.keyboard.press('Tab');
	const dateInput = page.getByLabel(t('ko', 'book_date'), { exact: true });
	await expect(dateInput).toBeFocused();
	// Chromium lays the date field out in its own UI language (here mm/dd/yyyy, whatever the
	// page's language); each full segment moves on to the next.
	const [year, month, day] = date.split('-');
	await page.keyboard.type(`${month}${day}${year}`);
	await expect(dateInput).toHaveValue(date);

	await page.keyboard.press('Tab');
	// Past the date field's segments and picker button, if any, to the start time.
	const start = page.getByLabel(t('ko', 'book_start'), { exact: true });
	for (let i = 0; i < 4 && !(await start.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(start).toBeFocused();
	await page.keyboard.type('10:00');
	await expect(start).toHaveValue('10:00');
	await page.keyboard.press('Tab');
	await page.keyboard.type('11:30');
	await expect(page.getByLabel(t('ko', 'book_end'), { exact: true })).toHaveValue('11:30');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel(t('ko', 'book_purpose'), { exact: true })).toBeFocused();
	await page.keyboard.type('키보드로 한 예약');
	await page.keyboard.press('Tab');
	await page.keyboard.type('6');
	// Repeat: the radio group is one Tab stop; "does not repeat" stays chosen.
	await page.keyboard.press('Tab');
	await expect(page.getByLabel(t('ko', 'book_repeat_none'), { exact: true })).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: t('ko', 'book_submit'), exact: true })).toBeFocused();
	await expect(page.locator('[aria-live="polite"]')).toContainText(t('ko', 'book_live_free'));
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { name: t('ko', 'book_done_confirmed_title') })).toBeVisible();
	await expect(page.getByRole('main')).toContainText('10:00–11:30');
	await context.close();
});
