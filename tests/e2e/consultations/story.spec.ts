import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
	ACCOUNTS,
	ADMIN,
	axeViolations,
	BASE_URL,
	expect,
	horizontalOverflow,
	hydrated,
	LOCALES,
	openContext,
	PASSWORD,
	setServerClock,
	signInByRequest,
	t,
	test,
	type Locale
} from '../fixtures';

/**
 * The consultation story of issue 13, in Korean and in English: a school books a video
 * consultation with 시설지원부 through the pages; the consultant it chose finds it in the queue
 * (list and week calendar), marks it completed and writes an outcome note; the school reads its
 * consultation and never the note. Then a 화해조정부 case of the same school stays out of sight of
 * 교육지원부 staff. Every page passes axe; each is photographed at 1280 and 360 px.
 *
 * Time never depends on today: each context runs at a fixed instant, in the app (the test-clock
 * cookie) and in the browser (page.clock), in April 2027, far past the weeks the other specs book.
 * The school is 아름중학교, which no other spec books for, so no open-consultation limit is shared.
 */

const SHOTS = process.env.STORY_SHOTS_DIR ?? 'tests/e2e/screenshots';
mkdirSync(SHOTS, { recursive: true });

const FACILITY_CONSULTANT = ACCOUNTS.find((a) => a.email === 'facility-support2@center.test')!;
const EDU = ACCOUNTS.find((a) => a.email === 'edu@center.test')!;
const SCHOOL_KO = '아름중학교';
const SCHOOL_EN = 'Areum Middle School';
const REFERENCE = /^C-\d{4}-\d{4}$/;

/** A Monday morning per language (no holiday near either week): the weeks the school sees. */
const MONDAY: Record<Locale, string> = { ko: '2027-04-05T09:00:00+09:00', en: '2027-04-12T09:00:00+09:00' };
/** The first day those weeks show, as the page writes it. */
const FIRST_DAY: Record<Locale, string> = { ko: '2027년 4월 5일 (월)', en: 'Mon, 12 Apr 2027' };
const WORDS: Record<Locale, { facility: string; repair: string; mediation: string; cases: string; video: string; phone: string }> = {
	ko: { facility: '시설지원부', repair: '시설 보수 상담', mediation: '화해조정부', cases: '학교폭력 사안 상담', video: '화상', phone: '전화' },
	en: {
		facility: 'Facility Support',
		repair: 'Facility repair consultation',
		mediation: 'Reconciliation & Mediation',
		cases: 'School violence case consultation',
		video: 'Video',
		phone: 'Phone'
	}
};

let schoolEmail = '';

test.beforeAll(async ({ browser }) => {
	schoolEmail = await inviteSchoolUser(browser);
});

/** A context of `email` living at `at` (app and browser), signed in at that time. */
async function contextAt(browser: Browser, locale: Locale, email: string, at: Date): Promise<BrowserContext> {
	const context = await openContext(browser, { locale });
	await setServerClock(context, at);
	await signInByRequest(context, email);
	return context;
}

async function pageAt(context: BrowserContext, at: Date): Promise<Page> {
	const page = await context.newPage();
	await page.clock.setFixedTime(at);
	return page;
}

/**
 * axe on the page as it is (1280 px), a photograph, then the same address at 360 px: nothing wider
 * than the phone, and a photograph of that too. Back at 1280 px afterwards.
 */
async function look(page: Page, locale: Locale, name: string): Promise<void> {
	await hydrated(page);
	await expect(page.locator('h1')).toHaveCount(1);
	expect(await axeViolations(page), `${name} (${locale}, 1280 px)`).toEqual([]);
	await page.evaluate(() => document.fonts.ready);
	await page.screenshot({ path: `${SHOTS}/${name}-${locale}-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 360, height: 740 });
	// Reloaded: the week calendar picks its phone layout when it starts.
	await page.reload();
	await hydrated(page);
	expect(await horizontalOverflow(page), `${name} (${locale}, 360 px)`).toEqual([]);
	await page.evaluate(() => document.fonts.ready);
	await page.screenshot({ path: `${SHOTS}/${name}-${locale}-360.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.reload();
	await hydrated(page);
}

/** The first free time the page offers (this week or a later one); returns its label. */
async function pickFirstSlot(page: Page, locale: Locale): Promise<string> {
	for (let week = 0; week < 4; week++) {
		await page.locator('ul.days').waitFor();
		const times = page.locator('ul.days ul.times a');
		if ((await times.count()) > 0) {
			const label = (await times.first().getAttribute('aria-label')) ?? '';
			await times.first().click();
			await expect(page.getByRole('heading', { name: t(locale, 'consult_school_step_details') })).toBeVisible();
			return label;
		}
		const before = page.url();
		await page.getByRole('link', { name: t(locale, 'consult_school_week_next') }).click();
		await expect(page).not.toHaveURL(before);
	}
	throw new Error('no free time in four weeks');
}

for (const locale of LOCALES) {
	const words = WORDS[locale];
	const monday = new Date(MONDAY[locale]);

	test(`a school books a video consultation with facility support; the consultant completes it and writes a note the school never reads (${locale})`, async ({ browser }) => {
		const note = `${locale === 'ko' ? '누수 부위 현장 확인 후 예산 신청 안내함' : 'Leak to be checked on site; budget request explained'} #${crypto.randomUUID().slice(0, 8)}`;
		const description = locale === 'ko' ? '본관 3층 복도 천장 누수 보수 절차를 여쭙고 싶습니다.' : 'We would like to ask how to repair a ceiling leak on the third floor.';

		// The school, through the pages.
		const school = await contextAt(browser, locale, schoolEmail, monday);
		const page = await pageAt(school, monday);
		await page.goto('/consultations');
		await look(page, locale, 'story-1-departments');
		await page.getByRole('link', { name: words.facility, exact: true }).click();
		await expect(page).toHaveURL(/department=facility/);
		await look(page, locale, 'story-2-topics');
		await page.getByRole('link', { name: words.repair, exact: true }).click();
		await expect(page.getByRole('heading', { name: t(locale, 'consult_school_step_time') })).toBeVisible();
		// "Any consultant" first, its short name in the list and what it means beside it.
		await expect(page.getByLabel(t(locale, 'consultation_label_consultant'), { exact: true }).locator('option:checked')).toHaveText(t(locale, 'consult_school_consultant_any'));
		await expect(page.getByText(t(locale, 'cstory_consultant_any_hint'))).toBeVisible();
		await look(page, locale, 'story-3-times-any');
		// The consultant chosen by name, not "any consultant".
		const consultant = page.getByLabel(t(locale, 'consultation_label_consultant'), { exact: true });
		const option = consultant.locator('option').filter({ hasText: FACILITY_CONSULTANT.name });
		await consultant.selectOption((await option.getAttribute('value'))!);
		await page.getByRole('button', { name: t(locale, 'consult_school_show_times') }).click();
		await expect(page).toHaveURL(/consultant=[0-9a-f-]{36}/);
		// The week of the school's clock, not of the machine's.
		await expect(page.locator('ul.days h3').first()).toHaveText(FIRST_DAY[locale]);
		await look(page, locale, 'story-3-times-chosen');
		const when = await pickFirstSlot(page, locale);
		await page.getByLabel(words.video, { exact: true }).check();
		await page.getByLabel(t(locale, 'consult_school_description')).fill(description);
		await look(page, locale, 'story-4-details');
		// The reload in look() keeps the chosen time in the address; what was typed is typed again.
		await page.getByLabel(words.video, { exact: true }).check();
		await page.getByLabel(t(locale, 'consult_school_description')).fill(description);
		await page.getByRole('button', { name: t(locale, 'consult_school_submit') }).click();
		await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}\?booked=1$/);
		await expect(page.getByText(t(locale, 'consult_school_booked'))).toBeVisible();
		const id = new URL(page.url()).pathname.split('/').pop()!;
		const reference = (await page.getByTestId('reference').textContent())!.trim();
		expect(reference).toMatch(REFERENCE);
		await expect(page.locator('main')).toContainText(FACILITY_CONSULTANT.name);
		await look(page, locale, 'story-5-booked');
		const start = Date.parse((await page.locator('dl time').first().getAttribute('datetime'))!);
		expect(when).toMatch(locale === 'ko' ? /^2027년 4월 \d+일 / : /\d+ Apr 2027/);

		// The consultant, once the consultation is over (an hour after its start: it lasts 30 minutes).
		const after = new Date(start + 60 * 60_000);
		const staff = await contextAt(browser, locale, FACILITY_CONSULTANT.email, after);
		const queue = await pageAt(staff, after);
		await queue.goto('/department');
		const row = queue.locator('main table tr').filter({ hasText: reference });
		await expect(row).toContainText(locale === 'ko' ? SCHOOL_KO : SCHOOL_EN);
		await expect(row).toContainText(FACILITY_CONSULTANT.name);
		// Over and not yet marked: the list says an outcome is due.
		await expect(row).toContainText(t(locale, 'cstory_status_outcome_due'));
		// The week calendar opens on the app's week, where the consultation is.
		await expect(queue.locator('.department-calendar').getByText(reference).first()).toBeVisible({ timeout: 15_000 });
		await look(queue, locale, 'story-6-queue');
		await row.getByRole('link', { name: reference }).click();
		await expect(queue).toHaveURL(new RegExp(`/department/consultations/${id}$`));
		await expect(queue.getByText(description)).toBeVisible();
		await look(queue, locale, 'story-7-queue-details');
		await queue.getByRole('button', { name: t(locale, 'dept_queue_complete') }).click();
		await expect(queue.locator('main [role="status"].alert')).toHaveText(t(locale, 'dept_queue_done_complete'));
		await expect(queue.locator('h1 + p .badge')).toHaveText(t(locale, 'dept_queue_status_completed'));
		await queue.getByLabel(t(locale, 'dept_queue_note_label'), { exact: true }).fill(note);
		await queue.getByRole('button', { name: t(locale, 'dept_queue_note_submit') }).click();
		await expect(queue.locator('main [role="status"].alert')).toHaveText(t(locale, 'dept_queue_done_note'));
		await queue.reload();
		await expect(queue.getByLabel(t(locale, 'dept_queue_note_label'), { exact: true })).toHaveValue(note);
		await look(queue, locale, 'story-8-queue-completed');

		// The browser's own clock three weeks off changes nothing: the calendar follows the app's.
		const wrongClock = await staff.newPage();
		await wrongClock.clock.setFixedTime(new Date(start + 21 * 86_400_000));
		await wrongClock.goto('/department');
		await expect(wrongClock.locator('.department-calendar').getByText(reference).first()).toBeVisible({ timeout: 15_000 });
		await wrongClock.close();

		// The school opens its consultation: completed, and the note is nowhere in what it receives.
		await setServerClock(school, after);
		await page.clock.setFixedTime(after);
		await page.goto(`/consultations/${id}`);
		await expect(page.locator('dl')).toContainText(t(locale, 'consult_school_status_completed'));
		await expect(page.getByText(description)).toBeVisible();
		expect(await page.content()).not.toContain(note);
		const html = await school.request.get(`/consultations/${id}`);
		expect(html.status()).toBe(200);
		expect(await html.text()).not.toContain(note);
		const data = await school.request.get(`/consultations/${id}/__data.json`);
		expect(await data.text()).not.toContain(note);
		const api = await school.request.get(`/api/v1/consultations/${id}`);
		expect(api.status()).toBe(200);
		expect(await api.text()).not.toContain(note);
		await look(page, locale, 'story-9-school-completed');
		await Promise.all([school.close(), staff.close()]);
	});

	test(`a mediation case of a school is out of sight of education support staff: not in their queue, 404 on its page and in the API (${locale})`, async ({ browser }) => {
		const description = `${locale === 'ko' ? '체육 시간 중 발생한 학생 간 다툼 사안' : 'A fight between students during a PE lesson'} #${crypto.randomUUID().slice(0, 8)}`;
		const school = await contextAt(browser, locale, schoolEmail, monday);
		const page = await pageAt(school, monday);
		await page.goto('/consultations');
		await page.getByRole('link', { name: words.mediation, exact: true }).click();
		await page.getByRole('link', { name: words.cases, exact: true }).click();
		await pickFirstSlot(page, locale);
		await page.getByLabel(words.phone, { exact: true }).check();
		await page.getByLabel(t(locale, 'consult_school_description')).fill(description);
		await page.getByRole('button', { name: t(locale, 'consult_school_submit_request') }).click();
		await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}\?booked=1$/);
		const id = new URL(page.url()).pathname.split('/').pop()!;
		await expect(page.getByText(description)).toBeVisible();
		await look(page, locale, 'story-10-mediation-requested');

		const edu = await contextAt(browser, locale, EDU.email, monday);
		const queue = await pageAt(edu, monday);
		expect((await queue.goto('/department'))?.status()).toBe(200);
		await hydrated(queue);
		await expect(queue.locator('.department-calendar button').first()).toBeVisible({ timeout: 15_000 });
		const html = await queue.content();
		for (const secret of [SCHOOL_KO, SCHOOL_EN, description]) expect(html, secret).not.toContain(secret);
		await look(queue, locale, 'story-11-education-queue');
		expect((await queue.goto(`/department/consultations/${id}`))?.status()).toBe(404);
		const page404 = await queue.content();
		expect(page404).not.toContain(description);
		expect(page404).not.toContain(SCHOOL_KO);
		await look(queue, locale, 'story-12-education-404');
		for (const path of [`/department/consultations/${id}`, `/consultations/${id}`, `/api/v1/consultations/${id}`]) {
			const response = await edu.request.get(path);
			expect(response.status(), path).toBe(404);
			expect(await response.text(), path).not.toContain(description);
		}
		await Promise.all([school.close(), edu.close()]);
	});
}

/** A user of 아름중학교, invited by the admin through the real form, with a password set by accepting the invitation. */
async function inviteSchoolUser(browser: Browser): Promise<string> {
	const admin = await openContext(browser, { locale: 'ko', as: ADMIN });
	const form = await (await admin.request.get('/admin/users/new')).text();
	const schoolId = form.match(new RegExp(`<option value="([0-9a-f-]{36})"[^>]*>${SCHOOL_KO}<`))?.[1];
	expect(schoolId, `${SCHOOL_KO} in the form`).toBeTruthy();
	const email = `story-${crypto.randomUUID().slice(0, 8)}@areum.test`;
	const invited = await admin.request.post('/admin/users/new', {
		form: { name: '아름중 상담 담당', email, role: 'school_user', departmentId: '', schoolId: schoolId! },
		headers: { origin: BASE_URL, accept: 'text/html' }
	});
	expect(invited.status()).toBe(200);
	const link = (await invited.text()).match(new RegExp(`${BASE_URL}/invite/[A-Za-z0-9_-]+`))?.[0];
	expect(link, 'invitation link').toBeTruthy();
	await admin.close();
	const invitee = await openContext(browser, { locale: 'ko' });
	const accepted = await invitee.request.post(link!, {
		form: { password: PASSWORD, confirm: PASSWORD, consent: 'on' },
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	expect(accepted.status(), await accepted.text()).toBeLessThan(400);
	await invitee.close();
	return email;
}
