import { ADMIN, BASE_URL, axeViolations, expect, horizontalOverflow, hydrated, openContext, t, test, type Locale } from '../fixtures';

const HEADER = '학교명,영문명,학교급,지역,학교코드,전화번호';
const csvFile = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') });

test('add a school; the same code again keeps what was typed and marks the code; search finds it', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: ADMIN });
	const page = await context.newPage();
	await page.goto('/admin/schools');
	await page.getByRole('link', { name: t('ko', 'schools_add'), exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ko', 'schools_new_title'));
	await hydrated(page);

	// Every mistake at once, the values kept.
	await page.getByLabel(t('ko', 'schools_field_code')).fill('B100000123');
	await page.getByRole('button', { name: t('ko', 'schools_create_submit') }).click();
	await expect(page.getByText(t('ko', 'school_code_invalid'), { exact: true })).toBeVisible();
	await expect(page.getByText(t('ko', 'field_required'), { exact: true })).toBeVisible();
	await expect(page.getByText(t('ko', 'school_level_required'), { exact: true })).toBeVisible();
	await expect(page.getByLabel(t('ko', 'schools_field_code'))).toHaveValue('B100000123');

	await page.getByLabel(t('ko', 'schools_field_name_ko')).fill('이음초등학교');
	await page.getByLabel(t('ko', 'schools_field_name_en')).fill('Ieum Elementary School');
	await page.getByLabel(t('ko', 'schools_field_level')).selectOption('elementary');
	await page.getByLabel(t('ko', 'schools_field_code')).fill('7751032');
	await page.getByLabel(t('ko', 'schools_field_phone')).fill('044-123-4567');
	await page.getByRole('button', { name: t('ko', 'schools_create_submit') }).click();
	await expect(page).toHaveURL(/\/admin\/schools\/[0-9a-f-]{36}\?created/);
	await expect(page.getByRole('status').filter({ hasText: t('ko', 'schools_created') })).toBeVisible();

	// The same code for another school: the code field says so, and everything typed stays.
	await page.goto('/admin/schools/new');
	await hydrated(page);
	await page.getByLabel(t('ko', 'schools_field_name_ko')).fill('다른초등학교');
	await page.getByLabel(t('ko', 'schools_field_level')).selectOption('middle');
	const code = page.getByLabel(t('ko', 'schools_field_code'));
	await code.fill('7751032');
	await page.getByRole('button', { name: t('ko', 'schools_create_submit') }).click();
	await expect(page.getByText(t('ko', 'school_code_taken', { code: '7751032' }), { exact: true })).toBeVisible();
	await expect(code).toHaveValue('7751032');
	await expect(code).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel(t('ko', 'schools_field_name_ko'))).toHaveValue('다른초등학교');
	await expect(page.getByLabel(t('ko', 'schools_field_level'))).toHaveValue('middle');

	// The search finds it by part of its name and by its code.
	await page.goto('/admin/schools');
	await page.getByLabel(t('ko', 'schools_search_label')).fill('이음');
	await page.getByRole('button', { name: t('ko', 'schools_search_submit'), exact: true }).click();
	await expect(page).toHaveURL(/q=%EC%9D%B4%EC%9D%8C/);
	const rows = page.locator('tbody tr');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('이음초등학교');
	await page.goto('/admin/schools?q=7751032');
	await expect(rows).toHaveCount(1);
	await rows.first().getByRole('link', { name: t('ko', 'schools_edit_named', { name: '이음초등학교' }) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ko', 'schools_edit_title', { name: '이음초등학교' }));
	await context.close();
});

test('CSV import without JavaScript: a bad line is named and nothing is imported; a good file imports', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: ADMIN, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/admin/schools/import');
	const file = page.getByLabel(t('ko', 'schools_import_file'));

	await file.setInputFiles(csvFile('bad.csv', [HEADER, '가져오기초등학교,,초,세종,7760001,', '', '가져오기대학교,,대학교,세종,7760002,']));
	await page.getByRole('button', { name: t('ko', 'schools_import_preview_submit') }).click();
	await expect(page.getByRole('alert').filter({ hasText: t('ko', 'schools_import_has_errors') })).toBeVisible();
	const bad = page.locator('#line-4');
	await expect(bad.getByRole('rowheader')).toHaveText(t('ko', 'schools_import_line', { line: 4 }));
	await expect(bad).toContainText(t('ko', 'school_level_invalid'));
	await expect(page.locator('#line-2')).toContainText(t('ko', 'schools_import_action_new'));
	await expect(page.getByRole('button', { name: t('ko', 'schools_import_confirm_submit') })).toHaveCount(0);
	await page.goto('/admin/schools?q=가져오기');
	await expect(page.getByText(t('ko', 'schools_empty'))).toBeVisible();

	await page.goto('/admin/schools/import');
	// Every imported school has an English name: they stay in the demo database the language walk reads in English.
	await file.setInputFiles(
		csvFile('good.csv', [HEADER, '가져오기초등학교,Gajeo Elementary,초,세종,7760001,044-760-0001', '"가져오기중학교, 분교","Gajeo Middle School, Branch",중학교,,7760003,', '한솔초등학교,Hansol Elementary School,초등학교,세종,9300101,044-000-0101'])
	);
	await page.getByRole('button', { name: t('ko', 'schools_import_preview_submit') }).click();
	await expect(page.getByText(t('ko', 'schools_import_summary', { new: 2, changed: 0, unchanged: 1, invalid: 0 }))).toBeVisible();
	await expect(page.locator('#line-4')).toContainText(t('ko', 'schools_import_action_unchanged'));
	await page.getByRole('button', { name: t('ko', 'schools_import_confirm_submit') }).click();
	await expect(page.getByRole('status').filter({ hasText: t('ko', 'schools_import_done', { new: 2, changed: 0, unchanged: 1 }) })).toBeVisible();
	await page.goto('/admin/schools?q=가져오기');
	await expect(page.locator('tbody tr')).toHaveCount(2);
	await expect(page.locator('tbody')).toContainText('가져오기중학교, 분교');
	await context.close();
});

test('a file larger than the import takes (1 MB) is refused with a message before it is sent; past the server\'s limit, 413 and never a 5xx', async ({ browser }) => {
	const big = csvFile('big.csv', [HEADER, ...Array.from({ length: 20_000 }, (_, i) => `아주큰파일학교${i},Big File School ${i},초,세종,,`)]);
	expect(big.buffer.byteLength).toBeGreaterThan(1024 * 1024);
	const context = await openContext(browser, { locale: 'en', as: ADMIN });
	const page = await context.newPage();
	await page.goto('/admin/schools/import');
	await hydrated(page);
	await page.getByLabel(t('en', 'schools_import_file')).setInputFiles(big);
	await page.getByRole('button', { name: t('en', 'schools_import_preview_submit') }).click();
	await expect(page.getByText(t('en', 'school_import_too_large', { max: '1 MB' }), { exact: true })).toBeVisible();
	await expect(page.getByLabel(t('en', 'schools_import_file'))).toHaveAttribute('aria-invalid', 'true');
	// Sent anyway (no JavaScript): the server reads it and says the same.
	const sent = await context.request.post('/admin/schools/import?/preview', {
		multipart: { file: big },
		headers: { origin: BASE_URL, accept: 'text/html' }
	});
	expect(sent.status()).toBe(422);
	// Past BODY_SIZE_LIMIT (12M here, as `npm start` sets it) nothing can be read: 413.
	const huge = { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(13 * 1024 * 1024, 0x41) };
	const response = await context.request.post('/admin/schools/import?/preview', {
		multipart: { file: huge },
		headers: { origin: BASE_URL, accept: 'text/html' }
	});
	expect(response.status()).toBe(413);
	await context.close();
});

test('the sample CSV is UTF-8 with a BOM and imports as it is', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: ADMIN });
	const response = await context.request.get('/admin/schools/sample.csv');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const body = await response.body();
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(body.toString('utf8')).toContain(HEADER);

	const page = await context.newPage();
	await page.goto('/admin/schools/import');
	await page.getByLabel(t('ko', 'schools_import_file')).setInputFiles({ name: 'sample.csv', mimeType: 'text/csv', buffer: body });
	await page.getByRole('button', { name: t('ko', 'schools_import_preview_submit') }).click();
	await expect(page.getByRole('status').filter({ hasText: t('ko', 'schools_import_ready') })).toBeVisible();
	await expect(page.getByRole('button', { name: t('ko', 'schools_import_confirm_submit') })).toBeVisible();
	await context.close();
});

for (const locale of ['ko', 'en'] as Locale[]) {
	for (const width of [1280, 360]) {
		test(`the school pages pass axe, ${locale} at ${width}px, without scrolling sideways`, async ({ browser }) => {
			const context = await openContext(browser, { locale, width, as: ADMIN });
			const page = await context.newPage();
			await page.goto('/admin/schools');
			await expect(page.locator('tbody tr').first()).toBeVisible();
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot({ path: `tests/e2e/screenshots/admin-schools-${locale}-${width}.png`, fullPage: true });

			await page.goto('/admin/schools/new');
			await hydrated(page);
			await page.getByLabel(t(locale, 'schools_field_code')).fill('12');
			await page.getByRole('button', { name: t(locale, 'schools_create_submit') }).click();
			await expect(page.getByText(t(locale, 'school_code_invalid'), { exact: true })).toBeVisible();
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot({ path: `tests/e2e/screenshots/admin-schools-new-${locale}-${width}.png`, fullPage: true });

			await page.goto('/admin/schools/import');
			await hydrated(page);
			await page
				.getByLabel(t(locale, 'schools_import_file'))
				.setInputFiles(csvFile('preview.csv', [HEADER, '미리보기초등학교,Preview ES,초,세종,7770001,', '미리보기중학교,,중학,,77,', '한솔초등학교,Hansol ES,초,세종,9300101,']));
			await page.getByRole('button', { name: t(locale, 'schools_import_preview_submit') }).click();
			await expect(page.locator('#line-3')).toContainText(t(locale, 'school_code_invalid'));
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot({ path: `tests/e2e/screenshots/admin-schools-import-${locale}-${width}.png`, fullPage: true });
			await context.close();
		});
	}
}
