import { ADMIN, axeViolations, expect, horizontalOverflow, hydrated, openContext, t, test, type Locale } from '../fixtures';

test('edit a department without JavaScript: every mistake named next to its field, what was typed kept, then saved and shown in the list', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: ADMIN, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/dashboard');
	await page.getByRole('main').getByRole('link', { name: t('ko', 'nav_departments'), exact: true }).click();
	await expect(page).toHaveURL(/\/admin\/departments$/);
	await expect(page.getByRole('row')).toHaveCount(5);
	await page.getByRole('link', { name: t('ko', 'departments_edit_named', { name: '행정지원부' }) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ko', 'departments_edit_title', { name: '행정지원부' }));
	await expect(page.getByLabel(t('ko', 'departments_field_code'))).toHaveValue('administration');
	await expect(page.getByLabel(t('ko', 'departments_field_code'))).toHaveAttribute('readonly', '');

	await page.getByLabel(t('ko', 'departments_field_name_ko')).fill(' ');
	await page.getByLabel(t('ko', 'departments_field_phone')).fill('전화 주세요');
	await page.getByLabel(t('ko', 'departments_field_email')).fill('admin-support@');
	await page.getByLabel(t('ko', 'departments_field_location')).fill('본관 3층 301호');
	await page.getByRole('button', { name: t('ko', 'departments_save_submit') }).click();
	await expect(page.getByRole('alert').getByRole('link')).toHaveCount(3);
	const phone = page.getByLabel(t('ko', 'departments_field_phone'));
	await expect(phone).toHaveAttribute('aria-invalid', 'true');
	await expect(phone).toHaveAccessibleDescription(new RegExp(t('ko', 'department_phone_invalid').replace(/[.()]/g, '\\$&')));
	await expect(page.locator('#field-email-error')).toHaveText(t('ko', 'field_email_invalid'));
	await expect(page.locator('#field-nameKo-error')).toHaveText(t('ko', 'field_required'));
	await expect(phone).toHaveValue('전화 주세요');
	await expect(page.getByLabel(t('ko', 'departments_field_location'))).toHaveValue('본관 3층 301호');

	await page.getByLabel(t('ko', 'departments_field_name_ko')).fill('행정지원부');
	await phone.fill('044-300-2000');
	await page.getByLabel(t('ko', 'departments_field_email')).fill('admin-support@center.go.kr');
	await page.getByLabel(t('ko', 'departments_field_description')).fill('예산과 계약,\n인사 업무를 맡습니다.');
	await page.getByRole('button', { name: t('ko', 'departments_save_submit') }).click();
	await expect(page.getByRole('status').filter({ hasText: t('ko', 'departments_saved') })).toBeVisible();
	await expect(page.getByLabel(t('ko', 'departments_field_description'))).toHaveValue('예산과 계약,\n인사 업무를 맡습니다.');

	await page.goto('/admin/departments');
	const row = page.getByRole('row').filter({ hasText: '행정지원부' });
	await expect(row).toContainText('044-300-2000');
	await expect(row).toContainText('admin-support@center.go.kr');
	await expect(row).toContainText('본관 3층 301호');
	await context.close();
});

test('the English form says the same in English; an unknown department is not found', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', as: ADMIN });
	const page = await context.newPage();
	await page.goto('/admin/departments/facility');
	await hydrated(page);
	await page.getByLabel(t('en', 'departments_field_name_en')).fill('');
	await page.getByLabel(t('en', 'departments_field_phone')).fill('12');
	await page.getByRole('button', { name: t('en', 'departments_save_submit') }).click();
	await expect(page.locator('#field-nameEn-error')).toHaveText(t('en', 'field_required'));
	await expect(page.locator('#field-phone-error')).toHaveText(t('en', 'department_phone_invalid'));
	await expect(page.getByLabel(t('en', 'departments_field_phone'))).toHaveValue('12');
	expect((await page.goto('/admin/departments/nosuch'))?.status()).toBe(404);
	await context.close();
});

for (const locale of ['ko', 'en'] as Locale[]) {
	for (const width of [1280, 360]) {
		test(`the department pages pass axe, ${locale} at ${width}px, without scrolling sideways`, async ({ browser }) => {
			const context = await openContext(browser, { locale, width, as: ADMIN });
			const page = await context.newPage();
			await page.goto('/admin/departments');
			await expect(page.locator('tbody tr')).toHaveCount(4);
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot({ path: `tests/e2e/screenshots/admin-departments-${locale}-${width}.png`, fullPage: true });

			await page.goto('/admin/departments/mediation');
			await hydrated(page);
			await page.getByLabel(t(locale, 'departments_field_email')).fill('no-at-sign');
			await page.getByRole('button', { name: t(locale, 'departments_save_submit') }).click();
			await expect(page.locator('#field-email-error')).toHaveText(t(locale, 'field_email_invalid'));
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot({ path: `tests/e2e/screenshots/admin-department-edit-${locale}-${width}.png`, fullPage: true });
			await context.close();
		});
	}
}
