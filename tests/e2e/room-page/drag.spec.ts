import { request, type Page } from '@playwright/test';
import { futureWeekday, seoul } from '../api/servers';
import { formatDateTime } from '../../../src/lib/time/format';
import { ACCOUNTS, BASE_URL, expect, openContext, t, test } from '../fixtures';

/** Facility staff drag a booking in the room calendar (FullCalendar): the server checks every move. */
const FACILITY = ACCOUNTS.find((a) => a.email === 'facility@center.test')!;

test('facility staff drag a booking to a free time (saved), then onto another booking (refused, put back, and said why)', async ({ browser }) => {
	const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'accept-language': 'en' } });
	const rooms = (await (await api.get('/api/v1/rooms')).json()).rooms as { id: string; name: string }[];
	const roomId = rooms.find((r) => r.name === 'Consultation Room 3')!.id;
	expect((await api.post('/api/v1/session', { data: { email: FACILITY.email, password: 'center-demo' } })).status()).toBe(201);
	const date = futureWeekday(2, 1);
	const book = async (from: string, to: string, purpose: string) => {
		const response = await api.post('/api/v1/reservations', {
			headers: { 'idempotency-key': `drag-${purpose.replace(/\W/g, '')}-${date}-${Date.now()}` },
			data: { roomId, start: seoul(date, from), end: seoul(date, to), purpose, attendees: 3 }
		});
		expect(response.status()).toBe(201);
		return ((await response.json()) as { id: string }).id;
	};
	const moving = await book('10:00', '11:00', 'Dragged meeting');
	await book('14:00', '15:00', 'Fixed meeting');
	const heldTimes = async () => {
		const response = await api.get(`/api/v1/rooms/${roomId}/availability?from=${encodeURIComponent(seoul(date, '00:00'))}&to=${encodeURIComponent(seoul(date, '23:59'))}`);
		const busy = ((await response.json()) as { busy: { id?: string; bookingStart?: string; bookingEnd?: string }[] }).busy;
		const row = busy.find((b) => b.id === moving)!;
		return [new Date(row.bookingStart!).toISOString(), new Date(row.bookingEnd!).toISOString()];
	};
	const at = (time: string) => new Date(seoul(date, time)).toISOString();

	const context = await openContext(browser, { locale: 'en', width: 1280, as: FACILITY });
	const page = await context.newPage();
	await page.goto(`/rooms/${roomId}`);
	const calendar = page.locator('.room-calendar');
	await expect(calendar.getByRole('button', { name: 'Next Week' })).toBeVisible({ timeout: 20_000 });
	for (let i = 0; i < 3 && !(await calendar.locator(`[data-date="${date}"]`).count()); i++)
		await calendar.getByRole('button', { name: 'Next Week' }).click();
	const event = calendar.getByText('Dragged meeting', { exact: true });
	await expect(event).toBeVisible();

	// To 12:00–13:00: free, so the server moves it.
	await dragBy(page, event, (await slotTop(page, '12:00:00')) - (await slotTop(page, '10:00:00')));
	await expect(page.getByRole('status').filter({ hasText: t('en', 'room_calendar_moved', { title: 'Dragged meeting' }) })).toBeVisible();
	expect(await heldTimes()).toEqual([at('12:00'), at('13:00')]);

	// Onto 14:00–15:00, where the other meeting is: refused with the reason, and the event goes back.
	// Where the event sits relative to the 12:00 row (independent of scrolling).
	const offsetFromNoon = async () => (await event.boundingBox())!.y - (await slotTop(page, '12:00:00'));
	const before = await offsetFromNoon();
	await dragBy(page, event, (await slotTop(page, '14:00:00')) - (await slotTop(page, '12:00:00')));
	const status = page.getByRole('status').filter({ hasText: t('en', 'room_calendar_move_refused') });
	await expect(status).toBeVisible();
	// Named with its date, as a drag may cross days.
	await expect(status).toContainText(t('en', 'book_conflict_with', { from: formatDateTime(at('14:00'), 'en'), to: '15:00' }));
	await expect.poll(offsetFromNoon).toBeCloseTo(before, 0);
	expect(await heldTimes()).toEqual([at('12:00'), at('13:00')]);
	await context.close();
	await api.dispose();
});

/** Top of the time grid's row for a time of day ("12:00:00"), in page pixels. */
async function slotTop(page: Page, time: string): Promise<number> {
	const box = await page.locator(`.room-calendar [data-time="${time}"]`).first().boundingBox();
	return box!.y;
}

/** Press on the element, move in small steps (FullCalendar needs a few pixels to start a drag), release. */
async function dragBy(page: Page, element: import('@playwright/test').Locator, dy: number) {
	// Mouse positions are viewport positions: bring the event (and the rows below it) into view.
	await element.evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
	const box = (await element.boundingBox())!;
	const x = box.x + box.width / 2;
	const y = box.y + box.height / 2;
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x, y + 8, { steps: 4 });
	await page.mouse.move(x, y + dy, { steps: 12 });
	await page.mouse.up();
}
