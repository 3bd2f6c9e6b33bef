import { LOCALES, SCHOOL, WIDTHS, axeViolations, expect, horizontalOverflow, openContext, t, test } from '../fixtures';
import { book, FRIDAY, roomsByName, settle, SHOTS, type ApiRoom } from './setup';

let rooms: Record<string, ApiRoom>;

test.beforeAll(async () => {
	rooms = await roomsByName();
	// Meeting Room A is taken on that Friday 14:00–15:00; Meeting Room B is not.
	await book(SCHOOL.email, rooms['Meeting Room A']!.id, '14:00', '15:00', '학부모 간담회 (회의실 검색 확인용)');
});

test.describe.configure({ mode: 'parallel' });

const names = async (page: import('@playwright/test').Page) =>
	page.locator('.room-list h3').allInnerTexts();

test('filters by people, equipment and a free time with JavaScript off', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/rooms');
	expect(await names(page)).toHaveLength(Object.keys(rooms).length);

	await page.getByLabel(t('en', 'rooms_people'), { exact: true }).fill('10');
	await page.getByLabel(t('en', 'equipment_whiteboard'), { exact: true }).check();
	await page.getByRole('button', { name: t('en', 'rooms_search'), exact: true }).click();
	await expect(page).toHaveURL(/people=10&equipment=whiteboard/);
	expect(await names(page)).toEqual(['Meeting Room A', 'Meeting Room B']);
	await expect(page.getByRole('status')).toHaveText(t('en', 'rooms_count_filtered', { count: 2, total: Object.keys(rooms).length }));

	await page.getByLabel(t('en', 'rooms_date'), { exact: true }).fill(FRIDAY);
	await page.getByLabel(t('en', 'rooms_from'), { exact: true }).selectOption('14:30');
	await page.getByLabel(t('en', 'rooms_to'), { exact: true }).selectOption('15:30');
	await page.getByRole('button', { name: t('en', 'rooms_search'), exact: true }).click();
	expect(await names(page)).toEqual(['Meeting Room B']);
	// The filters stay as entered.
	await expect(page.getByLabel(t('en', 'rooms_people'), { exact: true })).toHaveValue('10');
	await expect(page.getByLabel(t('en', 'equipment_whiteboard'), { exact: true })).toBeChecked();
	await expect(page.getByLabel(t('en', 'rooms_from'), { exact: true })).toHaveValue('14:30');

	// Once the booking has ended, Meeting Room A is free again (touching is not overlapping).
	await page.getByLabel(t('en', 'rooms_from'), { exact: true }).selectOption('15:00');
	await page.getByRole('button', { name: t('en', 'rooms_search'), exact: true }).click();
	expect(await names(page)).toEqual(['Meeting Room A', 'Meeting Room B']);
	await context.close();
});

test('explains every bad filter next to its field and keeps what was typed', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/rooms?people=0&from=15:00&to=14:00');
	const people = page.getByLabel(t('ko', 'rooms_people'), { exact: true });
	await expect(people).toHaveAttribute('aria-invalid', 'true');
	await expect(people).toHaveAccessibleDescription(new RegExp(t('ko', 'field_number_range', { min: 1, max: 2000 }).replace(/[.()]/g, '\\$&')));
	await expect(page.locator('#filter-date-error')).toHaveText(t('ko', 'rooms_free_date_required'));
	await expect(page.locator('#filter-to-error')).toHaveText(t('ko', 'rooms_end_after_start'));
	await expect(page.getByLabel(t('ko', 'rooms_from'), { exact: true })).toHaveValue('15:00');
	// The summary: the count, then one link per field in error.
	await expect(page.getByRole('alert').locator('p').first()).toHaveText(t('ko', 'form_has_errors', { count: 3 }));
	await expect(page.getByRole('alert').getByRole('link')).toHaveCount(3);
	await settle(page);
	await page.screenshot({ path: `${SHOTS}/rooms-errors-ko-1280.png`, fullPage: true });
	await context.close();
});

test('says the center is closed when the free time falls on a Saturday', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en' });
	const page = await context.newPage();
	const saturday = new Date(Date.parse(`${FRIDAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	await page.goto(`/rooms?date=${saturday}&from=10:00&to=11:00`);
	await expect(page.locator('.room-list')).toHaveCount(0);
	await expect(page.getByText(t('en', 'rooms_closed_at_time'))).toBeVisible();
	await context.close();
});

test('shows capacity, floor, equipment, accessibility and approval, and links to the board and to booking', async ({ browser }) => {
	const hall = rooms['Seminar Hall']!;
	{
		const context = await openContext(browser, { locale: 'en' });
		const page = await context.newPage();
		await page.goto(`/rooms?date=${FRIDAY}&from=10:00&to=11:00`);
		const card = page.locator('.room-card').filter({ has: page.getByRole('heading', { name: 'Seminar Hall' }) });
		await expect(card).toContainText(t('en', 'people_n', { count: 150 }));
		await expect(card).toContainText(t('en', 'floor_n', { floor: 1 }));
		await expect(card).toContainText(t('en', 'equipment_projector'));
		await expect(card).toContainText(t('en', 'access_hearing_loop'));
		await expect(card).toContainText(t('en', 'rooms_badge_approval'));
		await expect(card.getByRole('link', { name: new RegExp(`^${t('en', 'rooms_view_board')}`) })).toHaveAttribute(
			'href',
			`/board?date=${FRIDAY}#room-${hall.id}`
		);
		const signIn = card.getByRole('link', { name: new RegExp(`^${t('en', 'rooms_sign_in_to_book')}`) });
		await expect(signIn).toHaveAttribute('href', new RegExp(`^/login\\?next=${encodeURIComponent(`/book?room=${hall.id}`).replace(/[?]/g, '\\?')}`));
		await context.close();
	}
	{
		const context = await openContext(browser, { locale: 'ko', as: SCHOOL });
		const page = await context.newPage();
		await page.goto('/rooms');
		const card = page.locator('.room-card').filter({ has: page.getByRole('heading', { name: '대강당' }) });
		await expect(card.getByRole('link', { name: new RegExp(`^${t('ko', 'rooms_book')}`) })).toHaveAttribute('href', `/book?room=${hall.id}`);
		await context.close();
	}
});

test('on a phone the filters fold behind a button; a school user sees staff-only rooms marked, without a booking link', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: SCHOOL, width: 360 });
	const page = await context.newPage();
	await page.goto('/rooms');
	const people = page.getByLabel(t('ko', 'rooms_people'), { exact: true });
	await expect(people).toBeHidden();
	await page.getByText(t('ko', 'rooms_filters_toggle'), { exact: true }).click();
	await expect(people).toBeVisible();
	const consult = page.locator('.room-card').filter({ has: page.getByRole('heading', { name: '상담실 1' }) });
	await expect(consult).toContainText(t('ko', 'rooms_badge_staff_only'));
	await expect(consult).toContainText(t('ko', 'rooms_only_staff'));
	await expect(consult.getByRole('link', { name: new RegExp(`^${t('ko', 'rooms_book')}`) })).toHaveCount(0);
	const meeting = page.locator('.room-card').filter({ has: page.getByRole('heading', { name: '중회의실 B' }) });
	await expect(meeting).not.toContainText(t('ko', 'rooms_badge_staff_only'));
	await expect(meeting.getByRole('link', { name: new RegExp(`^${t('ko', 'rooms_book')}`) })).toHaveCount(1);

	// A free-time search lists only rooms this school can book then, folds with the count, and says why the others are left out.
	await page.goto(`/rooms?date=${FRIDAY}&from=10:00&to=11:00`);
	await expect(page.getByText(t('ko', 'rooms_filters_toggle_active', { count: 1 }), { exact: true })).toBeVisible();
	expect(await names(page)).not.toContain('상담실 1');
	expect(await names(page)).toContain('중회의실 B');
	await expect(page.locator('.reasons')).toContainText(t('ko', 'rooms_only_staff'));
	await settle(page);
	await page.screenshot({ path: `${SHOTS}/rooms-school-folded-ko-360.png`, fullPage: true });

	// The room's own page says it too, and offers no booking.
	await page.goto(`/rooms/${rooms['Consultation Room 1']!.id}`);
	await expect(page.getByRole('main')).toContainText(t('ko', 'rooms_badge_staff_only'));
	await expect(page.getByRole('link', { name: t('ko', 'room_book_this'), exact: true })).toHaveCount(0);
	await context.close();
});

test('on a wide screen the filters show without a fold button', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/rooms');
	await expect(page.getByLabel(t('en', 'rooms_people'), { exact: true })).toBeVisible();
	await expect(page.getByText(t('en', 'rooms_filters_toggle'), { exact: true })).toBeHidden();
	await context.close();
});

for (const locale of LOCALES) {
	for (const width of WIDTHS) {
		test(`the catalogue passes axe with one h1 and no sideways scroll (${locale}, ${width} px)`, async ({ browser }) => {
			const context = await openContext(browser, { locale, width, as: locale === 'en' ? SCHOOL : null });
			const page = await context.newPage();
			for (const [name, path] of [
				['rooms', '/rooms'],
				['rooms-filtered', `/rooms?people=10&equipment=display&date=${FRIDAY}&from=14:00&to=15:00`]
			] as const) {
				const response = await page.goto(path);
				expect(response?.status()).toBe(200);
				await expect(page.locator('h1')).toHaveCount(1);
				expect(await axeViolations(page), `${path} axe`).toEqual([]);
				expect(await horizontalOverflow(page), `${path} overflow`).toEqual([]);
				await settle(page);
				await page.screenshot({ path: `${SHOTS}/${name}-${locale}-${width}.png`, fullPage: true });
			}
			await context.close();
		});
	}
}
