import type { Page } from '@playwright/test';
import { BASE_URL, LOCALES, axeViolations, expect, horizontalOverflow, mailsTo, openContext, t, test, type Locale } from '../fixtures';
import { visitWeekdays } from './dates';

/**
 * A delegation requests a benchmarking visit without an account: the form in Korean and English
 * (with and without JavaScript), every problem marked with what was typed kept, the reference and
 * the private link on screen and by e-mail, the status page through the link (cancel there), and
 * the public API; a wrong token is a 404. axe and no sideways overflow at 1280 and 360 px.
 */

/** A weekday at least `days` ahead that takes visits (no weekend, no public holiday). */
const weekdayAhead = (days: number) => visitWeekdays(days)[0]!;

async function fill(page: Page, locale: Locale, email: string) {
	await page.getByLabel(t(locale, 'visit_field_organization'), { exact: true }).fill('전라남도교육청 학생생활과');
	await page.getByLabel(t(locale, 'visit_field_region'), { exact: true }).selectOption('jeonnam');
	await page.getByRole('radio', { name: t(locale, 'visit_kind_office') }).check();
	await page.getByLabel(t(locale, 'visit_field_contact'), { exact: true }).fill('김담당');
	await page.getByLabel(t(locale, 'visit_field_email'), { exact: true }).fill(email);
	await page.getByLabel(t(locale, 'visit_field_phone'), { exact: true }).fill('061-260-0000');
	await page.getByLabel(t(locale, 'visit_field_group'), { exact: true }).fill('12');
	await page.getByLabel(t(locale, 'visit_field_date', { n: 1 }), { exact: true }).fill(weekdayAhead(30));
	await page.getByRole('group', { name: t(locale, 'visit_field_date_period', { n: 1 }) }).getByRole('radio', { name: t(locale, 'visit_period_pm') }).check();
	await page.getByRole('checkbox', { name: locale === 'ko' ? '교육지원부' : 'Education Support', exact: true }).check();
	await page.getByLabel(t(locale, 'visit_field_purpose'), { exact: true }).fill('학생맞춤통합지원 운영 사례를 배우고자 합니다.');
}

for (const locale of LOCALES) {
	test(`a delegation requests a visit, gets its reference and private link, and cancels through it (${locale})`, async ({ browser }) => {
		const context = await openContext(browser, { locale });
		const page = await context.newPage();
		await page.goto('/visits/request');
		await expect(page.getByRole('heading', { level: 1, name: t(locale, 'visit_request_title') })).toBeVisible();
		expect(await axeViolations(page)).toEqual([]);

		// Without the consent, nothing is sent and what was typed stays.
		const email = `e2e-visit-${locale}-${crypto.randomUUID().slice(0, 8)}@jne.go.kr`;
		await fill(page, locale, email);
		await page.getByRole('button', { name: t(locale, 'visit_submit') }).click();
		await expect(page.getByRole('alert')).toContainText(t(locale, 'visit_consent_required'));
		await expect(page.getByLabel(t(locale, 'visit_field_organization'), { exact: true })).toHaveValue('전라남도교육청 학생생활과');
		await expect(page.getByLabel(t(locale, 'visit_field_group'), { exact: true })).toHaveValue('12');
		expect(await axeViolations(page)).toEqual([]);

		await page.getByLabel(t(locale, 'visit_consent_label'), { exact: true }).check();
		await page.getByRole('button', { name: t(locale, 'visit_submit') }).click();
		await expect(page.getByRole('heading', { level: 1, name: t(locale, 'visit_done_title') })).toBeVisible();
		const reference = (await page.locator('main').textContent())?.match(/V-\d{4}-\d{4}/)?.[0];
		expect(reference).toBeTruthy();
		const link = await page.locator('.private-link a').getAttribute('href');
		expect(link).toMatch(/^\/visits\/status\/[a-z2-7]{52}$/);
		expect(await axeViolations(page)).toEqual([]);

		// The same link by e-mail, in the language of the request.
		const [mail] = await mailsTo(email, (m) => m.subject.includes(reference!));
		expect(mail!.text).toContain(link!);
		expect(mail!.subject).toContain(locale === 'ko' ? '벤치마킹 방문 신청' : 'benchmarking visit request');

		for (const width of [1280, 360]) {
			await page.setViewportSize({ width, height: width < 600 ? 740 : 800 });
			await page.goto(link!);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(reference!);
			await expect(page.locator('main')).toContainText(t(locale, 'visit_status_new'));
			await expect(page.locator('main')).toContainText('김담당');
			expect(await horizontalOverflow(page)).toEqual([]);
			expect(await axeViolations(page)).toEqual([]);
		}
		await page.getByText(t(locale, 'visit_status_cancel_open')).click();
		await page.getByRole('button', { name: t(locale, 'visit_status_cancel_confirm') }).click();
		await expect(page.locator('main')).toContainText(t(locale, 'visit_status_cancelled'));
		await expect(page.getByRole('button', { name: t(locale, 'visit_status_cancel_confirm') })).toHaveCount(0);
		await context.close();
	});
}

test('without JavaScript: every problem is marked on its field, the typed values kept', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', javaScriptEnabled: false, width: 360 });
	const page = await context.newPage();
	await page.goto('/visits/request');
	await page.getByLabel(t('ko', 'visit_field_organization'), { exact: true }).fill('목포하당초등학교');
	await page.getByLabel(t('ko', 'visit_field_email'), { exact: true }).fill('not-an-address');
	await page.getByLabel(t('ko', 'visit_field_group'), { exact: true }).fill('900');
	await page.getByLabel(t('ko', 'visit_field_date', { n: 2 }), { exact: true }).fill('2030-01-01');
	await page.getByRole('button', { name: t('ko', 'visit_submit') }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText(t('ko', 'visit_email_invalid'));
	await expect(summary).toContainText(t('ko', 'visit_group_size_invalid', { min: 1, max: 200 }));
	await expect(summary).toContainText(t('ko', 'visit_consent_required'));
	await expect(page.getByLabel(t('ko', 'visit_field_email'), { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel(t('ko', 'visit_field_organization'), { exact: true })).toHaveValue('목포하당초등학교');
	await expect(page.getByLabel(t('ko', 'visit_field_email'), { exact: true })).toHaveValue('not-an-address');
	// The summary links to each field.
	await expect(summary.getByRole('link').first()).toHaveAttribute('href', /^#field-/);
	// (axe needs the page's JavaScript: the same refused form is checked with it in the tests above.)
	expect(await horizontalOverflow(page)).toEqual([]);
	await context.close();
});

test('a script that fills the hidden field is refused, and nothing is sent', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en' });
	const email = `e2e-honeypot-${crypto.randomUUID().slice(0, 8)}@example.org`;
	const form = {
		organization: 'Bot office',
		organizationKind: 'other',
		region: 'seoul',
		contactName: 'Bot',
		email,
		phone: '02-000-0000',
		groupSize: '3',
		date1: weekdayAhead(30),
		period1: 'am',
		purpose: 'spam',
		consent: 'on',
		website: 'http://spam.example'
	};
	const response = await context.request.post('/visits/request', { form, headers: { origin: BASE_URL, accept: 'text/html' } });
	expect(response.status()).toBe(422);
	const html = await response.text();
	expect(html).toContain(t('en', 'visit_spam'));
	expect(html).not.toMatch(/V-\d{4}-\d{4}/);
	await context.close();
});

test.describe('the public API', () => {
	test('201 with reference and private link; 422 with errors by field; a wrong token is a 404', async ({ playwright }) => {
		const api = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'accept-language': 'en' } });
		const body = {
			organization: 'Jeollanam-do Office of Education',
			organizationKind: 'office',
			region: 'jeonnam',
			contactName: 'Kim',
			email: `e2e-api-${crypto.randomUUID().slice(0, 8)}@jne.go.kr`,
			phone: '061-260-0000',
			groupSize: 12,
			preferredDates: [{ date: weekdayAhead(40), period: 'am' }],
			departments: ['education'],
			purpose: 'Learning how student support is organised',
			accessibilityNeeds: '',
			consent: true
		};
		const created = await api.post('/api/v1/visits', { data: body });
		expect(created.status(), await created.text()).toBe(201);
		const { reference, manageUrl } = await created.json();
		expect(reference).toMatch(/^V-\d{4}-\d{4}$/);
		const token = new URL(manageUrl).pathname.split('/').pop()!;
		const view = await api.get(`/api/v1/visits/${token}`);
		expect(view.status()).toBe(200);
		expect(view.headers()['cache-control']).toContain('no-store');
		expect(await view.json()).toMatchObject({ reference, status: 'new', groupSize: 12, timeline: [{ kind: 'requested', author: 'delegation' }] });

		const refused = await api.post('/api/v1/visits', { data: { ...body, consent: false, email: 'nope', groupSize: 0 } });
		expect(refused.status()).toBe(422);
		expect(refused.headers()['content-type']).toContain('application/problem+json');
		const problem = await refused.json();
		expect(Object.keys(problem.errors).sort()).toEqual(['consent', 'email', 'groupSize']);
		expect(problem.errors.consent).toBe(t('en', 'visit_consent_required'));

		for (const wrong of [reference, token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a'), 'x'])
			expect((await api.get(`/api/v1/visits/${encodeURIComponent(wrong)}`)).status()).toBe(404);
		await api.dispose();
	});
});

test('a lost private link: a new one by e-mail for the reference and its address, the same answer otherwise; the old one stops opening', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', width: 360 });
	const page = await context.newPage();
	const email = `e2e-lost-${crypto.randomUUID().slice(0, 8)}@jne.go.kr`;
	await page.goto('/visits/request');
	await fill(page, 'ko', email);
	await page.getByLabel(t('ko', 'visit_consent_label'), { exact: true }).check();
	await page.getByRole('button', { name: t('ko', 'visit_submit') }).click();
	await expect(page.getByRole('heading', { level: 1, name: t('ko', 'visit_done_title') })).toBeVisible();
	const reference = (await page.locator('main').textContent())!.match(/V-\d{4}-\d{4}/)![0];
	const old = (await page.locator('.private-link a').getAttribute('href'))!;

	await page.goto('/visits/request');
	await page.getByRole('link', { name: t('ko', 'visit_link_title') }).click();
	await expect(page.getByRole('heading', { level: 1, name: t('ko', 'visit_link_title') })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
	await page.getByRole('button', { name: t('ko', 'visit_link_submit') }).click();
	await expect(page.getByRole('alert')).toContainText(t('ko', 'field_required'));
	await page.getByLabel(t('ko', 'visit_link_reference'), { exact: true }).fill(reference.toLowerCase());
	await page.getByLabel(t('ko', 'visit_link_email'), { exact: true }).fill('someone-else@example.org');
	await page.getByRole('button', { name: t('ko', 'visit_link_submit') }).click();
	const sent = page.getByRole('status').filter({ hasText: t('ko', 'visit_link_sent', { phone: '044-320-3000' }) });
	await expect(sent).toBeVisible();
	await page.getByLabel(t('ko', 'visit_link_email'), { exact: true }).fill(email);
	await page.getByRole('button', { name: t('ko', 'visit_link_submit') }).click();
	await expect(sent).toBeVisible();
	expect(await horizontalOverflow(page)).toEqual([]);
	const [mail] = await mailsTo(email, (m) => m.subject.includes(reference) && m.text.includes('/visits/status/') && !m.text.includes(old));
	const fresh = mail!.text.match(/\/visits\/status\/[a-z2-7]{52}/)![0];
	expect((await page.goto(old))!.status()).toBe(404);
	await page.goto(fresh);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
	await context.close();
});
