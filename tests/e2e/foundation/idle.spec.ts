/**
 * Staff sessions end after 30 idle minutes, with a warning 5 minutes before that lets them stay
 * (KWCAG 2.2 timing). The countdown follows the server, never the browser's wall clock.
 */
import { ACCOUNTS, expect, hydrated, openContext, t, test } from '../fixtures';

const FACILITY = ACCOUNTS.find((a) => a.role === 'facility_manager')!;
const TWO_DAYS_MS = 2 * 24 * 60 * 60_000;

test('a staff page in a browser whose clock is two days off neither warns nor signs out', async ({ browser }) => {
	for (const skew of [TWO_DAYS_MS, -TWO_DAYS_MS]) {
		const context = await openContext(browser, { locale: 'en', as: FACILITY });
		const page = await context.newPage();
		await page.clock.setFixedTime(new Date(Date.now() + skew));
		await page.goto('/dashboard');
		await hydrated(page);
		// Several ticks of the one-second countdown.
		await page.waitForTimeout(2_500);
		await expect(page).toHaveURL(/\/dashboard$/);
		await expect(page.getByRole('dialog', { name: t('en', 'idle_title') })).toBeHidden();
		await context.close();
	}
});

test('after 26 idle minutes the warning says how long is left, and "Stay signed in" keeps the session', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', as: FACILITY });
	const page = await context.newPage();
	await page.clock.install();
	await page.goto('/dashboard');
	await hydrated(page);
	const dialog = page.getByRole('dialog', { name: t('en', 'idle_title') });
	await expect(dialog).toBeHidden();

	await page.clock.runFor(26 * 60_000);
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText(/signed out in [34]:\d\d/);

	await dialog.getByRole('button', { name: t('en', 'idle_stay') }).click();
	await expect(dialog).toBeHidden();
	await page.clock.runFor(60_000);
	await expect(dialog).toBeHidden();
	await expect(page).toHaveURL(/\/dashboard$/);
	await context.close();
});
