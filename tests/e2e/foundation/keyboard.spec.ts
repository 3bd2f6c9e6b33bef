import { ADMIN, WIDTHS, expect, openContext, t, test, type Account } from '../fixtures';

const pages: { path: string; as: Account | null }[] = [
	{ path: '/', as: null },
	{ path: '/login', as: null },
	{ path: '/dashboard', as: ADMIN },
	{ path: '/admin/users', as: ADMIN }
];

test.describe('keyboard', () => {
	for (const width of WIDTHS) {
		for (const { path, as } of pages) {
			test(`on ${path} at ${width} px the first Tab focuses a visible skip link, and activating it moves focus to main`, async ({
				browser
			}) => {
				const context = await openContext(browser, { locale: 'ko', as, width });
				const page = await context.newPage();
				await page.goto(path);
				await page.keyboard.press('Tab');

				const skip = page.getByRole('link', { name: t('ko', 'skip_to_content'), exact: true });
				await expect(skip).toBeFocused();
				// Shown when focused, inside the screen, with a focus outline.
				const box = await skip.boundingBox();
				expect(box && box.width > 40 && box.height > 20 && box.x >= 0 && box.x + box.width <= width).toBe(true);
				expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

				await page.keyboard.press('Enter');
				await expect(page.locator('main#main')).toBeFocused();
				// The next Tab continues inside main, not back at the top of the page.
				await page.keyboard.press('Tab');
				expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
				await context.close();
			});
		}
	}
});
