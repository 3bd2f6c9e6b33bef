import { mkdirSync } from 'node:fs';
import { ACCOUNTS, axeViolations, expect, horizontalOverflow, hydrated, LOCALES, openContext, SCHOOL, t, test, WIDTHS } from '../fixtures';

/**
 * The department queue (/department) for department staff, as the other specs leave it (they book
 * on the same database at the same time, so counts are never assumed): its groups, filters (with
 * and without JavaScript), who may open it, the details page's 404 — and axe, overflow and
 * screenshots. What the actions do is proven on the domain in
 * tests/integration/consultations-queue.test.ts and end to end in story.spec.ts.
 */
test.describe.configure({ mode: 'parallel' });

const DIR = 'tests/e2e/screenshots';
mkdirSync(DIR, { recursive: true });

const EDU = ACCOUNTS.find((a) => a.email === 'edu@center.test')!;
const MEDIATION = ACCOUNTS.find((a) => a.email === 'mediation@center.test')!;
const FACILITY = ACCOUNTS.find((a) => a.email === 'facility@center.test')!;
const ADMIN = ACCOUNTS.find((a) => a.email === 'admin@center.test')!;

/** A group heading with whatever count it has ("지난 상담: 3건"). */
const anyCount = (locale: 'ko' | 'en', key: string) =>
	new RegExp('^' + t(locale, key, { count: 98765 }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('98765', '\\d+') + '$');

for (const locale of LOCALES)
	for (const width of WIDTHS)
		test(`the department queue passes axe and fits (${locale}, ${width} px)`, async ({ browser }) => {
			const context = await openContext(browser, { locale, as: EDU, width });
			const page = await context.newPage();
			const response = await page.goto('/department');
			expect(response?.status()).toBe(200);
			await expect(page.locator('h1')).toHaveText(t(locale, 'dept_queue_title'));
			// Other specs book consultations on the same database meanwhile: any count.
			for (const key of ['dept_queue_pending_title', 'dept_queue_upcoming_title', 'dept_queue_past_title'])
				await expect(page.getByRole('heading', { name: anyCount(locale, key) })).toBeVisible();
			await hydrated(page);
			// The week calendar renders in the browser (its toolbar's "today" button).
			await expect(page.locator('.department-calendar button').first()).toBeVisible({ timeout: 15_000 });
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.evaluate(() => document.fonts.ready);
			await page.screenshot({ path: `${DIR}/department-queue-${locale}-${width}.png`, fullPage: true });
			await context.close();
		});

test('department staff find the queue in the navigation and in the breadcrumbs', async ({ browser }) => {
	for (const locale of LOCALES) {
		const context = await openContext(browser, { locale, as: MEDIATION });
		const page = await context.newPage();
		await page.goto('/dashboard');
		await page.getByRole('navigation').getByRole('link', { name: t(locale, 'nav_department'), exact: true }).first().click();
		await expect(page).toHaveURL(/\/department$/);
		await expect(page.getByRole('navigation', { name: /./ }).getByText(t(locale, 'nav_department')).first()).toBeVisible();
		await context.close();
	}
});

test('the filters are a GET form: they work without JavaScript, keep what was chosen, and a bad value shows the whole list', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', as: EDU, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/department');
	await page.getByLabel(t('en', 'dept_queue_col_status'), { exact: true }).selectOption('cancelled');
	await page.getByLabel(t('en', 'consultation_label_consultant'), { exact: true }).selectOption({ index: 1 });
	await page.getByRole('button', { name: t('en', 'dept_queue_filter_submit') }).click();
	await expect(page).toHaveURL(/status=cancelled/);
	await expect(page.getByLabel(t('en', 'dept_queue_col_status'), { exact: true })).toHaveValue('cancelled');
	await expect(page.getByText(t('en', 'dept_queue_none_filtered')).first()).toBeVisible();
	await expect(page.getByRole('link', { name: t('en', 'dept_queue_filter_reset') })).toBeVisible();
	const bad = await page.goto('/department?status=nonsense&consultant=not-a-uuid');
	expect(bad?.status()).toBe(200);
	await expect(page.getByLabel(t('en', 'dept_queue_col_status'), { exact: true })).toHaveValue('');
	await expect(page.getByRole('heading', { name: anyCount('en', 'dept_queue_pending_title') })).toBeVisible();
	// No Korean on the English page (the consultants' names are people's names, not words of the page).
	const words = await page.locator('main').evaluate((main) => {
		const copy = main.cloneNode(true) as HTMLElement;
		for (const option of copy.querySelectorAll('#queue-consultant option')) option.remove();
		return copy.textContent ?? '';
	});
	// Consultations other specs booked meanwhile show their consultant's name in the list.
	const withoutNames = ACCOUNTS.reduce((text, a) => text.replaceAll(a.name, ''), words);
	expect(withoutNames).not.toMatch(/[\uAC00-\uD7A3]/);
	await context.close();
});

test('only department staff open the queue: facility staff, admins and schools are refused, a visitor signs in first', async ({ browser }) => {
	for (const who of [FACILITY, ADMIN, SCHOOL]) {
		const context = await openContext(browser, { locale: 'ko', as: who });
		const page = await context.newPage();
		expect((await page.goto('/department'))?.status(), who.email).toBe(403);
		expect((await page.goto('/department/consultations/00000000-0000-4000-8000-000000000000'))?.status(), who.email).toBe(403);
		await context.close();
	}
	const anonymous = await openContext(browser, { locale: 'ko' });
	const page = await anonymous.newPage();
	await page.goto('/department');
	await expect(page).toHaveURL(/\/login\?next=%2Fdepartment/);
	await anonymous.close();
});

test('a consultation that is not there (or of another department) is a 404 for department staff', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: EDU });
	const page = await context.newPage();
	expect((await page.goto('/department/consultations/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
	const post = await context.request.post('/department/consultations/00000000-0000-4000-8000-000000000000?/confirm', {
		form: {},
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(post.status()).toBeLessThan(500);
	await context.close();
});
