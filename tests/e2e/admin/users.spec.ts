import { ADMIN, BASE_URL, axeViolations, expect, horizontalOverflow, openContext, t, test, type Locale } from '../fixtures';

/** 62 invited accounts named 누리검색0…61, made through the real invite form (beside the demo accounts). */
const MADE = 62;
const SCHOOL_NAME = '도담초등학교';

test.beforeAll(async ({ browser }) => {
	test.setTimeout(180_000);
	const context = await openContext(browser, { locale: 'ko', as: ADMIN });
	const page = await context.newPage();
	await page.goto('/admin/users/new');
	const schoolId = await page.locator('#schoolId option', { hasText: SCHOOL_NAME }).getAttribute('value');
	for (let i = 0; i < MADE; i++) {
		const school = i % 2 === 0;
		const response = await context.request.post('/admin/users/new', {
			form: {
				name: `누리검색${i}`,
				email: `Nuri-Search-${String(i).padStart(2, '0')}@Paging.test`,
				role: school ? 'school_user' : 'visit_coordinator',
				departmentId: '',
				schoolId: school ? schoolId! : ''
			},
			headers: { origin: BASE_URL, accept: 'text/html' }
		});
		expect(response.status()).toBe(200);
	}
	await context.close();
});

test('search by name or e-mail in any case, filter, and page through without JavaScript, the filters kept in every link', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: ADMIN, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/admin/users');
	await page.getByLabel(t('ko', 'users_search_label')).fill('누리검색');
	await page.getByRole('button', { name: t('ko', 'schools_search_submit'), exact: true }).click();
	await expect(page).toHaveURL(/\/admin\/users\?q=%EB%88%84%EB%A6%AC%EA%B2%80%EC%83%89/);
	await expect(page.getByRole('status').filter({ hasText: t('ko', 'users_found', { total: MADE, page: 1, pages: 4 }) })).toBeVisible();
	const rows = page.locator('tbody tr');
	await expect(rows).toHaveCount(20);

	const pager = page.getByRole('navigation', { name: t('ko', 'users_pager_label') });
	await pager.getByRole('link', { name: t('ko', 'schools_page_link', { page: 4 }) }).click();
	await expect(page).toHaveURL(/q=%EB%88%84%EB%A6%AC%EA%B2%80%EC%83%89&page=4$/);
	await expect(rows).toHaveCount(MADE - 60);
	await expect(pager.getByRole('link', { name: t('ko', 'schools_page_link', { page: 4 }) })).toHaveAttribute('aria-current', 'page');

	// Filters: a role, a status and a school, with the search; paging keeps them all.
	await page.goto('/admin/users?q=PAGING.TEST');
	await page.getByLabel(t('ko', 'users_col_role')).selectOption('school_user');
	await page.getByLabel(t('ko', 'users_col_status')).selectOption('invited');
	await page.getByLabel(t('ko', 'users_filter_school')).selectOption({ label: SCHOOL_NAME });
	await page.getByRole('button', { name: t('ko', 'schools_search_submit'), exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: t('ko', 'users_found', { total: MADE / 2, page: 1, pages: 2 }) })).toBeVisible();
	await expect(page.getByLabel(t('ko', 'users_search_label'))).toHaveValue('PAGING.TEST');
	await page.getByRole('link', { name: t('ko', 'schools_next') }).click();
	await expect(page).toHaveURL(/q=PAGING\.TEST&role=school_user&status=invited&school=[0-9a-f-]{36}&page=2$/);
	await expect(rows).toHaveCount(MADE / 2 - 20);
	for (const text of await rows.allTextContents()) {
		expect(text).toContain(SCHOOL_NAME);
		expect(text).toContain(t('ko', 'users_status_invited'));
	}
	await expect(page.getByLabel(t('ko', 'users_col_role'))).toHaveValue('school_user');

	// One person by part of the address; nobody active among them (none has set a password).
	await page.goto('/admin/users?q=nuri-search-07');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('누리검색7');
	await page.goto('/admin/users?q=누리검색&status=active');
	await expect(page.getByText(t('ko', 'users_empty'))).toBeVisible();
	await context.close();
});

for (const locale of ['ko', 'en'] as Locale[]) {
	for (const width of [1280, 360]) {
		test(`the user list and the outbox pass axe, ${locale} at ${width}px, cards on a phone, without scrolling sideways`, async ({ browser }) => {
			const context = await openContext(browser, { locale, width, as: ADMIN });
			const page = await context.newPage();
			for (const [name, path] of [
				['users', '/admin/users?q=paging.test&page=2'],
				['outbox', '/admin/outbox']
			] as const) {
				await page.goto(path);
				await expect(page.locator('tbody tr').first()).toBeVisible();
				// On a phone each row is a card: its cells stack, and the column headers are only for screen readers.
				const display = await page.locator('tbody tr').first().evaluate((row) => getComputedStyle(row).display);
				expect(display).toBe(width === 360 ? 'block' : 'table-row');
				expect(await axeViolations(page)).toEqual([]);
				expect(await horizontalOverflow(page)).toEqual([]);
				await page.screenshot({ path: `tests/e2e/screenshots/admin-${name}-${locale}-${width}.png`, fullPage: true });
			}
			await context.close();
		});
	}
}
