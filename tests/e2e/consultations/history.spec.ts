import { request, type APIRequestContext } from '@playwright/test';
import { ADMIN, BASE_URL, LOCALES, PASSWORD as DEMO_PASSWORD, SCHOOL, axeViolations, expect, horizontalOverflow, openContext, signInByRequest, t, test } from '../fixtures';

/**
 * A school's history: two teachers of one school (세종고, invited through the real form, so no
 * other spec's school is touched) book a room and a consultation through the API; either of them
 * sees both in one list on /history, in Korean and English, at 1280 and 360 px, filtered by kind;
 * a user of another school (the demo school) sees neither.
 */
test.describe.configure({ mode: 'serial' });

const PASSWORD = 'history-e2e-sejong-high-2027';
const DAY_MS = 86_400_000;
/** A Seoul date `days` from today: the bookings are made in the coming weeks, whatever today is. */
const seoulDay = (days: number) => new Date(Date.now() + 9 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
const PURPOSE = `역사 확인 협의회 ${crypto.randomUUID().slice(0, 6)}`;

async function invite(name: string): Promise<string> {
	const admin = await request.newContext({ baseURL: BASE_URL });
	await admin.post('/login', { form: { email: ADMIN.email, password: DEMO_PASSWORD }, headers: { origin: BASE_URL }, maxRedirects: 0 });
	const form = await (await admin.get('/admin/users/new')).text();
	const schoolId = form.match(/<option value="([0-9a-f-]{36})"[^>]*>세종고등학교</)?.[1];
	expect(schoolId, 'the school in the form').toBeTruthy();
	const email = `history-${crypto.randomUUID().slice(0, 8)}@sejong-high.test`;
	const invited = await admin.post('/admin/users/new', {
		form: { name, email, role: 'school_user', departmentId: '', schoolId: schoolId! },
		headers: { origin: BASE_URL, accept: 'text/html' }
	});
	expect(invited.status()).toBe(200);
	const link = (await invited.text()).match(new RegExp(`${BASE_URL}/invite/[A-Za-z0-9_-]+`))?.[0];
	expect(link, 'invitation link').toBeTruthy();
	await admin.dispose();
	const invitee = await request.newContext({ baseURL: BASE_URL });
	const accepted = await invitee.post(link!, { form: { password: PASSWORD, confirm: PASSWORD, consent: 'on' }, headers: { origin: BASE_URL }, maxRedirects: 0 });
	expect(accepted.status(), await accepted.text()).toBeLessThan(400);
	await invitee.dispose();
	return email;
}

async function api(email: string): Promise<APIRequestContext> {
	const context = await request.newContext({ baseURL: BASE_URL });
	const response = await context.post('/api/v1/session', { data: { email, password: PASSWORD } });
	expect(response.status(), `sign-in of ${email}`).toBe(201);
	return context;
}

let first: { email: string; name: string };
let second: { email: string; name: string };
let reference: string;

test.beforeAll(async () => {
	first = { name: '세종고 김민지', email: await invite('세종고 김민지') };
	second = { name: '세종고 박서준', email: await invite('세종고 박서준') };
	// The first teacher books a meeting room on a weekday weeks ahead (another time when taken).
	const one = await api(first.email);
	const rooms = (await (await one.get('/api/v1/rooms')).json()).rooms as { id: string; name: string }[];
	const room = rooms.find((r) => /Small Meeting Room 1|소회의실 1/.test(r.name))!;
	let booked = false;
	for (let attempt = 0; attempt < 20 && !booked; attempt++) {
		const date = seoulDay(30 + attempt);
		const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
		if (weekday === 0 || weekday === 6) continue;
		const response = await one.post('/api/v1/reservations', {
			headers: { 'idempotency-key': `history-${crypto.randomUUID()}` },
			data: { roomId: room.id, start: `${date}T11:00:00+09:00`, end: `${date}T12:00:00+09:00`, purpose: PURPOSE, attendees: 3 }
		});
		booked = response.status() === 201;
	}
	expect(booked, 'a room booking').toBe(true);
	await one.dispose();
	// The second books a phone consultation with 행정지원부 (복무·인사) at its first free time.
	const two = await api(second.email);
	const departments = (await (await two.get('/api/v1/departments')).json()).departments as { id: string; code: string; topics: { id: string; names: { ko: string } }[] }[];
	const admin = departments.find((d) => d.code === 'administration')!;
	const topic = admin.topics.find((x) => x.names.ko === '복무·인사')!;
	const slots = (await (await two.get(`/api/v1/departments/${admin.id}/slots?${new URLSearchParams({ topic: topic.id, from: seoulDay(0), to: seoulDay(40), mode: 'phone' })}`)).json()).slots as { start: string }[];
	expect(slots.length).toBeGreaterThan(0);
	const made = await two.post('/api/v1/consultations', {
		headers: { 'idempotency-key': `history-${crypto.randomUUID()}` },
		data: { topicId: topic.id, start: slots[0]!.start, mode: 'phone', description: '연가 사용 기준 문의' }
	});
	expect(made.status(), await made.text()).toBe(201);
	reference = (await made.json()).reference;
	await two.dispose();
});

for (const locale of LOCALES) {
	test(`either teacher sees the school's room booking and consultation in one list (${locale})`, async ({ browser }) => {
		for (const width of [1280, 360]) {
			const context = await openContext(browser, { locale, width });
			await signInByRequest(context, first.email, PASSWORD);
			const page = await context.newPage();
			await page.goto('/history');
			await expect(page.getByRole('heading', { level: 1, name: t(locale, 'history_title') })).toBeVisible();
			const roomRow = page.getByRole('row').filter({ hasText: PURPOSE });
			const consultRow = page.getByRole('row').filter({ hasText: reference });
			await expect(roomRow).toHaveCount(1);
			await expect(roomRow).toContainText(t(locale, 'history_by_me'));
			await expect(consultRow).toHaveCount(1);
			await expect(consultRow).toContainText(second.name);
			// The consultation opens on its own page; its case text is never in the list.
			await expect(consultRow.getByRole('link', { name: t(locale, 'history_open_consultation', { reference }) })).toHaveAttribute('href', /^\/consultations\/[0-9a-f-]{36}$/);
			await expect(page.locator('main')).not.toContainText('연가 사용 기준');
			// Only consultations, by the filter's link.
			await page.getByRole('navigation', { name: t(locale, 'history_kind_label') }).getByRole('link', { name: t(locale, 'history_kind_consultation') }).click();
			await expect(page).toHaveURL(/kind=consultation/);
			await expect(page.getByRole('row').filter({ hasText: reference })).toHaveCount(1);
			await expect(page.getByRole('row').filter({ hasText: PURPOSE })).toHaveCount(0);
			expect(await horizontalOverflow(page)).toEqual([]);
			expect(await axeViolations(page)).toEqual([]);
			await context.close();
		}
	});
}

test("another school's user sees neither", async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: SCHOOL });
	const page = await context.newPage();
	await page.goto('/history');
	await expect(page.getByRole('heading', { level: 1, name: t('ko', 'history_title') })).toBeVisible();
	await expect(page.locator('main')).not.toContainText(PURPOSE);
	await expect(page.locator('main')).not.toContainText(reference);
	await page.goto('/history?period=past');
	await expect(page.locator('main')).not.toContainText(reference);
	await context.close();
});

test('staff get 403, not a list', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: ADMIN });
	const response = await context.request.get('/history');
	expect(response.status()).toBe(403);
	await context.close();
});
