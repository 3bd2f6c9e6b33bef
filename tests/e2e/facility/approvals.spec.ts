import { request } from '@playwright/test';
import { ADMIN, BASE_URL, expect, openContext, SCHOOL, t, test } from '../fixtures';
import { book, FACILITY, futureWeekday, roomIds, seoul } from './helpers';

test.describe.configure({ mode: 'parallel' });

test('a school request for the Computer Training Room, approved by facility staff, shows busy to an anonymous visitor', async ({ browser }) => {
	const rooms = await roomIds();
	const date = futureWeekday(3, 5);
	const purpose = `정보 교육 연수 ${date}`;
	const created = await book(SCHOOL.email, {
		roomId: rooms['Computer Training Room']!,
		start: seoul(date, '10:00'),
		end: seoul(date, '12:00'),
		purpose,
		attendees: 25
	});
	expect(created.status).toBe('requested');

	const context = await openContext(browser, { locale: 'ko', as: FACILITY });
	const page = await context.newPage();
	await page.goto('/facility/approvals');
	await expect(page.getByText(t('ko', 'facility_approvals_lapse_note'))).toBeVisible();
	const card = page.getByRole('listitem').filter({ hasText: purpose });
	await expect(card).toContainText('한솔초등학교');
	await expect(card).toContainText('한지민 (한솔초 교사)');
	await expect(card).toContainText(t('ko', 'facility_people', { count: 25 }));
	await card.getByRole('button', { name: t('ko', 'facility_approve'), exact: true }).click();
	await expect(page.locator('.alert-success')).toContainText('전산교육실');
	await expect(page.getByRole('listitem').filter({ hasText: purpose })).toHaveCount(0);
	await context.close();

	// Anyone sees the time as busy: the booking plus the room's 30-minute clean-up buffer.
	const anonymous = await request.newContext({ baseURL: BASE_URL });
	const day = await (await anonymous.get(`/api/v1/availability?date=${date}`)).json();
	const busy = day.rooms.find((r: { id: string }) => r.id === rooms['Computer Training Room']).busy;
	// Its own times too (10:00–12:00, what people read); no who, no what, no id.
	expect(busy).toEqual([
		{
			start: new Date(seoul(date, '10:00')).toISOString(),
			end: new Date(seoul(date, '12:30')).toISOString(),
			bookingStart: new Date(seoul(date, '10:00')).toISOString(),
			bookingEnd: new Date(seoul(date, '12:00')).toISOString()
		}
	]);
	await anonymous.dispose();

	const admin = await openContext(browser, { locale: 'ko', as: ADMIN });
	const outbox = await admin.newPage();
	await outbox.goto('/admin/outbox');
	// In the booker's language only (the demo teacher chose none: Korean).
	const subject = t('ko', 'facility_email_approved_subject', { room: '전산교육실' });
	await expect(outbox.getByRole('row').filter({ hasText: SCHOOL.email }).filter({ hasText: subject }).first()).toBeVisible();
	await expect(outbox.getByRole('row').filter({ hasText: SCHOOL.email }).filter({ hasText: 'Computer Training Room' })).toHaveCount(0);
	await admin.close();
});

test('declining needs a reason, works without JavaScript, and the reason reaches the booker through the outbox', async ({ browser }) => {
	const rooms = await roomIds();
	const date = futureWeekday(3, 5);
	const purpose = `학부모 설명회 ${date}`;
	await book(SCHOOL.email, { roomId: rooms['Large Meeting Room']!, start: seoul(date, '15:00'), end: seoul(date, '16:00'), purpose, attendees: 30 });

	const context = await openContext(browser, { locale: 'en', as: FACILITY, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/facility/approvals');
	let card = page.getByRole('listitem').filter({ hasText: purpose });
	await card.getByText(t('en', 'facility_reject_open')).click();
	await card.getByRole('button', { name: t('en', 'facility_reject'), exact: true }).click();
	card = page.getByRole('listitem').filter({ hasText: purpose });
	await expect(card.getByText(t('en', 'facility_reason_required'))).toBeVisible();
	const reason = 'The room is set aside for the regional principals’ meeting that afternoon.';
	await card.getByLabel(t('en', 'facility_reject_reason')).fill(reason);
	await card.getByRole('button', { name: t('en', 'facility_reject'), exact: true }).click();
	await expect(page.locator('.alert-success')).toContainText('Large Meeting Room');
	await expect(page.getByRole('listitem').filter({ hasText: purpose })).toHaveCount(0);
	await context.close();

	const admin = await openContext(browser, { locale: 'en', as: ADMIN });
	const outbox = await admin.newPage();
	await outbox.goto('/admin/outbox');
	const row = outbox.getByRole('row').filter({ hasText: SCHOOL.email }).filter({ hasText: reason });
	await expect(row).toHaveCount(1);
	await admin.close();
});

test('only facility staff and admins reach the facility pages', async ({ browser }) => {
	const school = await openContext(browser, { locale: 'ko', as: SCHOOL });
	const page = await school.newPage();
	for (const path of ['/facility/approvals', '/facility/rooms', '/facility/closures'])
		expect((await page.goto(path))?.status(), path).toBe(403);
	await school.close();
	const anonymous = await openContext(browser, { locale: 'ko' });
	const visitor = await anonymous.newPage();
	await visitor.goto('/facility/approvals');
	await expect(visitor).toHaveURL(/\/login\?next=%2Ffacility%2Fapprovals/);
	await anonymous.close();
});
