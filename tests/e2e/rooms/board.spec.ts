import { formatDate } from '../../../src/lib/time/format';
import { addDays, seoulInstant } from '../../../src/lib/time/seoul';
import { ACCOUNTS, LOCALES, SCHOOL, WIDTHS, axeViolations, expect, horizontalOverflow, openContext, t, test } from '../fixtures';
import { book, FRIDAY, roomsByName, settle, SHOTS } from './setup';

const BOOKER = ACCOUNTS.find((a) => a.email === 'edu@center.test')!;
const PURPOSE = '학년 교육과정 협의 (보드 확인용)';
let roomId: string;

test.beforeAll(async () => {
	roomId = (await roomsByName())['Small Meeting Room 1']!.id;
	await book(BOOKER.email, roomId, '10:00', '11:00', PURPOSE);
});

test.describe.configure({ mode: 'parallel' });

test('an anonymous visitor sees the booked hour as two busy half-hour cells, without who or why', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko' });
	const page = await context.newPage();
	await page.goto(`/board?date=${FRIDAY}`);
	const row = page.locator(`#room-${roomId}`);
	const busy = row.locator('td.busy');
	await expect(busy).toHaveCount(1);
	await expect(busy).toHaveAttribute('colspan', '2');
	await expect(busy).toContainText(t('ko', 'board_busy'));
	await expect(busy).toContainText('10:00–11:00');
	// The booked cell sits under the 10:00 column: the room header and the 09:00, 09:30 cells come first.
	const before = await busy.evaluate((td) => Array.from(td.parentElement!.children).indexOf(td));
	expect(before).toBe(3);
	await expect(row.locator('td.mine')).toHaveCount(0);
	expect(await page.content()).not.toContain(PURPOSE);
	await expect(page.getByRole('heading', { name: t('ko', 'board_mine_title_day') })).toHaveCount(0);
	await context.close();
});

test('another signed-in user sees the booking as busy only', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', as: SCHOOL });
	const page = await context.newPage();
	await page.goto(`/board?date=${FRIDAY}`);
	await expect(page.locator(`#room-${roomId} td.busy`)).toContainText(t('en', 'board_busy'));
	expect(await page.content()).not.toContain(PURPOSE);
	await context.close();
});

test('the booker sees the purpose and status of their own booking, on the grid and in full below it', async ({ browser }) => {
	for (const locale of LOCALES) {
		const context = await openContext(browser, { locale, as: BOOKER });
		const page = await context.newPage();
		await page.goto(`/board?date=${FRIDAY}`);
		const mine = page.locator(`#room-${roomId} td.mine`);
		await expect(mine).toHaveAttribute('colspan', '2');
		await expect(mine).toContainText(t(locale, 'board_mine'));
		await expect(mine).toContainText(PURPOSE);
		await expect(mine).toContainText(t(locale, 'board_status_confirmed'));
		const list = page.getByRole('region', { name: t(locale, 'board_mine_title_day') });
		await expect(list.getByRole('listitem').filter({ hasText: PURPOSE })).toContainText('10:00–11:00');
		await context.close();
	}
});

test('the day grid is a real table: caption, a column per half hour from opening to closing, a row header per room', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en' });
	const page = await context.newPage();
	await page.goto(`/board?date=${FRIDAY}`);
	const date = formatDate(seoulInstant(FRIDAY), 'en');
	const table = page.getByRole('table', { name: t('en', 'board_caption_day', { date, step: '30 minutes' }) });
	await expect(table).toBeVisible();
	const columns = table.getByRole('columnheader');
	await expect(columns).toHaveCount(1 + 18);
	await expect(columns.nth(1)).toHaveText('09:00');
	await expect(columns.nth(2)).toContainText('09:30');
	await expect(columns.last()).toContainText('17:30');
	const rooms = await roomsByName();
	await expect(table.getByRole('rowheader')).toHaveCount(Object.keys(rooms).length);
	await expect(table.getByRole('rowheader', { name: /Small Meeting Room 1/ })).toBeVisible();
	// Free cells say so in words for screen readers.
	await expect(page.locator(`#room-${roomId} td.free`).first()).toHaveText(t('en', 'board_free'));
	await context.close();
});

test('works without JavaScript: the date form, the next-day link to a closed Saturday, and the week view', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/board');
	await page.getByLabel(t('ko', 'board_date_label')).fill(FRIDAY);
	await page.getByRole('button', { name: t('ko', 'board_go'), exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`date=${FRIDAY}`));
	await expect(page.locator(`#room-${roomId} td.busy`)).toContainText('10:00–11:00');

	await page.getByRole('navigation', { name: t('ko', 'board_pager_label') }).getByRole('link', { name: t('ko', 'board_next_day') }).click();
	const saturday = addDays(FRIDAY, 1);
	await expect(page).toHaveURL(new RegExp(`date=${saturday}`));
	await expect(page.getByRole('status')).toHaveText(t('ko', 'board_day_closed', { date: formatDate(seoulInstant(saturday), 'ko') }));
	await expect(page.getByRole('table')).toHaveCount(0);

	await page.getByRole('navigation', { name: t('ko', 'board_view_label') }).getByRole('link', { name: t('ko', 'board_view_week') }).click();
	await expect(page).toHaveURL(new RegExp(`view=week&date=${saturday}`));
	const table = page.getByRole('table').first();
	await expect(table.getByRole('columnheader')).toHaveCount(1 + 5);
	// Monday to Friday: Friday is the fifth day cell of the room's row.
	const cell = page.locator(`#room-${roomId} td`).nth(4);
	await expect(cell).toContainText('10:00–11:00');
	await expect(cell).toContainText(t('ko', 'board_busy'));
	await context.close();
});

test('an unreadable date shows today with a message next to the date field', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en' });
	const page = await context.newPage();
	await page.goto('/board?date=2026-02-30');
	await expect(page.getByRole('alert')).toHaveText(t('en', 'board_date_invalid'));
	await expect(page.getByLabel(t('en', 'board_date_label'))).toHaveAttribute('aria-invalid', 'true');
	await context.close();
});

for (const locale of LOCALES) {
	for (const width of WIDTHS) {
		test(`day and week boards pass axe with one h1 and no sideways page scroll (${locale}, ${width} px)`, async ({ browser }) => {
			const context = await openContext(browser, { locale, as: BOOKER, width });
			const page = await context.newPage();
			for (const [name, path] of [
				['board-day', `/board?date=${FRIDAY}`],
				['board-week', `/board?view=week&date=${FRIDAY}`]
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

test('the anonymous board passes axe too', async ({ browser }) => {
	for (const width of WIDTHS) {
		const context = await openContext(browser, { locale: 'ko', width });
		const page = await context.newPage();
		await page.goto(`/board?date=${FRIDAY}`);
		expect(await axeViolations(page)).toEqual([]);
		await settle(page);
		await page.screenshot({ path: `${SHOTS}/board-day-anonymous-ko-${width}.png`, fullPage: true });
		await context.close();
	}
});
