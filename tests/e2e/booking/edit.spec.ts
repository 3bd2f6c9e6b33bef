import { axeViolations, BASE_URL, expect, horizontalOverflow, LOCALES, mailsTo, openContext, SCHOOL, t, test, WIDTHS } from '../fixtures';
import { signedIn } from '../api/servers';
import { bookByApi, futureWeekday, roomsByName, seoul, shot } from './helpers';

const FACILITY = { email: 'facility@center.test', name: '', role: 'facility_manager' as const };

test('edit a booking from My bookings: the new time and purpose are saved, under the same id', async ({ browser }) => {
	const rooms = await roomsByName();
	const date = futureWeekday(2, 11);
	const created = await bookByApi(SCHOOL.email, { roomId: rooms['Meeting Room B']!.id, start: seoul(date, '10:00'), end: seoul(date, '11:00'), purpose: '고칠 예약', attendees: 3 });
	const context = await openContext(browser, { locale: 'ko', as: SCHOOL });
	const page = await context.newPage();
	await page.goto('/my/bookings');
	const row = page.getByRole('region', { name: t('ko', 'my_upcoming') }).getByRole('row').filter({ hasText: '고칠 예약' });
	await row.getByRole('link', { name: /수정$/ }).click();
	await expect(page).toHaveURL(new RegExp(`/my/bookings/${created.id}/edit$`));
	await expect(page.locator('h1')).toHaveText(t('ko', 'edit_title'));
	await page.getByLabel(t('ko', 'book_end'), { exact: true }).selectOption('11:30');
	await page.getByLabel(t('ko', 'book_purpose'), { exact: true }).fill('고친 예약');
	await page.getByRole('button', { name: t('ko', 'edit_submit'), exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: t('ko', 'edit_saved_confirmed') })).toBeVisible();
	await page.goto('/my/bookings');
	const edited = page.locator(`#booking-${created.id}`);
	await expect(edited).toContainText('고친 예약');
	await expect(edited).toContainText('11:30');
	await mailsTo(SCHOOL.email, (mail) => mail.subject.includes('예약 내용 변경'));
	await context.close();
});

test('an edit of a booking someone changed meanwhile is refused with what was typed kept and the booking as it is now shown', async ({ browser }) => {
	const rooms = await roomsByName();
	const date = futureWeekday(2, 12);
	const created = await bookByApi(SCHOOL.email, { roomId: rooms['Meeting Room B']!.id, start: seoul(date, '13:00'), end: seoul(date, '14:00'), purpose: '동시에 고칠 예약', attendees: 3 });
	for (const javaScriptEnabled of [true, false]) {
		const context = await openContext(browser, { locale: 'en', as: SCHOOL, javaScriptEnabled });
		const page = await context.newPage();
		await page.goto(`/my/bookings/${created.id}/edit`);
		// Facility staff change it through the API meanwhile (with the version they read).
		const staff = await signedIn(BASE_URL, FACILITY.email);
		const seen = await (await staff.get(`/api/v1/reservations/${created.id}`)).json();
		const patched = await staff.patch(`/api/v1/reservations/${created.id}`, {
			headers: { origin: BASE_URL },
			data: { roomId: seen.roomId, start: seen.start, end: seen.end, purpose: seen.purpose, attendees: seen.attendees + 1, version: seen.version }
		});
		expect(patched.status(), await patched.text()).toBe(200);
		await staff.dispose();
		await page.getByLabel(t('en', 'book_purpose'), { exact: true }).fill('typed, not lost');
		await page.getByRole('button', { name: t('en', 'edit_submit'), exact: true }).click();
		await expect(page.getByRole('alert')).toContainText(t('en', 'booking_changed_meanwhile'));
		await expect(page.getByLabel(t('en', 'book_purpose'), { exact: true })).toHaveValue('typed, not lost');
		await expect(page.getByRole('region', { name: t('en', 'edit_current_title') })).toContainText(`${seen.attendees + 1}`);
		if (javaScriptEnabled) {
			expect(await axeViolations(page)).toEqual([]);
			await page.screenshot(shot('edit-stale-en-1280'));
		}
		await context.close();
	}
});

test('the API: PATCH needs the booker or staff, and a school user cannot book in another school’s name', async () => {
	const rooms = await roomsByName();
	const date = futureWeekday(3, 11);
	const created = await bookByApi(SCHOOL.email, { roomId: rooms['Meeting Room B']!.id, start: seoul(date, '10:00'), end: seoul(date, '11:00'), purpose: 'API 수정', attendees: 2 });
	const edu = await signedIn(BASE_URL, 'edu@center.test');
	const body = { roomId: rooms['Meeting Room B']!.id, start: seoul(date, '11:00'), end: seoul(date, '12:00'), purpose: 'API 수정', attendees: 2 };
	expect((await edu.patch(`/api/v1/reservations/${created.id}`, { headers: { origin: BASE_URL }, data: body })).status()).toBe(404);
	await edu.dispose();
	const school = await signedIn(BASE_URL, SCHOOL.email);
	const ok = await school.patch(`/api/v1/reservations/${created.id}`, { headers: { origin: BASE_URL }, data: body });
	expect(ok.status(), await ok.text()).toBe(200);
	expect(await ok.json()).toMatchObject({ id: created.id, start: new Date(body.start).toISOString(), status: 'confirmed' });
	const schools = await (await school.get('/api/v1/openapi.json')).json();
	expect(schools.paths['/api/v1/reservations/{id}'].patch).toBeTruthy();
	// Another school's id: 403, nothing booked.
	const staff = await signedIn(BASE_URL, FACILITY.email);
	const dodam = await otherSchoolId();
	const refused = await school.post('/api/v1/reservations', {
		headers: { origin: BASE_URL, 'idempotency-key': `e2e-${crypto.randomUUID()}` },
		data: { ...body, start: seoul(date, '15:00'), end: seoul(date, '16:00'), schoolId: dodam }
	});
	expect(refused.status()).toBe(403);
	await staff.dispose();
	await school.dispose();
});

/** A school other than the demo school user's, read from the booking form's school select as facility staff see it. */
async function otherSchoolId(): Promise<string> {
	const staff = await signedIn(BASE_URL, FACILITY.email);
	const html = await (await staff.get('/book')).text();
	await staff.dispose();
	const ids = [...html.matchAll(/<option value="([0-9a-f-]{36})">(?:도담초등학교|Dodam Elementary School)</g)].map((x) => x[1]!);
	expect(ids.length).toBeGreaterThan(0);
	return ids[0]!;
}

test('facility staff book on behalf of a school: the school’s users are mailed', async ({ browser }) => {
	const rooms = await roomsByName();
	const date = futureWeekday(4, 11);
	const context = await openContext(browser, { locale: 'ko', as: FACILITY });
	const page = await context.newPage();
	await page.goto('/book');
	await page.getByLabel(t('ko', 'book_room'), { exact: true }).selectOption(rooms['Meeting Room A']!.id);
	await page.getByLabel(t('ko', 'book_school'), { exact: true }).selectOption({ label: '한솔초등학교' });
	await page.getByLabel(t('ko', 'book_date'), { exact: true }).fill(date);
	await page.getByLabel(t('ko', 'book_start'), { exact: true }).selectOption('10:00');
	await page.getByLabel(t('ko', 'book_end'), { exact: true }).selectOption('11:00');
	await page.getByLabel(t('ko', 'book_purpose'), { exact: true }).fill('학교 대신 예약');
	await page.getByLabel(t('ko', 'book_attendees'), { exact: true }).fill('6');
	await page.getByRole('button', { name: t('ko', 'book_submit'), exact: true }).click();
	await expect(page.getByRole('heading', { name: t('ko', 'book_done_confirmed_title') })).toBeVisible();
	await expect(page.locator('dl.meta')).toContainText('한솔초등학교');
	const [mail] = await mailsTo(SCHOOL.email, (m) => m.subject.includes('학교 이름으로 공간 예약'));
	expect(mail!.text).toContain('한솔초등학교');
	await context.close();
	// The school's user sees it among their school's bookings.
	const schoolContext = await openContext(browser, { locale: 'ko', as: SCHOOL });
	const schoolPage = await schoolContext.newPage();
	await schoolPage.goto('/my/bookings');
	await expect(schoolPage.getByRole('region', { name: t('ko', 'my_school') })).toContainText('학교 대신 예약');
	await schoolContext.close();
});

for (const locale of LOCALES) {
	for (const width of WIDTHS) {
		test(`the edit page and the on-behalf booking form in ${locale} at ${width} px: axe finds nothing, one h1, no sideways scrolling`, async ({ browser }) => {
			const rooms = await roomsByName();
			const date = futureWeekday(5, 11);
			const hour = `${10 + LOCALES.indexOf(locale) * 2 + WIDTHS.indexOf(width)}`.padStart(2, '0');
			const created = await bookByApi(SCHOOL.email, { roomId: rooms['Meeting Room B']!.id, start: seoul(date, `${hour}:00`), end: seoul(date, `${hour}:30`), purpose: '화면 확인', attendees: 2 });
			const context = await openContext(browser, { locale, as: SCHOOL, width });
			const page = await context.newPage();
			await page.goto(`/my/bookings/${created.id}/edit`);
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(page.locator('h1')).toHaveText(t(locale, 'edit_title'));
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot(shot(`edit-${locale}-${width}`));
			// A refusal: too many people for the room, with the field error and the value kept.
			await page.getByLabel(t(locale, 'book_attendees'), { exact: true }).fill('500');
			await page.getByRole('button', { name: t(locale, 'edit_submit'), exact: true }).click();
			await expect(page.getByLabel(t(locale, 'book_attendees'), { exact: true })).toHaveValue('500');
			await expect(page.locator('.field-error').first()).toBeVisible();
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.screenshot(shot(`edit-refused-${locale}-${width}`));
			await context.close();

			const staff = await openContext(browser, { locale, as: FACILITY, width });
			const book = await staff.newPage();
			await book.goto('/book');
			await expect(book.getByLabel(t(locale, 'book_school'), { exact: true })).toBeVisible();
			expect(await axeViolations(book)).toEqual([]);
			expect(await horizontalOverflow(book)).toEqual([]);
			await book.screenshot(shot(`book-on-behalf-${locale}-${width}`));
			await staff.close();
		});
	}
}
