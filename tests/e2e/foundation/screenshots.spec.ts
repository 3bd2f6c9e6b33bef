import { mkdirSync } from 'node:fs';
import { ADMIN, LOCALES, WIDTHS, expect, openContext, test, type Account } from '../fixtures';

/**
 * Full-page screenshots for a person to look at (tests/e2e/screenshots/, git-ignored).
 * Also a smoke test: each page answers 200, uses the app's own web font, and renders Korean.
 */
// Independent tests: spread them over both workers.
test.describe.configure({ mode: 'parallel' });

const DIR = 'tests/e2e/screenshots';
mkdirSync(DIR, { recursive: true });

const SHOTS: { name: string; path: string; as: Account | null }[] = [
	{ name: 'home', path: '/', as: null },
	{ name: 'login', path: '/login', as: null },
	{ name: 'dashboard-admin', path: '/dashboard', as: ADMIN },
	{ name: 'admin-users', path: '/admin/users', as: ADMIN },
	{ name: 'account', path: '/account', as: ADMIN }
];

async function settle(page: import('@playwright/test').Page) {
	await page.evaluate(() => document.fonts.ready);
	// check() alone is also true when no face matches, so first ask that ours was loaded at all.
	const loaded = await page.evaluate(() =>
		Array.from(document.fonts)
			.filter((f) => f.family.replace(/"/g, '') === 'Pretendard GOV' && f.status === 'loaded')
			.map((f) => f.weight)
	);
	expect(loaded.length, 'a Pretendard GOV face is loaded').toBeGreaterThan(0);
	expect(await page.evaluate(() => document.fonts.check('16px "Pretendard GOV"', '한국어 예약'))).toBe(true);
}

for (const locale of LOCALES) {
	for (const width of WIDTHS) {
		for (const shot of SHOTS) {
			test(`screenshot: ${shot.name} renders (${locale}, ${width} px)`, async ({ browser }) => {
				const context = await openContext(browser, { locale, as: shot.as, width });
				const page = await context.newPage();
				const response = await page.goto(shot.path);
				expect(response?.status()).toBe(200);
				await settle(page);
				await page.screenshot({ path: `${DIR}/${shot.name}-${locale}-${width}.png`, fullPage: true });
				await context.close();
			});
		}
	}
}

test('screenshot: extra states (phone menu open, high contrast, larger text, login error)', async ({ browser }) => {
	{
		const context = await openContext(browser, { locale: 'ko', as: ADMIN, width: 360 });
		const page = await context.newPage();
		await page.goto('/dashboard');
		await page.locator('.nav-toggle').click();
		await settle(page);
		await page.screenshot({ path: `${DIR}/menu-open-ko-360.png`, fullPage: false });
		await context.close();
	}
	for (const width of WIDTHS) {
		const context = await openContext(browser, { locale: 'ko', width, contrast: 'high' });
		const page = await context.newPage();
		await page.goto('/');
		await settle(page);
		await page.screenshot({ path: `${DIR}/home-high-contrast-ko-${width}.png`, fullPage: true });
		await context.close();
	}
	{
		const context = await openContext(browser, { locale: 'en', as: ADMIN, width: 360, text: 'large' });
		const page = await context.newPage();
		await page.goto('/admin/users');
		await settle(page);
		await page.screenshot({ path: `${DIR}/admin-users-large-text-en-360.png`, fullPage: true });
		await context.close();
	}
	{
		const context = await openContext(browser, { locale: 'ko', width: 360 });
		const page = await context.newPage();
		await page.goto('/no-such-page');
		await settle(page);
		await page.screenshot({ path: `${DIR}/not-found-ko-360.png`, fullPage: true });
		await context.close();
	}
});
