import { LOCALES, SCHOOL, expect, horizontalOverflow, openContext, test } from '../fixtures';

/**
 * "큰 글자" reaches everything: at the largest of the five steps, on a 360 px phone, no page
 * scrolls sideways, and the room calendar's text (FullCalendar sets its sizes in px) grows with
 * the chosen size like the rest of the page.
 */
test.describe('the largest text size at 360 px', () => {
	for (const locale of LOCALES) {
		test(`home, rooms, board, a room page with its calendar, the privacy policy and sign-in fit the screen (${locale})`, async ({ browser }) => {
			const context = await openContext(browser, { locale, width: 360, text: 'largest', as: SCHOOL });
			const page = await context.newPage();
			await page.goto('/rooms');
			const roomHref = await page.getByRole('main').locator('a[href^="/rooms/"]').first().getAttribute('href');
			expect(roomHref).toMatch(/^\/rooms\/[0-9a-f-]{36}$/);

			for (const path of ['/', '/rooms', '/board', '/privacy', '/dashboard', roomHref!]) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('data-text', 'largest');
				if (path === roomHref) await expect(page.locator('.room-calendar button').first()).toBeVisible({ timeout: 30_000 });
				expect.soft(await horizontalOverflow(page), `${path}, ${locale}`).toEqual([]);
			}

			// The calendar's text scales with the root size: none of it stays at FullCalendar's small px sizes.
			const smallest = await page.evaluate(() => {
				const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
				let min = Number.POSITIVE_INFINITY;
				for (const el of Array.from(document.querySelectorAll<HTMLElement>('.room-calendar *'))) {
					const text = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
					if (text && el.getClientRects().length) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize) / root);
				}
				return { root, min };
			});
			expect(smallest.root).toBe(25);
			expect(smallest.min).toBeGreaterThanOrEqual(0.68);
			await context.close();
		});
	}
});
