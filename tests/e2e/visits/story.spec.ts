import type { Browser, BrowserContext } from '@playwright/test';
import { ACCOUNTS, axeViolations, expect, horizontalOverflow, mailsTo, openContext, setDisplay, setServerClock, signInByRequest, t, test } from '../fixtures';
import { isHoliday } from '../api/holidays';

/**
 * A visit from request to check-in, on a fixed clock: a delegation from 전라남도교육청 requests a
 * visit for 12 people through the form; the coordinator confirms its first preferred date and
 * saves the itinerary from the template (rooms and presenters held, presenters mailed); the
 * delegation's link shows the programme in Korean and English with the center's address, an .ics
 * file and the QR code, and prints on one A4 page; on the day the coordinator checks it in by the
 * typed reference and the visit is done. axe clean; no sideways overflow at 360 px.
 */
const COORDINATOR = ACCOUNTS.find((a) => a.role === 'visit_coordinator')!;
const BEFORE = new Date('2027-09-01T09:00:00+09:00'); // a Wednesday
const VISIT_DAY = '2027-09-08'; // the Wednesday after
const ON_THE_DAY = new Date(`${VISIT_DAY}T09:40:00+09:00`);

async function contextAt(browser: Browser, at: Date, options: { as?: string; locale?: 'ko' | 'en'; width?: number } = {}): Promise<BrowserContext> {
	const context = await openContext(browser, { locale: options.locale ?? 'ko', width: options.width });
	await setServerClock(context, at);
	if (options.as) await signInByRequest(context, options.as);
	return context;
}

test('a delegation from 전라남도교육청 visits: request, confirmation, itinerary, its link in both languages and on paper, check-in on the day', async ({ browser }) => {
	expect(isHoliday(VISIT_DAY)).toBe(false);
	const email = `e2e-story-${crypto.randomUUID().slice(0, 8)}@jne.go.kr`;

	// The request, through the public form (no account).
	const delegation = await contextAt(browser, BEFORE);
	const form = await delegation.newPage();
	await form.goto('/visits/request');
	await form.getByLabel(t('ko', 'visit_field_organization'), { exact: true }).fill('전라남도교육청 학생생활과');
	await form.getByLabel(t('ko', 'visit_field_region'), { exact: true }).selectOption('jeonnam');
	await form.getByRole('radio', { name: t('ko', 'visit_kind_office') }).check();
	await form.getByLabel(t('ko', 'visit_field_contact'), { exact: true }).fill('김담당');
	await form.getByLabel(t('ko', 'visit_field_email'), { exact: true }).fill(email);
	await form.getByLabel(t('ko', 'visit_field_phone'), { exact: true }).fill('061-260-0000');
	await form.getByLabel(t('ko', 'visit_field_group'), { exact: true }).fill('12');
	await form.getByLabel(t('ko', 'visit_field_date', { n: 1 }), { exact: true }).fill(VISIT_DAY);
	await form.getByRole('checkbox', { name: '교육지원부', exact: true }).check();
	await form.getByRole('checkbox', { name: '화해조정부', exact: true }).check();
	await form.getByLabel(t('ko', 'visit_field_purpose'), { exact: true }).fill('학생맞춤통합지원 운영 사례를 배우고자 합니다.');
	await form.getByLabel(t('ko', 'visit_consent_label'), { exact: true }).check();
	await form.getByRole('button', { name: t('ko', 'visit_submit') }).click();
	await expect(form.getByRole('heading', { level: 1, name: t('ko', 'visit_done_title') })).toBeVisible();
	const reference = (await form.locator('main').textContent())!.match(/V-\d{4}-\d{4}/)![0];
	const link = (await form.locator('.private-link a').getAttribute('href'))!;

	// The coordinator confirms the first preferred date and builds the itinerary from the template.
	const coordinator = await contextAt(browser, BEFORE, { as: COORDINATOR.email });
	const desk = await coordinator.newPage();
	await desk.goto('/visits');
	await desk.getByRole('link', { name: reference, exact: true }).click();
	const confirmation = desk.getByRole('region', { name: t('ko', 'visits_confirm_title') });
	await confirmation.getByRole('button', { name: t('ko', 'visits_confirm_submit') }).click();
	await expect(desk.getByRole('status').filter({ hasText: t('ko', 'visits_done_confirm') })).toBeVisible();
	await desk.getByRole('link', { name: t('ko', 'visits_itinerary_open') }).click();
	await expect(desk.getByRole('heading', { level: 1 })).toContainText(t('ko', 'visits_itinerary_title'));
	await expect(desk.getByRole('status').filter({ hasText: t('ko', 'visits_itinerary_from_template') })).toBeVisible();
	await expect(desk.getByLabel(t('ko', 'visits_itinerary_name')).first()).toHaveValue(t('ko', 'visit_template_briefing'));
	expect(await axeViolations(desk)).toEqual([]);
	await desk.getByRole('button', { name: t('ko', 'visits_itinerary_save') }).click();
	await expect(desk.getByRole('status').filter({ hasText: t('ko', 'visits_itinerary_saved') })).toBeVisible();
	await desk.setViewportSize({ width: 360, height: 740 });
	expect(await horizontalOverflow(desk)).toEqual([]);
	await desk.setViewportSize({ width: 1280, height: 800 });

	// The presenters hear of it; the delegation too, without the link (only its hash is kept).
	const [itineraryMail] = await mailsTo(email, (m) => m.subject.includes(reference) && m.subject.includes('일정표'));
	expect(itineraryMail!.text).not.toContain(link);
	await mailsTo('edu@center.test', (m) => m.subject.includes(reference) && m.text.includes('10:30–11:10'));

	// The delegation's link: the programme, the address, the code, in Korean and in English.
	const status = await delegation.newPage();
	for (const width of [1280, 360]) {
		await status.setViewportSize({ width, height: width < 600 ? 740 : 800 });
		await status.goto(link);
		const programme = status.getByRole('region', { name: t('ko', 'visit_itinerary_title'), exact: true });
		await expect(programme.getByRole('row')).toHaveCount(6);
		await expect(programme).toContainText('10:00–10:30');
		await expect(programme).toContainText('대강당');
		await expect(programme).toContainText('박서연');
		await expect(programme).toContainText('세종특별자치시');
		await expect(status.locator('.qr svg')).toBeVisible();
		await expect(status.locator('.qr-card')).toContainText(reference);
		expect(await horizontalOverflow(status)).toEqual([]);
		expect(await axeViolations(status)).toEqual([]);
	}
	await status.setViewportSize({ width: 1280, height: 800 });
	const ics = await delegation.request.get(`${link}/ics`);
	expect(ics.status()).toBe(200);
	const calendar = await ics.text();
	expect(calendar).toContain('BEGIN:VEVENT');
	expect(calendar).toContain(`UID:visit-${reference}@`);
	expect(calendar).toContain('DTSTART;TZID=Asia/Seoul:20270908T100000');
	// On paper: one A4 page, without the site's header, forms or history.
	await status.emulateMedia({ media: 'print' });
	await expect(status.locator('header.site-header')).toBeHidden();
	await expect(status.getByRole('button', { name: t('ko', 'visit_status_message_send') })).toBeHidden();
	const pdf = (await status.pdf({ format: 'A4', printBackground: true })).toString('latin1');
	expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
	await status.emulateMedia({ media: 'screen' });

	await setDisplay(delegation, { locale: 'en' });
	await status.goto(link);
	const programme = status.getByRole('region', { name: t('en', 'visit_itinerary_title'), exact: true });
	await expect(programme).toContainText('Seminar Hall');
	await expect(programme).toContainText('Sejong');
	await expect(status.getByRole('link', { name: t('en', 'visit_itinerary_ics') })).toBeVisible();
	expect(await axeViolations(status)).toEqual([]);

	// The day: the coordinator types the reference at the desk; the visit is done.
	const day = await contextAt(browser, ON_THE_DAY, { as: COORDINATOR.email, width: 360 });
	const checkin = await day.newPage();
	await checkin.goto('/visits/checkin');
	await expect(checkin.locator('main')).toContainText(reference);
	expect(await axeViolations(checkin)).toEqual([]);
	expect(await horizontalOverflow(checkin)).toEqual([]);
	await checkin.getByLabel(t('ko', 'visits_checkin_code'), { exact: true }).fill(reference.toLowerCase().replaceAll('-', ''));
	await checkin.getByRole('button', { name: t('ko', 'visits_checkin_submit') }).click();
	await expect(checkin.locator('.alert-success')).toContainText(t('ko', 'visits_checkin_arrived', { organization: '전라남도교육청 학생생활과', reference }));
	await expect(checkin.locator('main')).toContainText(t('ko', 'visits_checkin_state_arrived', { time: '09:40' }));
	await setDisplay(delegation, { locale: 'ko' });
	await status.goto(link);
	await expect(status.locator('main')).toContainText(t('ko', 'visit_status_done'));
	await Promise.all([delegation.close(), coordinator.close(), day.close()]);
});
