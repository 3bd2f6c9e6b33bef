/** /display/rooms/{id}: a tablet beside the door, no sign-in, busy/free only, refreshing itself. */
import { LOCALES, axeViolations, expect, horizontalOverflow, openContext, t, test } from '../fixtures';
import { roomIds } from '../facility/helpers';

test('shows the room, its state in words, the next booking and a QR code to book it, without the site header, refreshing itself', async ({ browser }) => {
	const rooms = await roomIds();
	const id = rooms['Meeting Room B']!;
	for (const locale of LOCALES) {
		const context = await openContext(browser, { locale });
		const page = await context.newPage();
		await page.goto(`/display/rooms/${id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'ko' ? '중회의실 B' : 'Meeting Room B');
		await expect(page.locator('header.site-header')).toHaveCount(0);
		await expect(page.getByRole('navigation')).toHaveCount(0);
		// Without JavaScript a refresh every minute; with it, the page reloads its data in place.
		expect(await page.content()).toMatch(/<noscript><meta http-equiv="refresh" content="60"/);
		const states = ['door_state_free', 'door_state_busy', 'door_state_closed', 'door_state_closure'].map((k) => t(locale, k));
		await expect(page.locator('#door-state')).toHaveText(new RegExp(states.join('|')));
		const qr = page.getByRole('img', { name: t(locale, 'door_qr_label', { room: locale === 'ko' ? '중회의실 B' : 'Meeting Room B' }) });
		await expect(qr.locator('svg')).toBeVisible();
		await expect(page.locator('.door-url')).toHaveText(new RegExp(`/book\\?room=${id}$`));
		for (const width of [1280, 360]) {
			await page.setViewportSize({ width, height: width < 600 ? 740 : 800 });
			expect.soft(await axeViolations(page), `${locale} ${width}`).toEqual([]);
			expect.soft(await horizontalOverflow(page), `${locale} ${width}`).toEqual([]);
		}
		await context.close();
	}
});

test('takes in a change within its refresh: the page asks the server again every minute', async ({ browser }) => {
	const rooms = await roomIds();
	const context = await openContext(browser);
	const page = await context.newPage();
	await page.clock.install();
	await page.goto(`/display/rooms/${rooms['Meeting Room B']!}`);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const asked = page.waitForRequest((r) => r.url().includes('/display/rooms/') && r.url().includes('__data.json'));
	await page.clock.runFor(61_000);
	await asked;
	await context.close();
});

test('answers 404 for a room that does not exist', async ({ browser }) => {
	const context = await openContext(browser);
	const page = await context.newPage();
	const response = await page.goto('/display/rooms/00000000-0000-4000-8000-000000000000');
	expect(response?.status()).toBe(404);
	await context.close();
});
