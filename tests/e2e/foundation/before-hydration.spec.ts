import type { Page } from '@playwright/test';
import { expect, hydrated, openContext, SCHOOL, t, test, PASSWORD } from '../fixtures';
import { futureWeekday, roomsByName } from '../booking/helpers';

/**
 * On a slow school network a page is on screen, and can be filled in, seconds before its
 * JavaScript has run. What a person chose or typed in that time must still be there afterwards
 * (hydration used to put every <select> back to its rendered option).
 */
async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await gate;
		await route.continue();
	});
	return release;
}

test('the booking form keeps a room, times and text chosen before the page hydrated', async ({ browser }) => {
	const rooms = await roomsByName();
	const room = rooms['Meeting Room B']!;
	const date = futureWeekday(3, 5);
	const context = await openContext(browser, { locale: 'en', as: SCHOOL });
	const page = await context.newPage();
	const release = await holdScripts(page);
	await page.goto('/book', { waitUntil: 'domcontentloaded' });
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
	await page.getByLabel(t('en', 'book_room'), { exact: true }).selectOption(room.id);
	await page.getByLabel(t('en', 'book_date'), { exact: true }).fill(date);
	await page.getByLabel(t('en', 'book_start'), { exact: true }).selectOption('14:00');
	await page.getByLabel(t('en', 'book_end'), { exact: true }).selectOption('15:30');
	await page.getByLabel(t('en', 'book_purpose'), { exact: true }).fill('Typed on a slow network');
	await page.getByLabel(t('en', 'book_attendees'), { exact: true }).fill('6');
	release();
	await hydrated(page);
	await expect(page.getByLabel(t('en', 'book_room'), { exact: true })).toHaveValue(room.id);
	await expect(page.getByLabel(t('en', 'book_date'), { exact: true })).toHaveValue(date);
	await expect(page.getByLabel(t('en', 'book_start'), { exact: true })).toHaveValue('14:00');
	await expect(page.getByLabel(t('en', 'book_end'), { exact: true })).toHaveValue('15:30');
	await expect(page.getByLabel(t('en', 'book_purpose'), { exact: true })).toHaveValue('Typed on a slow network');
	await expect(page.getByLabel(t('en', 'book_attendees'), { exact: true })).toHaveValue('6');
	// The page's own state took the choices too: the live check speaks of the chosen room's time.
	await expect(page.locator('[aria-live="polite"]')).toContainText(t('en', 'book_live_free'));
	await context.close();
});

test('sign-in keeps an address and password typed before the page hydrated', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko' });
	const page = await context.newPage();
	const release = await holdScripts(page);
	await page.goto('/login', { waitUntil: 'domcontentloaded' });
	await page.getByLabel(t('ko', 'login_email'), { exact: true }).fill(SCHOOL.email);
	await page.getByLabel(t('ko', 'login_password'), { exact: true }).fill(PASSWORD);
	release();
	await hydrated(page);
	await expect(page.getByLabel(t('ko', 'login_email'), { exact: true })).toHaveValue(SCHOOL.email);
	await expect(page.getByLabel(t('ko', 'login_password'), { exact: true })).toHaveValue(PASSWORD);
	await page.getByRole('main').getByRole('button', { name: t('ko', 'login_submit'), exact: true }).click();
	await expect(page).not.toHaveURL(/\/login/);
	await context.close();
});
