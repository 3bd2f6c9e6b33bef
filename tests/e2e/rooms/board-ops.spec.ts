/**
 * The board as facility staff work from it (issue 12): a free cell starts a booking there, a
 * booking opens its details, staff act on it (approve, reject, move to another time or room with
 * a confirmation and an undo, cancel with a reason, the audit trail), others see busy/free only;
 * pending, confirmed, mine and the buffers are told apart by more than colour; the board refreshes
 * itself, prints, and has a read-only wall-screen mode; the week on a phone starts at the day asked.
 * Dates are weeks from today (never today itself), so the run never depends on the day it runs.
 */
import { futureWeekday, seoul, signedIn } from '../api/servers';
import { ACCOUNTS, BASE_URL, LOCALES, SCHOOL, WIDTHS, axeViolations, expect, horizontalOverflow, hydrated, openContext, t, test } from '../fixtures';
import { roomsByName, settle, SHOTS } from './setup';

const FACILITY = ACCOUNTS.find((a) => a.email === 'facility@center.test')!;
const EDU = ACCOUNTS.find((a) => a.email === 'edu@center.test')!;
const ADMIN = ACCOUNTS.find((a) => a.email === 'admin@center.test')!;
/** Tuesday six weeks out: the board's looks. Thursday next week (inside the room page's 14 days): the move. */
const DAY = futureWeekday(2, 6);
const NEAR = futureWeekday(4, 1);
const PENDING_PURPOSE = '학부모 총회 준비 (보드 상세 확인용)';
const EDU_PURPOSE = '교육과정 협의 (보드 옮기기 확인용)';

let rooms: Record<string, { id: string }>;
let pendingId = '';
let confirmedId = '';

async function bookAs(email: string, roomId: string, date: string, from: string, to: string, purpose: string, key: string): Promise<string> {
	const api = await signedIn(BASE_URL, email, 'en');
	const response = await api.post('/api/v1/reservations', {
		headers: { 'idempotency-key': `board-ops-${key}-${date}` },
		data: { roomId, start: seoul(date, from), end: seoul(date, to), purpose, attendees: 4 }
	});
	expect(response.status(), await response.text()).toBe(201);
	const { id } = await response.json();
	await api.dispose();
	return id;
}

test.beforeAll(async () => {
	rooms = await roomsByName();
	// A school's request in a room that needs approval and keeps 15 minutes after each booking free.
	pendingId = await bookAs(SCHOOL.email, rooms['Large Meeting Room']!.id, DAY, '15:00', '17:00', PENDING_PURPOSE, 'pending');
	confirmedId = await bookAs(EDU.email, rooms['Meeting Room B']!.id, DAY, '10:00', '11:00', EDU_PURPOSE, 'confirmed');
});

const cellOf = (page: import('@playwright/test').Page, roomId: string) => page.locator(`#room-${roomId} td:is(.busy, .mine)`);

test('a free cell is a link to the booking form with the room, date and start time filled in (without JavaScript too)', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: SCHOOL, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/board?date=${DAY}`);
	const roomId = rooms['Meeting Room B']!.id;
	const link = page.getByRole('link', { name: t('ko', 'boardops_book_cell', { time: '13:00', room: '중회의실 B' }) });
	await expect(link).toHaveAttribute('href', `/book?${new URLSearchParams({ room: roomId, date: DAY, start: '13:00' })}`);
	await link.click();
	await expect(page).toHaveURL(/\/book\?/);
	await expect(page.locator('[name="roomId"]')).toHaveValue(roomId);
	await expect(page.locator('[name="date"]')).toHaveValue(DAY);
	await expect(page.locator('[name="start"]')).toHaveValue('13:00');
	await context.close();
});

test('pending, confirmed and the buffer: the times shown are the booking’s own, the same for a stranger, the booker and staff', async ({ browser }) => {
	const roomId = rooms['Large Meeting Room']!.id;
	for (const as of [undefined, SCHOOL, FACILITY]) {
		const context = await openContext(browser, { locale: 'ko', as });
		const page = await context.newPage();
		await page.goto(`/board?date=${DAY}`);
		const cell = cellOf(page, roomId);
		await expect(cell).toContainText('15:00–17:00');
		await expect(cell).not.toContainText('17:15');
		// Pending in words (and a dashed outline), not by colour alone.
		await expect(cell).toContainText(t('ko', 'board_status_requested'));
		await expect(cell.locator('.held.is-pending')).toHaveCount(1);
		// The 15-minute clean-up is a hatched extension after the booking itself (a hatched layer of
		// the bar's background, as wide as --post), and nothing before it.
		await expect(cell.locator('.held')).toHaveAttribute('style', /--post:\s*[1-9]/);
		await expect(cell.locator('.held')).not.toHaveAttribute('style', /--pre/);
		const legend = page.getByRole('list', { name: t('ko', 'board_legend_title') });
		for (const key of ['boardops_legend_pending', 'boardops_legend_confirmed', 'board_mine', 'boardops_legend_buffer']) await expect(legend).toContainText(t('ko', key));
		await context.close();
	}
	const confirmed = await openContext(browser, { locale: 'en' });
	const page = await confirmed.newPage();
	await page.goto(`/board?date=${DAY}`);
	await expect(cellOf(page, rooms['Meeting Room B']!.id)).toContainText(t('en', 'board_status_confirmed'));
	await confirmed.close();
});

test('who booked and why stay with the booker and staff: no names, purposes or detail links for anyone else', async ({ browser }) => {
	for (const as of [undefined, SCHOOL]) {
		const context = await openContext(browser, { locale: 'ko', as });
		const page = await context.newPage();
		await page.goto(`/board?date=${DAY}`);
		const html = await page.content();
		expect(html).not.toContain(EDU_PURPOSE);
		expect(html).not.toContain(EDU.name);
		expect(html).not.toContain(confirmedId);
		// Its data as JSON too (what the page hydrates from).
		const data = await (await page.request.get(`/board/__data.json?date=${DAY}`)).text();
		expect(data).not.toContain(EDU_PURPOSE);
		expect(data).not.toContain(confirmedId);
		await expect(page.locator(`#room-${rooms['Meeting Room B']!.id} a[href^="/board/bookings/"]`)).toHaveCount(0);
		// Opening it directly: 404 for a signed-in stranger (as for a booking that is not there), sign-in for anyone else.
		for (const path of [`/board/bookings/${confirmedId}`, `/board/bookings/${confirmedId}/audit`]) {
			const direct = await page.request.get(path, { maxRedirects: 0 });
			if (as) expect(direct.status(), path).toBe(404);
			else expect([302, 303], path).toContain(direct.status());
		}
		await context.close();
	}
	// The school sees its own request's details, but not who else booked or any action.
	const school = await openContext(browser, { locale: 'ko', as: SCHOOL });
	const page = await school.newPage();
	await page.goto(`/board?date=${DAY}`);
	await cellOf(page, rooms['Large Meeting Room']!.id).getByRole('link').click();
	await expect(page.locator('h1')).toHaveText(t('ko', 'boardops_title'));
	await expect(page.locator('main')).toContainText(PENDING_PURPOSE);
	await expect(page.getByRole('button', { name: t('ko', 'boardops_approve') })).toHaveCount(0);
	await expect(page.getByRole('link', { name: t('ko', 'boardops_trail_link') })).toHaveCount(0);
	await school.close();
});

for (const locale of LOCALES) {
	for (const width of WIDTHS) {
		test(`staff open a booking from the board: booker, school, phone, status, purpose; approve from there; axe-clean (${locale}, ${width} px)`, async ({ browser }) => {
			const context = await openContext(browser, { locale, as: FACILITY, width });
			const page = await context.newPage();
			await page.goto(`/board/bookings/${pendingId}`);
			const main = page.locator('main');
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(main).toContainText(PENDING_PURPOSE);
			await expect(main).toContainText(SCHOOL.name);
			await expect(main).toContainText(locale === 'ko' ? '한솔초등학교' : 'Hansol Elementary School');
			await expect(main).toContainText('044-000-0101');
			await expect(main).toContainText('15:00–17:00');
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await settle(page);
			await page.screenshot({ path: `${SHOTS}/board-booking-${locale}-${width}.png`, fullPage: true });
			await page.goto(`/board/bookings/${pendingId}/audit`);
			await expect(page.locator('h1')).toHaveText(t(locale, 'boardops_trail_title'));
			await expect(page.locator('main')).toContainText(t(locale, 'boardops_action_create'));
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await settle(page);
			await page.screenshot({ path: `${SHOTS}/board-booking-audit-${locale}-${width}.png`, fullPage: true });
			await context.close();
		});
	}
}

test('staff reach the details by clicking the booking on the board, approve it there, and the board then says confirmed', async ({ browser }) => {
	const date = futureWeekday(2, 7);
	const id = await bookAs(SCHOOL.email, rooms['Large Meeting Room']!.id, date, '09:00', '10:00', '승인 확인용 신청', 'approve');
	const context = await openContext(browser, { locale: 'en', as: FACILITY });
	const page = await context.newPage();
	await page.goto(`/board?date=${date}`);
	await cellOf(page, rooms['Large Meeting Room']!.id).getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`/board/bookings/${id}`));
	await hydrated(page);
	await page.getByRole('button', { name: t('en', 'boardops_approve') }).click();
	await expect(page.getByRole('status').filter({ hasText: t('en', 'boardops_done_approved') })).toBeVisible();
	await page.goto(`/board?date=${date}`);
	await expect(cellOf(page, rooms['Large Meeting Room']!.id)).toContainText(t('en', 'board_status_confirmed'));
	await context.close();
});

test('a move by keyboard to another room: checked, confirmed, e-mailed, shown on the room page at once, and undone', async ({ browser }) => {
	const from = rooms['Meeting Room B']!.id;
	const to = rooms['Meeting Room A']!.id;
	const id = await bookAs(EDU.email, from, NEAR, '10:00', '11:00', EDU_PURPOSE, 'move');
	// Something already in the other room, to be refused by name.
	await bookAs(SCHOOL.email, to, NEAR, '16:00', '17:00', '다른 예약', 'blocker');
	const context = await openContext(browser, { locale: 'ko', as: FACILITY });
	const page = await context.newPage();
	await page.goto(`/board/bookings/${id}`);
	await hydrated(page);
	const form = page.locator('#move');
	// The times are choices on the room's grid (30 minutes), 24-hour, as in the booking form.
	const start = form.getByLabel(t('ko', 'boardops_move_start'));
	await expect(start).toHaveJSProperty('tagName', 'SELECT');
	const offered = await start.locator('option').allTextContents();
	expect(offered).toContain('16:30');
	expect(offered).not.toContain('16:15');
	expect(offered.filter((o) => /^\d\d:\d\d$/.test(o)).every((o) => Number(o.slice(3)) % 30 === 0)).toBe(true);
	// Another room's grid follows the room chosen: the video-conference room books in 15 minutes.
	await form.getByLabel(t('ko', 'col_room')).selectOption(rooms['Video Conference Room']!.id);
	await expect(start.locator('option', { hasText: '16:15' })).toHaveCount(1);
	await form.getByLabel(t('ko', 'col_room')).selectOption(to);
	await expect(start.locator('option', { hasText: '16:15' })).toHaveCount(0);
	await start.selectOption('16:30');
	await form.getByLabel(t('ko', 'boardops_move_end')).selectOption('17:30');
	await form.getByRole('button', { name: t('ko', 'boardops_move_check') }).focus();
	await page.keyboard.press('Enter');
	// Taken: said with the taken time, values kept, nothing moved.
	await expect(form.getByText(/16:00–17:00/)).toBeVisible();
	await expect(form.getByLabel(t('ko', 'boardops_move_start'))).toHaveValue('16:30');
	await expect(form.getByLabel(t('ko', 'col_room'))).toHaveValue(to);

	await form.getByLabel(t('ko', 'boardops_move_start')).selectOption('14:00');
	await form.getByLabel(t('ko', 'boardops_move_end')).selectOption('15:00');
	await form.getByLabel(t('ko', 'col_room')).selectOption(to);
	await form.getByRole('button', { name: t('ko', 'boardops_move_check') }).focus();
	await page.keyboard.press('Enter');
	const confirm = page.getByRole('region', { name: t('ko', 'boardops_confirm_title') });
	await expect(confirm).toContainText('중회의실 A');
	await expect(confirm).toContainText('14:00–15:00');
	expect(await axeViolations(page)).toEqual([]);
	await confirm.getByRole('button', { name: t('ko', 'boardops_confirm_move') }).focus();
	await page.keyboard.press('Enter');
	const moved = page.locator('#moved');
	await expect(moved).toContainText('중회의실 A');
	await expect(page.getByRole('button', { name: t('ko', 'boardops_undo') })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
	await settle(page);
	await page.screenshot({ path: `${SHOTS}/board-moved-ko-1280.png`, fullPage: true });

	// The room page's "next 14 days" of the new room lists it at once; the old room's does not.
	const roomPage = await context.newPage();
	await roomPage.goto(`/rooms/${to}`);
	await expect(roomPage.locator('main')).toContainText(EDU_PURPOSE);
	await roomPage.goto(`/rooms/${from}`);
	await expect(roomPage.locator('main')).not.toContainText(EDU_PURPOSE);

	// Undo puts it back.
	await page.getByRole('button', { name: t('ko', 'boardops_undo') }).click();
	await expect(page.getByRole('status').filter({ hasText: t('ko', 'boardops_done_undone') })).toBeVisible();
	await expect(page.locator('main')).toContainText('중회의실 B');
	await roomPage.goto(`/rooms/${from}`);
	await expect(roomPage.locator('main')).toContainText(EDU_PURPOSE);

	// The audit trail lists both moves with before and after.
	await page.goto(`/board/bookings/${id}/audit`);
	await expect(page.getByRole('row').filter({ hasText: t('ko', 'boardops_action_move') })).toHaveCount(2);
	await context.close();

	// The booker was told (twice: the move and the undo) through the outbox.
	const admin = await openContext(browser, { locale: 'ko', as: ADMIN });
	const outbox = await admin.newPage();
	await outbox.goto('/admin/outbox');
	const mails = outbox.getByRole('row').filter({ hasText: EDU.email }).filter({ hasText: t('ko', 'email_booking_moved_subject') });
	expect(await mails.count()).toBeGreaterThanOrEqual(2);
	await admin.close();
});

test('the move form works without JavaScript: 24-hour choices on the room’s grid, checked and confirmed', async ({ browser }) => {
	const id = await bookAs(EDU.email, rooms['Small Meeting Room 1']!.id, NEAR, '09:00', '10:00', '옮기기 (스크립트 없이)', 'move-nojs');
	const context = await openContext(browser, { locale: 'en', as: FACILITY, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/board/bookings/${id}`);
	const form = page.locator('#move');
	const start = form.getByLabel(t('en', 'boardops_move_start'));
	await expect(start).toHaveValue('09:00');
	const offered = await start.locator('option').allTextContents();
	expect(offered.slice(0, 3)).toEqual([t('en', 'field_time_choose'), '09:00', '09:30']);
	expect(offered).not.toContain('9:00 AM');
	await start.selectOption('10:30');
	await form.getByLabel(t('en', 'boardops_move_end')).selectOption('11:30');
	await form.getByRole('button', { name: t('en', 'boardops_move_check') }).click();
	const confirm = page.getByRole('region', { name: t('en', 'boardops_confirm_title') });
	await expect(confirm).toContainText('10:30–11:30');
	await confirm.getByRole('button', { name: t('en', 'boardops_confirm_move') }).click();
	await expect(page.locator('#moved')).toBeVisible();
	await expect(page.locator('main')).toContainText('10:30–11:30');
	await context.close();
});

test('the move API takes another room too, and a clash there is a 409 naming the held time', async () => {
	const id = await bookAs(EDU.email, rooms['Meeting Room B']!.id, NEAR, '11:30', '12:00', 'API 옮기기', 'api-move');
	await bookAs(SCHOOL.email, rooms['Small Meeting Room 1']!.id, NEAR, '13:00', '14:00', 'API 막기', 'api-block');
	const staff = await signedIn(BASE_URL, FACILITY.email, 'en');
	const clash = await staff.post(`/api/v1/reservations/${id}/move`, {
		data: { start: seoul(NEAR, '13:30'), end: seoul(NEAR, '14:00'), roomId: rooms['Small Meeting Room 1']!.id }
	});
	expect(clash.status()).toBe(409);
	expect((await clash.json()).conflicts).toEqual([
		expect.objectContaining({ start: new Date(seoul(NEAR, '13:00')).toISOString(), end: new Date(seoul(NEAR, '14:00')).toISOString() })
	]);
	const moved = await staff.post(`/api/v1/reservations/${id}/move`, {
		data: { start: seoul(NEAR, '14:00'), end: seoul(NEAR, '14:30'), roomId: rooms['Small Meeting Room 1']!.id }
	});
	expect(moved.status()).toBe(200);
	expect((await moved.json()).roomId).toBe(rooms['Small Meeting Room 1']!.id);
	await staff.dispose();
});

test('staff cancel with a reason (an empty one is refused, the form kept)', async ({ browser }) => {
	const id = await bookAs(EDU.email, rooms['Meeting Room B']!.id, futureWeekday(2, 7), '13:00', '14:00', '취소 확인용', 'cancel');
	const context = await openContext(browser, { locale: 'en', as: FACILITY, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/board/bookings/${id}`);
	const reason = page.getByLabel(t('en', 'boardops_cancel_reason_label'));
	await reason.fill('   ');
	await page.getByRole('button', { name: t('en', 'boardops_cancel_submit') }).click();
	await expect(page.locator('main')).toContainText(t('en', 'boardops_cancel_reason_required'));
	await page.getByLabel(t('en', 'boardops_cancel_reason_label')).fill('Power maintenance');
	await page.getByRole('button', { name: t('en', 'boardops_cancel_submit') }).click();
	await expect(page.locator('main')).toContainText(t('en', 'boardops_done_cancelled'));
	await expect(page.locator('main')).toContainText('Power maintenance');
	await context.close();
});

test('the open board shows someone else’s new booking within seconds, without a reload', async ({ browser }) => {
	const date = futureWeekday(4, 6);
	const context = await openContext(browser, { locale: 'en' });
	const page = await context.newPage();
	await page.goto(`/board?date=${date}`);
	await hydrated(page);
	const roomId = rooms['Small Meeting Room 1']!.id;
	await expect(cellOf(page, roomId)).toHaveCount(0);
	await page.evaluate(() => ((window as unknown as { boardMark: number }).boardMark = 1));
	await bookAs(EDU.email, roomId, date, '09:00', '10:00', '새로 고침 확인용', 'live');
	await expect(cellOf(page, roomId)).toContainText('09:00–10:00', { timeout: 15_000 });
	// The same page, not a reload.
	expect(await page.evaluate(() => (window as unknown as { boardMark?: number }).boardMark)).toBe(1);
	const bad = await page.request.get('/board/version?date=2027-02-30');
	expect(bad.status()).toBe(422);
	await context.close();
});

test('the wall-screen mode is read-only: no site navigation, no links to act, no who or what, even for staff; axe-clean', async ({ browser }) => {
	for (const width of WIDTHS) {
		const context = await openContext(browser, { locale: 'ko', as: FACILITY, width });
		const page = await context.newPage();
		await page.goto(`/board?date=${DAY}&display=1`);
		await expect(page.locator('h1')).toHaveCount(1);
		await expect(page.locator('header.site-header')).toBeHidden();
		await expect(page.locator('main a[href^="/book"], main a[href^="/board/bookings/"]')).toHaveCount(0);
		// Nothing on the board itself is a link (room names included); only the way out of the mode is.
		await expect(page.locator('main section a')).toHaveCount(0);
		await expect(page.locator('main a')).toHaveCount(1);
		await expect(page.locator('main a')).toHaveText(t('ko', 'boardops_display_exit'));
		await expect(page.locator('main form')).toHaveCount(0);
		// Busy/free only: "mine" never appears, so the legend does not offer it.
		await expect(page.getByRole('list', { name: t('ko', 'board_legend_title') })).not.toContainText(t('ko', 'board_mine'));
		expect(await page.content()).not.toContain(PENDING_PURPOSE);
		await expect(cellOf(page, rooms['Large Meeting Room']!.id)).toContainText('15:00–17:00');
		expect(await axeViolations(page)).toEqual([]);
		await settle(page);
		await page.screenshot({ path: `${SHOTS}/board-display-ko-${width}.png`, fullPage: true });
		// The week on the wall screen: no day or room links either, and no "mine".
		await page.goto(`/board?date=${DAY}&view=week&display=1`);
		await expect(page.locator('main section a')).toHaveCount(0);
		await expect(page.getByRole('list', { name: t('ko', 'board_legend_title') })).not.toContainText(t('ko', 'board_mine'));
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	}
});

test('the print view of the day: the table without the site’s chrome or the controls', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', as: FACILITY });
	const page = await context.newPage();
	await page.goto(`/board?date=${DAY}`);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.site-header')).toBeHidden();
	await expect(page.locator('.toolbar')).toBeHidden();
	await expect(page.getByRole('table')).toBeVisible();
	await settle(page);
	await page.screenshot({ path: `${SHOTS}/board-print-en.png`, fullPage: true });
	await context.close();
});

test('on a phone the week board opens at the day asked (the page’s default date is today): that day right after the room column', async ({ browser }) => {
	const wednesday = futureWeekday(3, 4);
	const context = await openContext(browser, { locale: 'ko', width: 360 });
	const page = await context.newPage();
	await page.goto(`/board?view=week&date=${wednesday}`);
	await hydrated(page);
	const day = page.locator(`th[data-date="${wednesday}"]`);
	const roomHead = page.locator('th.room-head');
	await expect
		.poll(async () => Math.abs((await day.boundingBox())!.x - ((await roomHead.boundingBox())!.x + (await roomHead.boundingBox())!.width)))
		.toBeLessThan(2);
	await settle(page);
	await page.screenshot({ path: `${SHOTS}/board-week-phone-ko-360.png` });
	await context.close();
});

test('the room calendar: mine, others’ and pending look different; closed hours greyed; the day starts at opening; the phone hint fits the list', async ({ browser }) => {
	const roomId = rooms['Large Meeting Room']!.id;
	await bookAs(SCHOOL.email, roomId, NEAR, '14:00', '15:00', '달력 확인용 (내 신청)', 'cal-mine');
	await bookAs(EDU.email, roomId, NEAR, '10:00', '11:00', '달력 확인용 (다른 사람)', 'cal-other');
	const context = await openContext(browser, { locale: 'ko', as: SCHOOL });
	const page = await context.newPage();
	await page.clock.setFixedTime(new Date(seoul(NEAR, '08:00')));
	await page.goto(`/rooms/${roomId}`);
	const calendar = page.locator('.room-calendar');
	await expect(calendar.locator('.is-mine').first()).toBeVisible({ timeout: 20_000 });
	await expect(calendar.locator('.is-others').first()).toBeVisible();
	await expect(calendar.locator('.is-requested').first()).toBeVisible();
	await expect(calendar.locator('.is-requested').first()).toContainText(t('ko', 'board_status_requested'));
	await expect(calendar.locator('.is-closed-time').first()).toBeAttached();
	// The first time slot is the opening time.
	await expect(calendar.getByText('09:00', { exact: true }).first()).toBeVisible();
	await expect(calendar.getByText('08:00', { exact: true })).toHaveCount(0);
	await expect(page.locator('.hint-wide')).toBeVisible();
	await context.close();

	const phone = await openContext(browser, { locale: 'ko', as: SCHOOL, width: 360 });
	const small = await phone.newPage();
	await small.goto(`/rooms/${roomId}`);
	await expect(small.locator('.hint-phone')).toBeVisible();
	await expect(small.locator('.hint-wide')).toBeHidden();
	await expect(small.locator('.hint-phone')).not.toContainText('끌');
	await phone.close();
});

test('high contrast: the board’s states still read (words, outlines, hatching) and pass axe', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: FACILITY, contrast: 'high' });
	const page = await context.newPage();
	await page.goto(`/board?date=${DAY}`);
	await expect(cellOf(page, rooms['Large Meeting Room']!.id)).toContainText(t('ko', 'board_status_requested'));
	expect(await axeViolations(page)).toEqual([]);
	await settle(page);
	await page.screenshot({ path: `${SHOTS}/board-high-contrast-ko-1280.png`, fullPage: true });
	await context.close();
});
