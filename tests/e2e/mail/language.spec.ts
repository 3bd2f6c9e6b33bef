import { ACCOUNTS, ADMIN, expect, languageSwitch, openContext, t, test } from '../fixtures';
import { book, futureWeekday, roomIds, seoul } from '../facility/helpers';

/**
 * One language per e-mail: the language a signed-in user switches to is kept on the account,
 * and the next mail reaches them in it alone. An account nobody else's specs mail to.
 */
const BOOKER = ACCOUNTS.find((a) => a.email === 'admin-support@center.test')!;

test('switching to English while signed in makes the next booking confirmation English only, and back to Korean', async ({ browser }) => {
	const rooms = await roomIds();
	const context = await openContext(browser, { locale: 'ko', as: BOOKER });
	const page = await context.newPage();
	await page.goto('/dashboard');
	// The header's switch is a form post: it works without JavaScript, signed in or not.
	await languageSwitch(page).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	const date = futureWeekday(2, 6);
	const english = await book(BOOKER.email, {
		roomId: rooms['Meeting Room A']!,
		start: seoul(date, '10:00'),
		end: seoul(date, '11:00'),
		purpose: `language check ${date}`,
		attendees: 3
	});

	await languageSwitch(page).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	const korean = await book(BOOKER.email, {
		roomId: rooms['Meeting Room A']!,
		start: seoul(date, '14:00'),
		end: seoul(date, '15:00'),
		purpose: `언어 확인 ${date}`,
		attendees: 3
	});
	await context.close();

	const admin = await openContext(browser, { locale: 'ko', as: ADMIN });
	const outbox = await admin.newPage();
	await outbox.goto('/admin/outbox');
	const rows = outbox.getByRole('row').filter({ hasText: BOOKER.email });
	const enRow = rows.filter({ hasText: t('en', 'email_booking_confirmed_subject', { room: 'Meeting Room A' }) });
	const koRow = rows.filter({ hasText: t('ko', 'email_booking_confirmed_subject', { room: '중회의실 A' }) });
	await expect(enRow).toHaveCount(1);
	await expect(koRow).toHaveCount(1);

	await enRow.getByText(t('en', 'email_booking_confirmed_subject', { room: 'Meeting Room A' })).click();
	const enBody = enRow.locator('pre');
	await expect(enBody).toContainText('Dear 최민준 (행정지원부),');
	await expect(enBody).toContainText(`/my/bookings#booking-${english.id}`);
	await expect(enBody).not.toContainText('일시');

	await koRow.getByText(t('ko', 'email_booking_confirmed_subject', { room: '중회의실 A' })).click();
	const koBody = koRow.locator('pre');
	await expect(koBody).toContainText('최민준 (행정지원부) 님,');
	await expect(koBody).toContainText(`/my/bookings#booking-${korean.id}`);
	await expect(koBody).not.toContainText('Dear');
	await admin.close();
});
