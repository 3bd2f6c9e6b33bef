import { ADMIN, expect, openContext, SCHOOL, t, test } from '../fixtures';
import { book, EDU, FACILITY, futureWeekday, roomIds, seoul } from './helpers';

test('a closure over two bookings lists them first, then cancels both and e-mails each booker (without JavaScript)', async ({ browser }) => {
	const rooms = await roomIds();
	const date = futureWeekday(3, 6);
	const roomId = rooms['Large Meeting Room']!;
	const schoolPurpose = `학년 협의회 ${date}`;
	const staffPurpose = `컨설팅 협의 ${date}`;
	await book(SCHOOL.email, { roomId, start: seoul(date, '10:00'), end: seoul(date, '11:00'), purpose: schoolPurpose, attendees: 12 });
	await book(EDU.email, { roomId, start: seoul(date, '14:00'), end: seoul(date, '15:30'), purpose: staffPurpose, attendees: 8 });

	const context = await openContext(browser, { locale: 'ko', as: FACILITY, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/facility/closures');
	const reason = `천장 누수 보수 공사 ${date}`;
	await page.getByLabel(t('ko', 'facility_closure_scope'), { exact: true }).selectOption({ label: '대회의실' });
	await page.getByLabel(t('ko', 'facility_closure_from_date')).fill(date);
	await page.getByLabel(t('ko', 'facility_closure_from_time')).selectOption('09:00');
	await page.getByLabel(t('ko', 'facility_closure_to_date')).fill(date);
	await page.getByLabel(t('ko', 'facility_closure_to_time')).selectOption('18:00');
	await page.getByLabel(t('ko', 'facility_closure_reason'), { exact: true }).fill(reason);
	await page.getByRole('button', { name: t('ko', 'facility_closure_submit'), exact: true }).click();

	// First submit: nothing created yet, the affected bookings listed with their boxes ticked.
	await expect(page.getByText(t('ko', 'facility_closure_confirm_title', { count: 2 }))).toBeVisible();
	const affected = page.getByRole('table', { name: t('ko', 'facility_closure_affected_caption') });
	await expect(affected.getByRole('row').filter({ hasText: schoolPurpose })).toHaveCount(1);
	await expect(affected.getByRole('row').filter({ hasText: staffPurpose })).toHaveCount(1);
	await expect(affected.getByRole('checkbox', { checked: true })).toHaveCount(2);
	await expect(page.getByLabel(t('ko', 'facility_closure_reason'), { exact: true })).toHaveValue(reason);
	await expect(page.getByRole('cell', { name: reason })).toHaveCount(0);

	await page.getByRole('button', { name: t('ko', 'facility_closure_confirm_submit'), exact: true }).click();
	await expect(page.locator('.alert-success')).toHaveText(t('ko', 'facility_closure_created', { cancelled: 2, kept: 0 }));
	const upcoming = page.getByRole('row').filter({ hasText: reason });
	await expect(upcoming).toContainText('대회의실');

	const admin = await openContext(browser, { locale: 'ko', as: ADMIN });
	const outbox = await admin.newPage();
	await outbox.goto('/admin/outbox');
	const mails = outbox.getByRole('row').filter({ hasText: reason });
	await expect(mails).toHaveCount(2);
	await expect(mails.filter({ hasText: SCHOOL.email })).toHaveCount(1);
	await expect(mails.filter({ hasText: EDU.email })).toHaveCount(1);
	await admin.close();

	// Deleting the closure asks first (its own step, without JavaScript too), then opens the time again.
	await upcoming.getByRole('button').click();
	await expect(page.getByRole('heading', { name: t('ko', 'facility_delete_confirm_title') })).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: reason })).toHaveCount(1);
	await page.getByRole('button', { name: t('ko', 'facility_delete_confirm_submit'), exact: true }).click();
	await expect(page.locator('.alert-success')).toHaveText(t('ko', 'facility_closure_deleted'));
	await expect(page.getByRole('row').filter({ hasText: reason })).toHaveCount(0);
	await context.close();
});

test('a closure form with mistakes shows every one next to its field and keeps what was typed', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', as: FACILITY });
	const page = await context.newPage();
	await page.goto('/facility/closures');
	await page.getByLabel(t('en', 'facility_closure_from_date')).fill('2030-03-06');
	await page.getByLabel(t('en', 'facility_closure_from_time')).selectOption('15:00');
	await page.getByLabel(t('en', 'facility_closure_to_date')).fill('2030-03-06');
	await page.getByLabel(t('en', 'facility_closure_to_time')).selectOption('11:00');
	await page.getByRole('button', { name: t('en', 'facility_closure_submit'), exact: true }).click();
	await expect(page.getByRole('alert').filter({ hasText: t('en', 'form_has_errors', { count: 2 }) })).toBeVisible();
	await expect(page.getByText(t('en', 'facility_closure_end_before_start'), { exact: true })).toBeVisible();
	await expect(page.getByText(t('en', 'facility_closure_reason_required'), { exact: true })).toBeVisible();
	await expect(page.getByLabel(t('en', 'facility_closure_from_time'))).toHaveValue('15:00');
	await context.close();
});
