import { LOCALES, expect, openContext, t, test } from '../fixtures';

test.describe('unknown addresses', () => {
	for (const locale of LOCALES) {
		test(`an unknown path answers 404 with the localized not-found page and one h1 (${locale})`, async ({ browser }) => {
			const context = await openContext(browser, { locale });
			const page = await context.newPage();
			const response = await page.goto('/no-such-page/at-all');
			expect(response?.status()).toBe(404);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'error_not_found_title'));
			await expect(page.getByRole('main')).toContainText(t(locale, 'error_not_found_body'));
			// The page keeps the site's header, so the visitor is not stranded.
			await expect(page.locator('header')).toContainText(t(locale, 'app_name'));

			await page.getByRole('main').getByRole('link', { name: t(locale, 'error_go_home'), exact: true }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'home_title'));
			await context.close();
		});
	}
});
