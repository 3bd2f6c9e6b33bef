import { request } from '@playwright/test';
import { futureWeekday, seoul } from '../api/servers';
import { ACCOUNTS, BASE_URL, axeViolations, expect, horizontalOverflow, openContext, t, test, type Locale } from '../fixtures';

const FACILITY = ACCOUNTS.find((a) => a.email === 'facility@center.test')!;
const SCHOOL = ACCOUNTS.find((a) => a.email === 'school@center.test')!;

let roomId = '';
let meetingRoomId = '';
let date = '';

test.beforeAll(async () => {
	const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'accept-language': 'en' } });
	const rooms = (await (await api.get('/api/v1/rooms')).json()).rooms as { id: string; name: string }[];
	roomId = rooms.find((r) => r.name === 'Consultation Room 4')!.id;
	meetingRoomId = rooms.find((r) => r.name === 'Meeting Room B')!.id;
	await api.post('/api/v1/session', { data: { email: FACILITY.email, password: 'center-demo' } });
	// Monday next week: inside the 14-day list and the calendar's week view after one "next".
	date = futureWeekday(1, 1);
	const booked = await api.post('/api/v1/reservations', {
		headers: { 'idempotency-key': `room-page-${date}` },
		data: { roomId, start: seoul(date, '10:00'), end: seoul(date, '11:00'), purpose: '시설 점검 협의', attendees: 3 }
	});
	expect([201, 409]).toContain(booked.status());
	await api.dispose();
});

/**
 * The calendar opens on the browser's today: the clock is fixed so the result never depends on the
 * day the suite runs. Weeks whose titles are longest: one across two months, one across two years.
 */
const WEEKS = [
	{ name: 'a week across two months', now: '2026-12-02T10:00:00+09:00', title: { ko: /11월 30일.*12월 6일/, en: /Nov 30.*Dec 6, 2026/ } },
	{ name: 'a week across two years', now: '2026-12-30T10:00:00+09:00', title: { ko: /2026년 12월 28일.*2027년 1월 3일/, en: /Dec 28, 2026.*Jan 3, 2027/ } }
] as const;

for (const locale of ['ko', 'en'] as Locale[]) {
	for (const width of [1280, 360]) {
		test(`the room page passes axe with its calendar, ${locale} at ${width}px, and does not scroll sideways`, async ({ browser }) => {
			const context = await openContext(browser, { locale, width, as: FACILITY });
			const page = await context.newPage();
			await page.clock.setFixedTime(new Date(WEEKS[0].now));
			await page.goto(`/rooms/${roomId}`);
			// The calendar has rendered when its toolbar is there.
			await expect(page.locator('.room-calendar button').first()).toBeVisible({ timeout: 20_000 });
			await expect(page.locator('h1')).toHaveCount(1);
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot({ path: `tests/e2e/screenshots/room-page-${locale}-${width}.png`, fullPage: true });
			await context.close();
		});
	}
}

for (const week of WEEKS) {
	for (const locale of ['ko', 'en'] as Locale[]) {
		test(`on a phone, the calendar title of ${week.name} fits in 360 px (${locale})`, async ({ browser }) => {
			const context = await openContext(browser, { locale, width: 360 });
			const page = await context.newPage();
			await page.clock.setFixedTime(new Date(week.now));
			await page.goto(`/rooms/${roomId}`);
			const title = page.locator('.room-calendar [role="heading"]');
			await expect(title).toHaveText(week.title[locale], { timeout: 20_000 });
			expect(await horizontalOverflow(page)).toEqual([]);
			const box = (await title.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(360);
			await context.close();
		});
	}
}

for (const locale of ['ko', 'en'] as Locale[]) {
	test(`on a phone, the list view moves week by week with arrows named for the week (${locale})`, async ({ browser }) => {
		const context = await openContext(browser, { locale, width: 360 });
		const page = await context.newPage();
		// The browser's today a week before the booking (a Monday): "next week" is the booking's week.
		const weekBefore = new Date(new Date(seoul(date, '10:00')).getTime() - 7 * 24 * 3600_000);
		await page.clock.setFixedTime(weekBefore);
		await page.goto(`/rooms/${roomId}`);
		const calendar = page.locator('.room-calendar');
		const title = calendar.locator('[role="heading"]');
		await expect(title).toBeVisible({ timeout: 20_000 });
		const firstTitle = await title.textContent();
		await expect(calendar).not.toContainText('10:00');
		// Not FullCalendar's Korean "다음달" (next month) on a week's list.
		await expect(calendar.getByRole('button', { name: t(locale, 'rpol_cal_next_month') })).toHaveCount(0);
		await calendar.getByRole('button', { name: t(locale, 'board_next_week'), exact: true }).click();
		await expect(title).not.toHaveText(firstTitle!);
		await expect(calendar).toContainText('10:00');
		await calendar.getByRole('button', { name: t(locale, 'board_prev_week'), exact: true }).click();
		await expect(title).toHaveText(firstTitle!);
		expect(await horizontalOverflow(page)).toEqual([]);
		await context.close();
	});
}

test('without JavaScript, strangers see the booked time as booked and no details', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/rooms/${roomId}`);
	const list = page.getByRole('region', { name: t('en', 'room_busy_list', { days: 14 }) });
	await expect(list).toContainText('10:00–11:00');
	await expect(list).toContainText(t('en', 'room_busy_taken'));
	await expect(page.locator('main')).not.toContainText('시설 점검 협의');
	await context.close();
});

test('facility staff see what a booking is for; a school user sees the room rules, and a booking link only where a school may book', async ({ browser }) => {
	const staff = await openContext(browser, { locale: 'ko', as: FACILITY, javaScriptEnabled: false });
	const page = await staff.newPage();
	await page.goto(`/rooms/${roomId}`);
	await expect(page.locator('main')).toContainText('시설 점검 협의');
	await staff.close();

	const school = await openContext(browser, { locale: 'en', as: SCHOOL });
	const schoolPage = await school.newPage();
	await schoolPage.goto(`/rooms/${roomId}`);
	// Consultation rooms are for staff: marked so, with no booking link for a school.
	await expect(schoolPage.locator('main')).toContainText(t('en', 'rooms_badge_staff_only'));
	await expect(schoolPage.getByRole('link', { name: t('en', 'room_book_this') })).toHaveCount(0);
	await expect(schoolPage.locator('main')).toContainText('Mon–Fri 09:00–18:00');
	await schoolPage.goto(`/rooms/${meetingRoomId}`);
	await expect(schoolPage.getByRole('link', { name: t('en', 'room_book_this') })).toHaveAttribute('href', `/book?room=${meetingRoomId}`);
	await expect(schoolPage.locator('main')).not.toContainText(t('en', 'rooms_badge_staff_only'));
	await school.close();
});
