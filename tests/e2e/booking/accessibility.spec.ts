import { axeViolations, expect, horizontalOverflow, LOCALES, openContext, SCHOOL, t, test, WIDTHS } from '../fixtures';
import { fillBookingForm, futureWeekday, roomsByName, shot } from './helpers';

for (const locale of LOCALES) {
	for (const width of WIDTHS) {
		test(`booking pages in ${locale} at ${width} px: axe finds nothing, one h1, no sideways scrolling`, async ({ browser }) => {
			const rooms = await roomsByName();
			const context = await openContext(browser, { locale, as: SCHOOL, width });
			const page = await context.newPage();

			await page.goto('/book');
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(page.locator('h1')).toHaveText(t(locale, 'book_title'));
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot(shot(`book-${locale}-${width}`));

			// A refusal with its list and field errors.
			await fillBookingForm(page, locale, { roomId: rooms['Meeting Room B']!.id, date: futureWeekday(6, 15), start: '17:00', end: '18:00', purpose: 'x', attendees: 20 });
			await page.getByRole('button', { name: t(locale, 'book_submit'), exact: true }).click();
			await expect(page.getByRole('alert').filter({ hasText: t(locale, 'book_refused_title') })).toBeVisible();
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot(shot(`book-refused-${locale}-${width}`));

			// A series preview.
			await page.goto('/book');
			await fillBookingForm(page, locale, { roomId: rooms['Video Conference Room']!.id, date: futureWeekday(4, 8), start: '09:00', end: '10:00', purpose: 'preview only', attendees: 4 });
			await page.getByLabel(t(locale, 'book_repeat_biweekly'), { exact: true }).check();
			await page.getByLabel(t(locale, 'book_repeat_count'), { exact: true }).fill('3');
			await page.getByRole('button', { name: t(locale, 'book_preview_submit'), exact: true }).click();
			await expect(page.getByRole('table', { name: t(locale, 'book_preview_caption') })).toBeVisible();
			await expect(page.locator('[aria-live="polite"]')).toContainText(t(locale, 'book_live_series', { free: 3, total: 3 }));
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot(shot(`book-preview-${locale}-${width}`));

			await page.goto('/my/bookings');
			await expect(page.locator('h1')).toHaveText(t(locale, 'my_title'));
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot(shot(`my-bookings-${locale}-${width}`));
			await context.close();
		});
	}
}
