/** "내 업무" is where each person starts: their panels, each item linked to where it is handled. */
import { ADMIN, SCHOOL, expect, openContext, t, test } from '../fixtures';
import { FACILITY, book, futureWeekday, roomIds, seoul } from '../facility/helpers';

test('a school user sees a request waiting for approval, linked to My bookings, and the school hours used this month', async ({ browser }) => {
	const rooms = await roomIds();
	// The computer room needs approval: the request waits. A week of its own, far from other specs.
	const date = futureWeekday(2, 9);
	const request = await book(SCHOOL.email, { roomId: rooms['Computer Training Room']!, start: seoul(date, '16:00'), end: seoul(date, '17:00'), purpose: '대시보드 확인', attendees: 5 });
	expect(request.status).toBe('requested');

	for (const locale of ['ko', 'en'] as const) {
		const context = await openContext(browser, { as: SCHOOL, locale });
		const page = await context.newPage();
		await page.goto('/dashboard');
		const pending = page.getByRole('region', { name: t(locale, 'dash_pending_title') });
		const link = pending.locator(`a[href="/my/bookings#booking-${request.id}"]`);
		await expect(link).toBeVisible();
		const quota = page.getByRole('region', { name: t(locale, 'dash_quota_title') });
		await expect(quota.getByRole('link', { name: locale === 'ko' ? '대강당' : 'Seminar Hall', exact: true })).toBeVisible();
		await link.click();
		await expect(page).toHaveURL(new RegExp(`/my/bookings#booking-${request.id}$`));
		await expect(page.locator(`#booking-${request.id}`)).toBeVisible();
		await context.close();
	}
});

test('facility staff see the pending count on their dashboard and as a badge in the navigation, and reach the approvals from it', async ({ browser }) => {
	const rooms = await roomIds();
	const date = futureWeekday(3, 9);
	await book(SCHOOL.email, { roomId: rooms['Computer Training Room']!, start: seoul(date, '16:00'), end: seoul(date, '17:00'), purpose: '배지 확인', attendees: 5 });
	const context = await openContext(browser, { as: FACILITY, locale: 'ko' });
	const page = await context.newPage();
	await page.goto('/dashboard');
	const nav = page.getByRole('navigation', { name: t('ko', 'nav_label') });
	const approvals = nav.getByRole('link', { name: new RegExp(`^${t('ko', 'nav_approvals')}`) });
	// The badge says the count in words to a screen reader, not just a number.
	await expect(approvals.locator('.nav-badge .visually-hidden')).toHaveText(/승인 대기 \d+건/);
	const count = Number(await approvals.locator('.nav-badge [aria-hidden="true"]').textContent());
	expect(count).toBeGreaterThanOrEqual(1);
	const stat = page.getByRole('main').getByRole('link', { name: new RegExp(t('ko', 'dash_pending_label')) });
	await expect(stat).toBeVisible();
	await stat.click();
	await expect(page).toHaveURL(/\/facility\/approvals$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ko', 'facility_approvals_title'));
	await context.close();
});

test('an administrator sees users, invitations and outbox failures, each linked to its page; a school user sees none of it', async ({ browser }) => {
	const admin = await openContext(browser, { as: ADMIN, locale: 'en' });
	const page = await admin.newPage();
	await page.goto('/dashboard');
	const panel = page.getByRole('region', { name: t('en', 'dash_admin_title') });
	await expect(panel.getByRole('link', { name: new RegExp(t('en', 'dash_users_label')) })).toHaveAttribute('href', '/admin/users');
	await expect(panel.getByRole('link', { name: new RegExp(t('en', 'dash_invitations_label')) })).toHaveAttribute('href', '/admin/users');
	await expect(panel.getByRole('link', { name: new RegExp(t('en', 'dash_outbox_failed_label')) })).toHaveAttribute('href', '/admin/outbox');
	await expect(page.getByRole('region', { name: t('en', 'dash_facility_title') })).toBeVisible();
	await admin.close();

	const school = await openContext(browser, { as: SCHOOL, locale: 'en' });
	const schoolPage = await school.newPage();
	await schoolPage.goto('/dashboard');
	await expect(schoolPage.getByRole('region', { name: t('en', 'dash_admin_title') })).toHaveCount(0);
	await expect(schoolPage.getByRole('region', { name: t('en', 'dash_facility_title') })).toHaveCount(0);
	await expect(schoolPage.locator('.nav-badge')).toHaveCount(0);
	await school.close();
});
