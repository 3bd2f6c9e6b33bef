/**
 * A series on the second Tuesday of each month with one date left out, chosen on the booking form
 * (with and without JavaScript): the repeat fields, the preview as cards on a phone, the rule in
 * words, axe and screenshots at 360 and 1280 px in Korean and English.
 */
import { axeViolations, expect, horizontalOverflow, LOCALES, openContext, SCHOOL, t, tCount, test, WIDTHS, type Locale } from '../fixtures';
import { isHoliday } from '../api/holidays';
import { fillBookingForm, roomsByName, shot } from './helpers';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The second Tuesdays of the coming months, from at least four days ahead (the lead time is three days). */
function secondTuesdays(count: number): string[] {
	const found: string[] = [];
	const earliest = iso(new Date(Date.now() + 4 * 86_400_000));
	for (let month = 0; found.length < count; month++) {
		const now = new Date();
		const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + month, 1));
		const offset = (2 - first.getUTCDay() + 7) % 7; // days to the first Tuesday
		const date = iso(new Date(first.getTime() + (offset + 7) * 86_400_000));
		if (date >= earliest) found.push(date);
	}
	return found;
}

/** "2027년 1월 12일" / "12 January 2027", as the rule's words write a date. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const plain = (date: string, locale: Locale) => {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return locale === 'ko' ? `${y}년 ${m}월 ${d}일` : `${d} ${MONTHS[m - 1]} ${y}`;
};

// A first date (not a holiday) whose next second Tuesday is left out; the third one is the series' second date.
const [first, left, third] = (() => {
	for (let skip = 0; ; skip++) {
		const dates = secondTuesdays(3 + skip).slice(skip);
		if (!isHoliday(dates[0]!)) return dates as [string, string, string];
	}
})();

async function chooseMonthlySecondTuesday(page: import('@playwright/test').Page, locale: Locale) {
	await page.getByLabel(t(locale, 'book_repeat_monthly_weekday'), { exact: true }).check();
	await page.getByLabel(t(locale, 'book_repeat_nth'), { exact: true }).selectOption('2');
	await page.getByLabel(t(locale, 'book_repeat_end_count'), { exact: true }).check();
	await page.getByLabel(t(locale, 'book_repeat_count'), { exact: true }).fill('2');
	await page.getByLabel(t(locale, 'book_repeat_except_n', { n: 1 }), { exact: true }).fill(left);
}

test.describe('a monthly series on the second Tuesday, one date left out', () => {
	for (const locale of LOCALES)
		for (const width of WIDTHS)
			test(`the form and its preview read well (${locale}, ${width} px)`, async ({ browser }) => {
				const rooms = await roomsByName();
				const context = await openContext(browser, { locale, as: SCHOOL, width });
				const page = await context.newPage();
				await page.goto('/book');
				await fillBookingForm(page, locale, { roomId: rooms['Meeting Room B']!.id, date: first, start: '16:00', end: '17:00', purpose: 'monthly preview', attendees: 4 });
				await chooseMonthlySecondTuesday(page, locale);
				// Only the parts of the chosen kind show.
				await expect(page.getByRole('group', { name: t(locale, 'book_repeat_days_legend') })).toBeHidden();
				await expect(page.getByLabel(t(locale, 'book_repeat_nth'), { exact: true })).toBeVisible();
				await page.screenshot(shot(`repeat-form-${locale}-${width}`));
				await page.getByRole('button', { name: t(locale, 'book_preview_submit'), exact: true }).click();

				const table = page.getByRole('table', { name: t(locale, 'book_preview_caption') });
				await expect(table.getByRole('row')).toHaveCount(3); // the header and two dates: the left-out one is not there
				const rule = locale === 'ko' ? `매월 둘째 화요일, 2회 (${plain(left, 'ko')} 제외)` : `Monthly on the second Tuesday, 2 times, except ${plain(left, 'en')}`;
				await expect(page.getByText(t(locale, 'book_preview_rule', { rule }))).toBeVisible();
				await expect(table.getByRole('row').nth(1)).toContainText(t(locale, 'book_state_free'));
				expect(await horizontalOverflow(page)).toEqual([]);
				if (width === 360) {
					// A card per date: the rows stack instead of scrolling sideways.
					const row = table.locator('tbody tr').first();
					expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
				}
				await page.screenshot(shot(`repeat-preview-${locale}-${width}`));
				await page.locator('section[aria-labelledby="preview-title"]').screenshot({ path: `tests/e2e/screenshots/repeat-preview-cards-${locale}-${width}.png` });
				await page.locator('fieldset.repeat').screenshot({ path: `tests/e2e/screenshots/repeat-fields-${locale}-${width}.png` });
				expect(await axeViolations(page)).toEqual([]);
				await context.close();
			});

	for (const javaScriptEnabled of [true, false])
		test(`books it through the form (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
			const locale: Locale = javaScriptEnabled ? 'ko' : 'en';
			const rooms = await roomsByName();
			const room = rooms[javaScriptEnabled ? 'Small Meeting Room 1' : 'Meeting Room A']!;
			const context = await openContext(browser, { locale, as: SCHOOL, javaScriptEnabled });
			const page = await context.newPage();
			await page.goto('/book');
			await fillBookingForm(page, locale, { roomId: room.id, date: first, start: '14:00', end: '15:00', purpose: '월례 협의회', attendees: 4 });
			await chooseMonthlySecondTuesday(page, locale);
			await page.getByRole('button', { name: t(locale, 'book_preview_submit'), exact: true }).click();
			const table = page.getByRole('table', { name: t(locale, 'book_preview_caption') });
			await expect(table.locator('tbody tr')).toHaveCount(2);
			if (locale === 'ko') await expect(table.locator('tbody tr').nth(1)).toContainText(plain(third, 'ko'));
			// The fields keep what was chosen after the round trip, the exception included.
			await expect(page.getByLabel(t(locale, 'book_repeat_except_n', { n: 1 }), { exact: true })).toHaveValue(left);
			await expect(page.getByLabel(t(locale, 'book_repeat_nth'), { exact: true })).toHaveValue('2');
			const free = await table.locator('tbody tr[data-state="free"]').count();
			// "Book the 1 free date" / "… 2 free dates": the count decides the English form.
			await page.getByRole('button', { name: tCount(locale, free, { one: 'rpol_book_preview_book_free_one', other: 'book_preview_book_free' }, { free }) }).click();
			await expect(page.getByRole('heading', { name: t(locale, 'book_done_confirmed_title') })).toBeVisible();
			await expect(page.getByText(tCount(locale, free, { one: 'rpol_book_done_series_one', other: 'book_done_series' }, { count: free }))).toBeVisible();

			await page.goto('/my/bookings');
			const rule = locale === 'ko' ? `매월 둘째 화요일, 2회 (${plain(left, 'ko')} 제외)` : `Monthly on the second Tuesday, 2 times, except ${plain(left, 'en')}`;
			await expect(page.getByText(rule).first()).toBeVisible();
			await context.close();
		});
});
