/**
 * An all-day closure every week, made and deleted through the form without JavaScript: no times
 * needed, each date listed with how it repeats, and a delete that asks first (a danger button on
 * its own confirmation step) and can take the rest of the series. Screenshots at 360 and 1280 px
 * in Korean and English, axe on the form and on the confirmation.
 */
import { axeViolations, expect, horizontalOverflow, LOCALES, openContext, t, test, WIDTHS } from '../fixtures';
import { FACILITY, futureWeekday } from './helpers';

const shot = (name: string) => ({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

test('an all-day weekly closure, then deleting this and the later dates after confirming (without JavaScript)', async ({ browser }) => {
	const first = futureWeekday(4, 9);
	const reason = `주간 방역 ${first}`;
	const context = await openContext(browser, { locale: 'ko', as: FACILITY, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/facility/closures');
	await page.getByLabel(t('ko', 'facility_closure_scope'), { exact: true }).selectOption({ label: '소회의실 1' });
	await page.getByLabel(t('ko', 'facility_closure_from_date')).fill(first);
	await page.getByLabel(t('ko', 'facility_closure_to_date')).fill(first);
	await page.getByLabel(t('ko', 'facility_closure_all_day'), { exact: true }).check();
	// All day: the times are hidden (CSS only) and not needed.
	await expect(page.getByLabel(t('ko', 'facility_closure_from_time'))).toBeHidden();
	await page.getByLabel(t('ko', 'facility_closure_repeat_weekly'), { exact: true }).check();
	await page.getByLabel(t('ko', 'facility_closure_repeat_until'), { exact: true }).fill(addDays(first, 21));
	await page.getByLabel(t('ko', 'facility_closure_reason'), { exact: true }).fill(reason);
	await page.getByRole('button', { name: t('ko', 'facility_closure_submit'), exact: true }).click();
	await expect(page.locator('.alert-success')).toBeVisible();

	const rows = page.getByRole('row').filter({ hasText: reason });
	await expect(rows).toHaveCount(4);
	await expect(rows.first()).toContainText('종일');
	await expect(rows.first()).toContainText('매주 목요일');

	await rows.nth(1).getByRole('button').click();
	await expect(page.getByRole('heading', { name: t('ko', 'facility_delete_confirm_title') })).toBeVisible();
	await expect(page.getByRole('button', { name: t('ko', 'facility_delete_confirm_submit'), exact: true })).toHaveClass(/btn-danger/);
	await page.getByLabel(t('ko', 'facility_delete_scope_series', { count: 3 }), { exact: true }).check();
	await page.getByRole('button', { name: t('ko', 'facility_delete_confirm_submit'), exact: true }).click();
	await expect(page.locator('.alert-success')).toHaveText(t('ko', 'facility_closure_deleted_n', { count: 3 }));
	await expect(page.getByRole('row').filter({ hasText: reason })).toHaveCount(1);
	await context.close();
});

for (const locale of LOCALES)
	for (const width of WIDTHS)
		test(`the closure form and the delete confirmation read well (${locale}, ${width} px)`, async ({ browser }) => {
			const first = futureWeekday(5, 12 + WIDTHS.indexOf(width) + 2 * LOCALES.indexOf(locale));
			const reason = `${locale === 'ko' ? '연례 점검' : 'Yearly check'} ${first} ${width}`;
			const context = await openContext(browser, { locale, as: FACILITY, width });
			const page = await context.newPage();
			await page.goto('/facility/closures');
			await page.getByLabel(t(locale, 'facility_closure_from_date')).fill(first);
			await page.getByLabel(t(locale, 'facility_closure_to_date')).fill(first);
			await page.getByLabel(t(locale, 'facility_closure_all_day'), { exact: true }).check();
			await page.getByLabel(t(locale, 'facility_closure_repeat_yearly'), { exact: true }).check();
			await page.getByLabel(t(locale, 'facility_closure_repeat_until'), { exact: true }).fill(addDays(first, 800));
			await page.getByLabel(t(locale, 'facility_closure_reason'), { exact: true }).fill(reason);
			await page.screenshot(shot(`closure-form-${locale}-${width}`));
			expect(await axeViolations(page)).toEqual([]);
			await page.getByRole('button', { name: t(locale, 'facility_closure_submit'), exact: true }).click();
			const rows = page.getByRole('row').filter({ hasText: reason });
			await expect(rows).toHaveCount(3);
			await rows.first().getByRole('button').click();
			await expect(page.getByRole('heading', { name: t(locale, 'facility_delete_confirm_title') })).toBeVisible();
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot(shot(`closure-delete-confirm-${locale}-${width}`));
			expect(await axeViolations(page)).toEqual([]);
			await page.getByLabel(t(locale, 'facility_delete_scope_series', { count: 3 }), { exact: true }).check();
			await page.getByRole('button', { name: t(locale, 'facility_delete_confirm_submit'), exact: true }).click();
			await expect(page.getByRole('row').filter({ hasText: reason })).toHaveCount(0);
			await context.close();
		});
