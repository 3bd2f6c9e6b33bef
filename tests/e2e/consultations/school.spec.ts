import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ACCOUNTS, axeViolations, expect, horizontalOverflow, hydrated, LOCALES, mailsTo, openContext, SCHOOL, t, test, WIDTHS, type Locale } from '../fixtures';

/**
 * A school books a consultation on /consultations, step by step on one page (with and without
 * JavaScript), reads its reference, gets the mail and the .ics, and cancels. Dates never depend on
 * today: every time is one the page offers.
 */

const DIR = 'tests/e2e/screenshots';
mkdirSync(DIR, { recursive: true });

const REFERENCE = /C-\d{4}-\d{4}/;

/** The first free time the page offers, this week or one of the next ones. */
async function pickFirstSlot(page: Page, locale: Locale, skipWeeks = 0): Promise<string> {
	for (let week = 0; week < 6; week++) {
		await page.locator('ul.days').waitFor();
		const times = page.locator('ul.days ul.times a');
		if (week >= skipWeeks && (await times.count()) > 0) {
			const first = times.first();
			const label = (await first.getAttribute('aria-label')) ?? '';
			await first.click();
			await expect(page.getByRole('heading', { name: t(locale, 'consult_school_step_details') })).toBeVisible();
			return label;
		}
		const before = page.url();
		await page.getByRole('link', { name: t(locale, 'consult_school_week_next') }).click();
		await expect(page).not.toHaveURL(before);
	}
	throw new Error('no free slot in six weeks');
}

/** Department → topic → first free time, from the page's own links. */
async function chooseUpTo(page: Page, locale: Locale, department: string, topic: string, skipWeeks = 0): Promise<string> {
	await page.goto('/consultations');
	await page.getByRole('link', { name: department, exact: true }).click();
	await page.getByRole('link', { name: topic, exact: true }).click();
	await expect(page.getByRole('heading', { name: t(locale, 'consult_school_step_time') })).toBeVisible();
	return pickFirstSlot(page, locale, skipWeeks);
}

test.describe('school books a consultation', () => {
	test('the whole flow in Korean: reference, mail, .ics, cancel', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'ko', as: SCHOOL });
		const page = await context.newPage();
		await page.goto('/dashboard');
		await page.getByRole('navigation', { name: t('ko', 'nav_label') }).getByRole('link', { name: t('ko', 'nav_consultations') }).first().click();
		await expect(page).toHaveURL(/\/consultations$/);
		await hydrated(page);
		// Every department with its description.
		for (const text of ['consult_school_dept_education', 'consult_school_dept_administration', 'consult_school_dept_mediation', 'consult_school_dept_facility'])
			await expect(page.getByText(t('ko', text))).toBeVisible();
		await page.getByRole('link', { name: '시설지원부', exact: true }).click();
		// The topic says how long, how, whether confirmed, and the cutoff in words.
		await expect(page.getByText('시작 1일 전까지 취소·변경할 수 있습니다.').first()).toBeVisible();
		await page.getByRole('link', { name: '시설 보수 상담', exact: true }).click();
		// A week ahead: well before the cutoff, so it can still be moved and cancelled below.
		const when = await pickFirstSlot(page, 'ko', 1);
		await page.getByLabel('화상').check();
		await page.getByLabel(t('ko', 'consult_school_description')).fill('체육관 누수 보수 절차를 여쭙고 싶습니다.');
		await page.getByRole('button', { name: t('ko', 'consult_school_submit') }).click();

		await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}\?booked=1$/);
		await expect(page.getByText(t('ko', 'consult_school_booked'))).toBeVisible();
		const reference = (await page.getByTestId('reference').textContent())!.trim();
		expect(reference).toMatch(REFERENCE);
		await expect(page.getByText('체육관 누수 보수 절차를 여쭙고 싶습니다.')).toBeVisible();
		// The time reads as people write it ("2026년 12월 8일 (화) 14:00–14:30"), the one picked.
		expect(when).toMatch(/^\d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) \d{2}:\d{2}–\d{2}:\d{2} 고르기$/);
		await expect(page.locator('time').first()).toHaveText(when.replace(/ 고르기$/, ''));

		const [mail] = await mailsTo(SCHOOL.email, (mail) => mail.text.includes(reference));
		expect(mail!.text).toContain('시설 보수 상담');
		expect(mail!.text).not.toContain('체육관 누수');

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('ko', 'consult_school_ics') }).click()]);
		expect(download.suggestedFilename()).toBe(`consultation-${reference}.ics`);
		const ics = readFileSync((await download.path())!, 'utf8');
		expect(ics).toContain('BEGIN:VCALENDAR\r\n');
		expect(ics).toContain('STATUS:CONFIRMED');
		expect(ics.replace(/\r\n /g, '')).toContain(reference);
		expect(ics).not.toContain('체육관');

		// The school's list links to it.
		await page.goto('/consultations/mine');
		await page.getByRole('link', { name: reference }).click();
		await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);

		// Another free time of the same consultant.
		await page.getByRole('link', { name: t('ko', 'consult_school_reschedule') }).click();
		const move = page.getByRole('button', { name: /으로 바꾸기$/ }).first();
		const target = ((await move.getAttribute('aria-label')) ?? '').replace(/으로 바꾸기$/, '');
		await move.click();
		await expect(page.getByRole('status').filter({ hasText: '바꿨습니다' })).toBeVisible();
		await expect(page.locator('dl time')).toHaveText(target);

		await page.getByText(t('ko', 'consult_school_cancel'), { exact: true }).click();
		await page.getByRole('button', { name: t('ko', 'consult_school_cancel_confirm') }).click();
		await expect(page.getByText(t('ko', 'consult_school_cancelled'))).toBeVisible();
		await expect(page.locator('dl .badge')).toHaveText(t('ko', 'consult_school_status_cancelled'));
		await context.close();
	});

	test('books without JavaScript', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'ko', as: SCHOOL, javaScriptEnabled: false });
		const page = await context.newPage();
		await chooseUpTo(page, 'ko', '교육지원부', '교육과정 컨설팅');
		await page.getByLabel('전화').check();
		await page.getByLabel(t('ko', 'consult_school_description')).fill('2027학년도 교육과정 편성 일정을 상담하고 싶습니다.');
		await page.getByRole('button', { name: t('ko', 'consult_school_submit') }).click();
		await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}\?booked=1$/);
		await expect(page.getByTestId('reference')).toHaveText(REFERENCE);
		await expect(page.locator('dl')).toContainText('전화');
		await context.close();
	});

	test('a refused form keeps what was typed; a slot taken meanwhile offers the next free ones', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'ko', as: SCHOOL });
		const page = await context.newPage();
		await chooseUpTo(page, 'ko', '행정지원부', '회계·계약');
		await hydrated(page);
		const description = '수의계약 한도와 견적 절차를 확인하고 싶습니다.';
		await page.getByLabel(t('ko', 'consult_school_description')).fill(description);
		// No mode chosen.
		await page.getByRole('button', { name: t('ko', 'consult_school_submit') }).click();
		const summary = page.getByRole('alert').filter({ hasText: t('ko', 'form_has_errors', { count: 1 }) });
		await expect(summary).toBeVisible();
		await expect(summary.getByRole('link')).toHaveAttribute('href', '#field-mode');
		await expect(page.locator('#field-mode-error')).toHaveText(t('ko', 'consultation_mode_invalid'));
		await expect(page.getByLabel(t('ko', 'consult_school_description'))).toHaveValue(description);

		// Another page of the same school takes that very time first.
		const other = await context.newPage();
		await other.goto(page.url());
		await other.getByLabel('화상').check();
		await other.getByLabel(t('ko', 'consult_school_description')).fill('먼저 예약합니다.');
		await other.getByRole('button', { name: t('ko', 'consult_school_submit') }).click();
		await expect(other).toHaveURL(/\?booked=1$/);

		await page.getByLabel('화상').check();
		await page.getByRole('button', { name: t('ko', 'consult_school_submit') }).click();
		await expect(page.getByRole('alert')).toContainText(t('ko', 'consultation_slot_taken'));
		await expect(page.getByLabel(t('ko', 'consult_school_description'))).toHaveValue(description);
		const alternatives = page.getByRole('group', { name: t('ko', 'consult_school_alternatives') }).getByRole('button');
		await expect(alternatives.first()).toBeVisible();
		await alternatives.first().click();
		await expect(page).toHaveURL(/\?booked=1$/);
		await expect(page.getByText(description)).toBeVisible();
		await context.close();
	});
});

test('only school users book: staff get the forbidden page, a stranger a missing one', async ({ browser }) => {
	const staff = ACCOUNTS.find((a) => a.email === 'edu@center.test')!;
	const context = await openContext(browser, { locale: 'ko', as: staff });
	const page = await context.newPage();
	for (const path of ['/consultations', '/consultations/mine']) {
		expect((await page.goto(path))?.status(), path).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ko', 'error_forbidden_title'));
	}
	expect((await page.goto('/consultations/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
	expect((await page.request.get('/consultations/00000000-0000-4000-8000-000000000000/ics')).status()).toBe(404);
	await context.close();
});

test.describe('consultation pages: accessibility', () => {
	test.describe.configure({ mode: 'parallel' });
	type State = { name: string; path: () => string; act?: (page: Page, locale: Locale) => Promise<void> };
	let detailPath = '';

	test.beforeAll(async ({ browser }) => {
		// One consultation to show (화해조정부: a request awaiting confirmation); reused when there.
		const context = await openContext(browser, { locale: 'ko', as: SCHOOL });
		const page = await context.newPage();
		await page.goto('/consultations/mine');
		const existing = page.locator('a[href^="/consultations/"]').filter({ hasText: REFERENCE });
		if ((await existing.count()) > 0) detailPath = (await existing.first().getAttribute('href'))!;
		else {
			// A week ahead: well before the topic's cutoff, so the page offers to move and cancel it.
			await chooseUpTo(page, 'ko', '화해조정부', '학교폭력 사안 상담', 1);
			await page.getByLabel('전화').check();
			await page.getByLabel(t('ko', 'consult_school_description')).fill('학급 내 갈등 사안의 처리 절차를 상담하고 싶습니다.');
			await page.getByRole('button', { name: t('ko', 'consult_school_submit_request') }).click();
			// The other worker may have taken that first time a moment ago: take one it offers instead.
			await page.waitForURL(/\?booked=1$/, { timeout: 5_000 }).catch(async () => {
				await page.getByRole('group', { name: t('ko', 'consult_school_alternatives') }).getByRole('button').first().click();
				await page.waitForURL(/\?booked=1$/);
			});
			detailPath = new URL(page.url()).pathname;
		}
		await context.close();
	});

	const STATES: State[] = [
		{ name: 'departments', path: () => '/consultations' },
		{ name: 'topics', path: () => '/consultations?department=facility' },
		{
			name: 'slots',
			path: () => '/consultations?department=facility',
			act: async (page) => {
				await page.getByRole('link', { name: /시설 보수 상담|Facility repair consultation/ }).first().click();
				await page.locator('ul.days').waitFor();
			}
		},
		{
			name: 'form-errors',
			path: () => '/consultations?department=facility',
			act: async (page, locale) => {
				await page.getByRole('link', { name: /시설 보수 상담|Facility repair consultation/ }).first().click();
				await pickFirstSlot(page, locale);
				await page.getByRole('button', { name: t(locale, 'consult_school_submit') }).click();
				await expect(page.getByRole('alert').filter({ hasText: t(locale, 'form_has_errors', { count: 2 }) })).toBeVisible();
			}
		},
		{ name: 'details', path: () => detailPath },
		{ name: 'details-reschedule', path: () => `${detailPath}?week=` },
		{ name: 'mine', path: () => '/consultations/mine' }
	];

	for (const locale of LOCALES)
		for (const width of WIDTHS)
			for (const state of STATES)
				test(`consultations ${state.name} passes axe and fits (${locale}, ${width} px)`, async ({ browser }) => {
					const context = await openContext(browser, { locale, as: SCHOOL, width });
					const page = await context.newPage();
					const response = await page.goto(state.path());
					expect(response?.status()).toBe(200);
					await expect(page.locator('h1')).toHaveCount(1);
					if (state.act) await hydrated(page).then(() => state.act!(page, locale));
					expect(await axeViolations(page)).toEqual([]);
					expect(await horizontalOverflow(page)).toEqual([]);
					await page.evaluate(() => document.fonts.ready);
					await page.screenshot({ path: `${DIR}/consultations-${state.name}-${locale}-${width}.png`, fullPage: true });
					await context.close();
				});
});
