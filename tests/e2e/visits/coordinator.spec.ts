import type { Browser } from '@playwright/test';
import { ACCOUNTS, BASE_URL, LOCALES, SCHOOL, axeViolations, expect, horizontalOverflow, mailsTo, openContext, t, test, type Locale } from '../fixtures';
import { visitWeekdays } from './dates';

/**
 * The coordinators' side of a visit: a delegation from 전라남도교육청 requests a visit for 12 people;
 * the coordinator finds it in the inbox, proposes another date (ko) or confirms a preferred one
 * (en); the delegation's private page and mail follow, and in Korean the delegation accepts the
 * proposal there. Other roles get 403. axe and no sideways overflow at 1280 and 360 px.
 */
const COORDINATOR = ACCOUNTS.find((a) => a.role === 'visit_coordinator')!;
const DAY_MS = 86_400_000;

async function requestVisit(browser: Browser, locale: Locale, email: string, dates: string[]) {
	const context = await openContext(browser, { locale });
	const response = await context.request.post('/api/v1/visits', {
		headers: { origin: BASE_URL, 'accept-language': locale },
		data: {
			organization: '전라남도교육청 학생생활과',
			organizationKind: 'office',
			region: 'jeonnam',
			contactName: '김담당',
			email,
			phone: '061-260-0000',
			groupSize: 12,
			preferredDates: dates.map((date, i) => ({ date, period: i % 2 ? 'pm' : 'am' })),
			departments: ['education', 'mediation'],
			purpose: '학생맞춤통합지원 운영 사례를 배우고자 합니다.',
			accessibilityNeeds: '',
			consent: true
		}
	});
	expect(response.status(), await response.text()).toBe(201);
	const { reference, manageUrl } = await response.json();
	await context.close();
	return { reference: reference as string, path: new URL(manageUrl).pathname };
}

for (const locale of LOCALES) {
	test(`the coordinator ${locale === 'ko' ? 'proposes another date, which the delegation accepts' : 'confirms a preferred date'} (${locale})`, async ({ browser }) => {
		const [first, second, other] = visitWeekdays(35 + (locale === 'en' ? 7 : 0), 3);
		const email = `e2e-coord-${locale}-${crypto.randomUUID().slice(0, 8)}@jne.go.kr`;
		const { reference, path } = await requestVisit(browser, locale, email, [first!, second!]);

		const context = await openContext(browser, { locale, as: COORDINATOR });
		const page = await context.newPage();
		await page.goto('/visits');
		await expect(page.getByRole('heading', { level: 1, name: t(locale, 'visits_title') })).toBeVisible();
		await expect(page.getByRole('navigation', { name: t(locale, 'visits_status_nav') }).getByRole('link', { name: new RegExp(t(locale, 'visit_status_new')) })).toHaveAttribute('aria-current', 'page');
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('link', { name: reference, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
		await expect(page.locator('main')).toContainText(locale === 'ko' ? '12명' : '12 people');
		expect(await axeViolations(page)).toEqual([]);
		await page.setViewportSize({ width: 360, height: 740 });
		expect(await horizontalOverflow(page)).toEqual([]);
		await page.setViewportSize({ width: 1280, height: 800 });

		if (locale === 'ko') {
			await page.getByLabel(t(locale, 'visits_propose_date'), { exact: true }).fill(other!);
			await page.getByLabel(t(locale, 'visits_propose_message'), { exact: true }).fill('희망하신 날에는 다른 행사가 있어 이날을 제안드립니다.');
			await page.getByRole('button', { name: t(locale, 'visits_propose_submit') }).click();
			await expect(page.getByRole('status').filter({ hasText: t(locale, 'visits_done_propose') })).toBeVisible();
			const [mail] = await mailsTo(email, (m) => m.subject.includes(reference) && m.text.includes('다른 행사가 있어'));
			expect(mail!.text).not.toContain(path);
		} else {
			const confirmation = page.getByRole('region', { name: t(locale, 'visits_confirm_title') });
			await confirmation.getByRole('radio', { name: new RegExp(t(locale, 'visit_period_pm')) }).check();
			await confirmation.getByRole('button', { name: t(locale, 'visits_confirm_submit') }).click();
			await expect(page.getByRole('status').filter({ hasText: t(locale, 'visits_done_confirm') })).toBeVisible();
			await mailsTo(email, (m) => m.subject.includes(reference) && m.subject.includes('confirmed'));
		}
		for (const width of [1280, 360]) {
			await page.setViewportSize({ width, height: width < 600 ? 740 : 800 });
			await page.goto('/visits?status=' + (locale === 'ko' ? 'waiting' : 'confirmed'));
			await expect(page.getByRole('link', { name: reference, exact: true })).toBeVisible();
			expect(await horizontalOverflow(page)).toEqual([]);
		}
		await context.close();

		// The delegation's private page.
		const delegation = await openContext(browser, { locale });
		const own = await delegation.newPage();
		await own.goto(path);
		if (locale === 'ko') {
			await expect(own.locator('main')).toContainText(t(locale, 'visit_status_waiting'));
			await own.getByRole('button', { name: t(locale, 'visit_status_accept_submit') }).click();
			await expect(own.getByRole('status').filter({ hasText: t(locale, 'visit_status_accepted') })).toBeVisible();
		}
		await expect(own.locator('main')).toContainText(t(locale, 'visit_status_confirmed'));
		await expect(own.locator('main')).toContainText(t(locale, 'visit_label_visit_date'));
		expect(await axeViolations(own)).toEqual([]);
		await delegation.close();
	});
}

test('the workspace is for coordinators and admins only', async ({ browser }) => {
	for (const as of [SCHOOL, ACCOUNTS.find((a) => a.role === 'facility_manager')!, ACCOUNTS.find((a) => a.role === 'department_staff')!]) {
		const context = await openContext(browser, { locale: 'ko', as });
		expect((await context.request.get('/visits')).status(), as.email).toBe(403);
		await context.close();
	}
	const anonymous = await openContext(browser, { locale: 'ko' });
	const response = await anonymous.request.get('/visits', { maxRedirects: 0 });
	expect([303, 302, 401]).toContain(response.status());
	await anonymous.close();
});

test('the visit days: a month with each day’s confirmed visits; a day closed to visits and opened again', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: COORDINATOR });
	const page = await context.newPage();
	// A month far ahead, clear of the other tests' visits.
	const ahead = new Date(Date.now() + 9 * 3_600_000 + 200 * DAY_MS);
	const month = ahead.toISOString().slice(0, 7);
	await page.goto(`/visits/calendar?month=${month}`);
	await expect(page.getByRole('heading', { level: 1, name: t('ko', 'visits_cal_title') })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
	const row = page.getByRole('row').filter({ hasText: t('ko', 'visits_cal_load', { confirmed: 0, capacity: 2 }) }).first();
	const date = await row.locator('time').getAttribute('datetime');
	await row.getByText(t('ko', 'visits_cal_close'), { exact: true }).click();
	await row.getByLabel(t('ko', 'visits_cal_reason')).fill('본부 워크숍');
	await row.getByRole('button', { name: t('ko', 'visits_cal_close_submit') }).click();
	await expect(page.getByRole('status').filter({ hasText: '방문을 받지 않습니다' })).toBeVisible();
	const closed = page.getByRole('row').filter({ has: page.locator(`time[datetime="${date}"]`) });
	await expect(closed).toContainText('본부 워크숍');
	expect(await axeViolations(page)).toEqual([]);
	await closed.getByRole('button', { name: t('ko', 'visits_cal_reopen') }).click();
	await expect(page.getByRole('status').filter({ hasText: '다시 방문을 받습니다' })).toBeVisible();
	for (const width of [360]) {
		await page.setViewportSize({ width, height: 740 });
		expect(await horizontalOverflow(page)).toEqual([]);
	}
	await context.close();
});
