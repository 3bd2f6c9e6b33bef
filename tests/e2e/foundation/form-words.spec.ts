import { ACCOUNTS, SCHOOL, expect, hydrated, openContext, setDisplay, signInByRequest, t, test } from '../fixtures';

/**
 * The shared form words: the error summary links to each field and moves focus there; every time
 * field is a 24-hour choice on the room's grid, whatever the browser's locale.
 */
const FACILITY = ACCOUNTS.find((a) => a.role === 'facility_manager')!;
const HHMM = /^([01]\d|2[0-4]):[0-5]\d$/;

test('the error summary lists each field error as a link that moves focus to the field', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', as: SCHOOL });
	const page = await context.newPage();
	try {
		await page.goto('/account');
		await hydrated(page);
		await page.getByRole('button', { name: t('en', 'account_change_submit') }).click();
		const summary = page.locator('.form-errors');
		await expect(summary).toBeFocused();
		// One link per field in error, in the form's order, each naming its field by its label.
		const invalid = await page.locator('form [aria-invalid="true"]').evaluateAll((els) => els.map((el) => el.id));
		expect(invalid.length).toBeGreaterThanOrEqual(2);
		const links = summary.getByRole('link');
		await expect(links).toHaveCount(invalid.length);
		await expect(summary).toContainText(t('en', 'form_has_errors', { count: invalid.length }));
		expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(invalid.map((id) => `#${id}`));
		await expect(links.first()).toContainText(t('en', 'account_current_password'));
		await links.nth(1).click();
		await expect(page.locator(`#${invalid[1]}`)).toBeFocused();
		await links.first().focus();
		await page.keyboard.press('Enter');
		await expect(page.getByLabel(t('en', 'account_current_password'), { exact: true })).toBeFocused();
	} finally {
		await context.close();
	}
});

test('without JavaScript the summary still links to the fields in Korean', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: SCHOOL, javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		await page.goto('/account');
		await page.getByRole('button', { name: t('ko', 'account_change_submit') }).click();
		const invalid = await page.locator('form [aria-invalid="true"]').evaluateAll((els) => els.map((el) => el.id));
		expect(invalid.length).toBeGreaterThanOrEqual(2);
		const links = page.locator('.form-errors').getByRole('link');
		expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(invalid.map((id) => `#${id}`));
		await expect(page.locator('.form-errors')).toContainText(t('ko', 'form_has_errors', { count: invalid.length }));
	} finally {
		await context.close();
	}
});

test('time fields are 24-hour choices on the grid under an en-US browser, on every form that has them', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
	await setDisplay(context, { locale: 'en' });
	const page = await context.newPage();
	/** `stepMinutes` undefined: the room's own grid, the same step all along. */
	const check = async (path: string, labels: string[], stepMinutes?: number) => {
		await page.goto(path);
		await expect(page.locator('input[type="time"]'), `${path}: no native time input`).toHaveCount(0);
		for (const label of labels) {
			const field = page.getByLabel(label, { exact: true }).first();
			await expect(field, `${path}: ${label} is a choice`).toHaveJSProperty('tagName', 'SELECT');
			const values = (await field.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
			expect(values.length, `${path}: ${label} has choices`).toBeGreaterThan(2);
			for (const value of values) expect(value, `${path}: ${label}`).toMatch(HHMM);
			const texts = await field.locator('option').allTextContents();
			expect(texts.join(' '), `${path}: ${label} shows no AM/PM`).not.toMatch(/\b(AM|PM)\b/i);
			const minutes = values.map((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3)));
			const step = stepMinutes ?? minutes[1]! - minutes[0]!;
			expect([5, 10, 15, 20, 30, 60]).toContain(step);
			for (let i = 1; i < minutes.length; i++) expect(minutes[i]! - minutes[i - 1]!, `${path}: ${label} steps`).toBe(step);
		}
	};
	try {
		await check('/rooms', [t('en', 'rooms_from'), t('en', 'rooms_to')], 30);
		await signInByRequest(context, SCHOOL.email);
		await page.goto('/book');
		const room = page.getByLabel(t('en', 'book_room'), { exact: true });
		const roomId = await room.locator('option[value]:not([value=""])').first().getAttribute('value');
		const start = page.getByLabel(t('en', 'book_start'), { exact: true });
		await check(`/book?room=${roomId}`, [t('en', 'book_start'), t('en', 'book_end')]);
		await expect(start.locator('option').nth(1)).toHaveText(HHMM);
		await context.clearCookies();
		await setDisplay(context, { locale: 'en' });
		await signInByRequest(context, FACILITY.email);
		await check('/facility/closures', [t('en', 'facility_closure_from_time'), t('en', 'facility_closure_to_time')], 30);
		await page.goto('/facility/rooms');
		const href = await page.locator('main a[href^="/facility/rooms/"]:not([href$="/new"])').first().getAttribute('href');
		await check(href!, [t('en', 'facility_opens_day', { day: t('en', 'facility_weekday_1') }), t('en', 'facility_closes_day', { day: t('en', 'facility_weekday_1') })], 30);
	} finally {
		await context.close();
	}
});
