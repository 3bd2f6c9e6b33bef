import { mkdirSync } from 'node:fs';
import { axeViolations, expect, horizontalOverflow, hydrated, LOCALES, openContext, SCHOOL, t, test, WIDTHS } from '../fixtures';
import { book, FACILITY, futureWeekday, roomIds, seoul } from './helpers';

/** axe and overflow on every facility page and state, in both languages and widths; screenshots to look at. */
test.describe.configure({ mode: 'parallel' });

const DIR = 'tests/e2e/screenshots';
mkdirSync(DIR, { recursive: true });

let computerRoomId = '';

test.beforeAll(async () => {
	const rooms = await roomIds();
	computerRoomId = rooms['Computer Training Room']!;
	// Something to decide, so the queue is not empty in the checks and screenshots.
	const date = futureWeekday(3, 7);
	await book(SCHOOL.email, {
		roomId: computerRoomId,
		start: seoul(date, '13:00'),
		end: seoul(date, '15:00'),
		purpose: `방과후 코딩 교실 강사 연수 (${date})`,
		attendees: 18
	}).catch(() => undefined); // another worker may have made it already (same idempotency key)
});

type Page = import('@playwright/test').Page;
const STATES: { name: string; path: () => string; act?: (page: Page, locale: 'ko' | 'en') => Promise<void> }[] = [
	{ name: 'approvals', path: () => '/facility/approvals' },
	{
		name: 'approvals-reject-error',
		path: () => '/facility/approvals',
		act: async (page, locale) => {
			const card = page.getByRole('listitem').filter({ hasText: '방과후 코딩 교실' });
			await card.getByText(t(locale, 'facility_reject_open')).click();
			await card.getByRole('button', { name: t(locale, 'facility_reject'), exact: true }).click();
			await expect(card.getByText(t(locale, 'facility_reason_required'))).toBeVisible();
		}
	},
	{ name: 'rooms', path: () => '/facility/rooms' },
	{ name: 'room-edit', path: () => `/facility/rooms/${computerRoomId}` },
	{
		name: 'room-edit-errors',
		path: () => `/facility/rooms/${computerRoomId}`,
		act: async (page, locale) => {
			const rules = page.locator('form[action="?/rules"]');
			const maxLength = rules.getByRole('group', { name: t(locale, 'facility_max_length'), exact: true });
			await maxLength.getByLabel(t(locale, 'rpol_unit_hours')).fill('0');
			await maxLength.getByLabel(t(locale, 'rpol_unit_minutes')).fill('15');
			await rules.getByRole('group', { name: t(locale, 'facility_buffer_after'), exact: true }).getByLabel(t(locale, 'rpol_unit_minutes')).fill('999');
			await rules.getByRole('button', { name: t(locale, 'facility_rules_submit') }).click();
			await expect(page.getByRole('alert').filter({ hasText: t(locale, 'form_has_errors', { count: 2 }) })).toBeVisible();
		}
	},
	{ name: 'room-new', path: () => '/facility/rooms/new' },
	{
		name: 'room-new-errors',
		path: () => '/facility/rooms/new',
		act: async (page, locale) => {
			await page.getByLabel(t(locale, 'facility_code')).fill('Bad Code');
			await page.getByRole('button', { name: t(locale, 'facility_room_create_submit') }).click();
			await expect(page.getByRole('alert').filter({ hasText: t(locale, 'form_has_errors', { count: 4 }) })).toBeVisible();
		}
	},
	{ name: 'closures', path: () => '/facility/closures' },
	{
		name: 'closures-confirm',
		path: () => '/facility/closures',
		act: async (page, locale) => {
			const date = futureWeekday(3, 7);
			await page.getByLabel(t(locale, 'facility_closure_scope'), { exact: true }).selectOption({ index: 11 });
			await page.getByLabel(t(locale, 'facility_closure_from_date')).fill(date);
			await page.getByLabel(t(locale, 'facility_closure_to_date')).fill(date);
			await page.getByLabel(t(locale, 'facility_closure_reason'), { exact: true }).fill('PC 교체 / PC replacement');
			await page.getByRole('button', { name: t(locale, 'facility_closure_submit'), exact: true }).click();
			await expect(page.getByText(t(locale, 'facility_closure_confirm_title', { count: 1 }))).toBeVisible();
		}
	}
];

for (const locale of LOCALES)
	for (const width of WIDTHS)
		for (const state of STATES)
			test(`facility ${state.name} passes axe and fits (${locale}, ${width} px)`, async ({ browser }) => {
				const context = await openContext(browser, { locale, as: FACILITY, width });
				const page = await context.newPage();
				const response = await page.goto(state.path());
				expect(response?.status()).toBe(200);
				await expect(page.locator('h1')).toHaveCount(1);
				// A click before hydration is undone by it (the reject <details> is opened by the server
				// after a failed no-JS post, and hydration sets it back): act on the enhanced page.
				if (state.act) await hydrated(page).then(() => state.act!(page, locale));
				expect(await axeViolations(page)).toEqual([]);
				expect(await horizontalOverflow(page)).toEqual([]);
				await page.evaluate(() => document.fonts.ready);
				await page.screenshot({ path: `${DIR}/facility-${state.name}-${locale}-${width}.png`, fullPage: true });
				await context.close();
			});
