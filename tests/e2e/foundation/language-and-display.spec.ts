import type { Page } from '@playwright/test';
import { BASE_URL, expect, languageSwitch, openContext, t, test, type Locale } from '../fixtures';

async function expectLocale(page: Page, locale: Locale, h1Key: string) {
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, h1Key));
	await expect(languageSwitch(page)).toHaveText(t(locale, 'lang_switch_to'));
	await expect(page.locator('header')).toContainText(t(locale, 'app_name'));
}

async function localeCookie(page: Page) {
	return (await page.context().cookies(BASE_URL)).find((c) => c.name === 'PARAGLIDE_LOCALE')?.value;
}

test.describe('the language switch', () => {
	for (const javaScriptEnabled of [true, false]) {
		const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
		test(`switches Korean → English → Korean (visible text and <html lang>), stays on the page and is remembered across navigation, ${mode}`, async ({
			browser
		}) => {
			// No language cookie: a Korean browser gets Korean first.
			const context = await browser.newContext({ locale: 'ko-KR', javaScriptEnabled, viewport: { width: 1280, height: 800 } });
			const page = await context.newPage();
			await page.goto('/login');
			await expectLocale(page, 'ko', 'login_title');
			await expect(languageSwitch(page)).toHaveText('English');

			await languageSwitch(page).click();
			await expect(page).toHaveURL(/\/login$/);
			await expectLocale(page, 'en', 'login_title');
			await expect(languageSwitch(page)).toHaveText('한국어');
			expect(await localeCookie(page)).toBe('en');

			// Remembered: by a link in the menu and by a fresh load of another page.
			await page.getByRole('navigation', { name: t('en', 'nav_label') }).getByRole('link', { name: t('en', 'nav_home'), exact: true }).click();
			await expect(page).toHaveURL(`${BASE_URL}/`);
			await expectLocale(page, 'en', 'home_title');
			await page.goto('/preferences');
			await expectLocale(page, 'en', 'prefs_title');

			await languageSwitch(page).click();
			await expect(page).toHaveURL(/\/preferences$/);
			await expectLocale(page, 'ko', 'prefs_title');
			expect(await localeCookie(page)).toBe('ko');
			await page.goto('/');
			await expectLocale(page, 'ko', 'home_title');
			await context.close();
		});
	}

	test('an English browser with no cookie gets English, and the switch still offers Korean', async ({ browser }) => {
		const context = await browser.newContext({ locale: 'en-US' });
		const page = await context.newPage();
		await page.goto('/');
		await expectLocale(page, 'en', 'home_title');
		await languageSwitch(page).click();
		await expectLocale(page, 'ko', 'home_title');
		await context.close();
	});
});

test.describe('display modes', () => {
	test('the high-contrast toggle sets data-contrast="high" on <html>, is remembered, and toggles back', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'ko' });
		const page = await context.newPage();
		await page.goto('/');
		const html = page.locator('html');
		const toggle = page.getByRole('button', { name: t('ko', 'contrast_toggle'), exact: true });
		await expect(html).toHaveAttribute('data-contrast', 'normal');
		await expect(toggle).toHaveAttribute('aria-pressed', 'false');
		const normalBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

		await toggle.click();
		await expect(html).toHaveAttribute('data-contrast', 'high');
		await expect(toggle).toHaveAttribute('aria-pressed', 'true');
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(normalBackground);

		await page.goto('/login');
		await expect(html).toHaveAttribute('data-contrast', 'high');
		await page.getByRole('button', { name: t('ko', 'contrast_toggle'), exact: true }).click();
		await expect(page).toHaveURL(/\/login$/);
		await expect(html).toHaveAttribute('data-contrast', 'normal');
		await context.close();
	});

	test('the text-size menu offers five steps, each sets data-text on <html> and changes the text size, without JavaScript', async ({
		browser
	}) => {
		const context = await openContext(browser, { locale: 'en', javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/login');
		const html = page.locator('html');
		const menu = page.locator('header details.text-size');
		await expect(html).toHaveAttribute('data-text', 'normal');
		const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
		const sizes: number[] = [];
		const steps = [
			['small', 'textsize_small'],
			['normal', 'prefs_text_normal'],
			['large', 'prefs_text_large'],
			['larger', 'textsize_larger'],
			['largest', 'textsize_largest']
		] as const;
		for (const [value, key] of steps) {
			await menu.locator('summary').click();
			const step = menu.getByRole('button', { name: t('en', key), exact: true });
			await step.click();
			await expect(page).toHaveURL(/\/login$/);
			await expect(html).toHaveAttribute('data-text', value);
			await menu.locator('summary').click();
			await expect(menu.getByRole('button', { name: t('en', key), exact: true })).toHaveAttribute('aria-pressed', 'true');
			await expect(menu.getByRole('button', { pressed: true })).toHaveCount(1);
			await menu.locator('summary').click();
			sizes.push(await bodySize());
		}
		// Each step is larger than the one before.
		for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThan(sizes[i - 1]!);
		await context.close();
	});

	test('a text-size cookie that is not one of the five steps reads as the normal size', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'ko' });
		await context.addCookies([{ name: 'ui-text', value: 'enormous', url: BASE_URL }]);
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('data-text', 'normal');
		await context.close();
	});

	test('the display settings page saves language, contrast and text size at once, without JavaScript', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'ko', javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/preferences');
		await page.getByRole('radio', { name: t('ko', 'lang_en') }).check();
		await page.getByRole('radio', { name: t('ko', 'prefs_contrast_high'), exact: true }).check();
		await page.getByRole('radio', { name: t('ko', 'textsize_largest'), exact: true }).check();
		await page.getByRole('main').getByRole('button', { name: t('ko', 'prefs_save') }).click();

		await expect(page).toHaveURL(/\/preferences$/);
		const html = page.locator('html');
		await expect(html).toHaveAttribute('lang', 'en');
		await expect(html).toHaveAttribute('data-contrast', 'high');
		await expect(html).toHaveAttribute('data-text', 'largest');
		await expect(page.getByRole('radio', { name: t('en', 'prefs_contrast_high'), exact: true })).toBeChecked();
		await expect(page.getByRole('radio', { name: t('en', 'textsize_largest'), exact: true })).toBeChecked();
		await context.close();
	});
});
