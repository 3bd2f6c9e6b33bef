import { randomBytes } from 'node:crypto';
import { request } from '@playwright/test';
import sharp from 'sharp';
import { ACCOUNTS, BASE_URL, axeViolations, expect, horizontalOverflow, hydrated, openContext, t, test, type Locale } from '../fixtures';

const FACILITY = ACCOUNTS.find((a) => a.email === 'facility@center.test')!;
const ROOM = 'Meeting Room A';
const ALT = { ko: '창가에 긴 책상이 놓인 중회의실 A', en: 'Meeting Room A with a long table by the window' };

let roomId = '';
let jpeg: Buffer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'accept-language': 'en' } });
	const rooms = (await (await api.get('/api/v1/rooms')).json()).rooms as { id: string; name: string }[];
	roomId = rooms.find((r) => r.name === ROOM)!.id;
	await api.dispose();
	// A small landscape photo with a gradient, made here rather than kept as a binary fixture.
	const width = 960;
	const height = 640;
	const pixels = Buffer.alloc(width * height * 3);
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) pixels.set([40 + (x * 160) / width, 110, 90 + (y * 140) / height], (y * width + x) * 3);
	jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
});

const uploadForm = (page: import('@playwright/test').Page) => page.locator('form[action="?/photo"]');

test('a file that is not a photo is refused next to the file field, without JavaScript, keeping the alt text', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: FACILITY, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/facility/rooms/${roomId}`);
	const form = uploadForm(page);
	await expect(page.getByRole('heading', { level: 2, name: t('ko', 'facility_photos_title') })).toBeVisible();
	await form.getByLabel(t('ko', 'facility_photo_file')).setInputFiles({ name: 'room.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('회의록 메모입니다. 사진이 아닙니다.\n') });
	await form.getByLabel(t('ko', 'facility_photo_alt_ko')).fill(ALT.ko);
	await form.getByLabel(t('ko', 'facility_photo_alt_en')).fill(ALT.en);
	await form.getByRole('button', { name: t('ko', 'facility_photo_submit') }).click();
	const refused = uploadForm(page);
	await expect(refused.getByText(t('ko', 'facility_photo_unreadable'), { exact: true })).toBeVisible();
	await expect(refused.getByLabel(t('ko', 'facility_photo_file'))).toHaveAttribute('aria-invalid', 'true');
	await expect(refused.getByLabel(t('ko', 'facility_photo_alt_ko'))).toHaveValue(ALT.ko);
	await expect(refused.getByLabel(t('ko', 'facility_photo_alt_en'))).toHaveValue(ALT.en);
	await expect(page.getByText(t('ko', 'facility_photos_none'))).toBeVisible();
	await context.close();
});

test('a file past the server\'s body limit (BODY_SIZE_LIMIT, 12M here as `npm start` sets it) is a field error, not an error page', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: FACILITY, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/facility/rooms/${roomId}`);
	const form = uploadForm(page);
	await form.getByLabel(t('ko', 'facility_photo_file')).setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(13 * 1024 * 1024, 1) });
	await form.getByLabel(t('ko', 'facility_photo_alt_ko')).fill(ALT.ko);
	await form.getByLabel(t('ko', 'facility_photo_alt_en')).fill(ALT.en);
	const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.getByRole('button', { name: t('ko', 'facility_photo_submit') }).click()]);
	expect(response.status()).toBe(413);
	await expect(uploadForm(page).getByText(t('ko', 'facility_photo_body_too_large'), { exact: true })).toBeVisible();
	await context.close();
});

test('facility staff upload a photo with its alt text; it shows in the list and on the public room page', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'ko', as: FACILITY });
	const page = await context.newPage();
	await page.goto(`/facility/rooms/${roomId}`);
	await hydrated(page);
	const form = uploadForm(page);
	// With JavaScript too, a refused file keeps the alt text.
	await form.getByLabel(t('ko', 'facility_photo_alt_ko')).fill(ALT.ko);
	await form.getByLabel(t('ko', 'facility_photo_alt_en')).fill(ALT.en);
	await form.getByLabel(t('ko', 'facility_photo_file')).setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo') });
	await form.getByRole('button', { name: t('ko', 'facility_photo_submit') }).click();
	await expect(form.getByText(t('ko', 'facility_photo_unreadable'), { exact: true })).toBeVisible();
	await expect(form.getByLabel(t('ko', 'facility_photo_alt_ko'))).toHaveValue(ALT.ko);

	await form.getByLabel(t('ko', 'facility_photo_file')).setInputFiles({ name: 'room.jpg', mimeType: 'image/jpeg', buffer: jpeg });
	await form.getByRole('button', { name: t('ko', 'facility_photo_submit') }).click();
	await expect(page.getByRole('status').filter({ hasText: t('ko', 'facility_photo_added') })).toBeVisible();
	await expect(page.getByRole('heading', { name: t('ko', 'facility_photos_list', { count: 1, max: 8 }) })).toBeVisible();
	const thumb = page.locator('.photo-list img');
	await expect(thumb).toHaveAttribute('alt', ALT.ko);
	await expect(thumb).toHaveAttribute('width', '400');
	await expect(thumb).toHaveAttribute('height', '267');

	// The public room page, signed out, in both languages.
	const visitor = await openContext(browser, { locale: 'ko' });
	const pub = await visitor.newPage();
	await pub.goto(`/rooms/${roomId}`);
	const photo = pub.getByRole('img', { name: ALT.ko });
	await expect(photo).toBeVisible();
	await expect(photo).toHaveAttribute('width', '400');
	await expect(photo).not.toHaveAttribute('loading', 'lazy');
	await expect(photo).toHaveAttribute('srcset', /large\.webp 960w/);
	await expect(pub.getByText('본관 3층 복도 끝 왼쪽')).toBeVisible();
	await expect(pub.getByText(t('ko', 'room_fee_free'), { exact: true })).toBeVisible();
	await expect(pub.getByRole('link', { name: /^전화 044-320-30\d\d$/ })).toHaveAttribute('href', /^tel:044-320-30\d\d$/);
	const src = (await photo.getAttribute('src'))!;
	expect(src).toMatch(new RegExp(`^/rooms/${roomId}/photos/[0-9a-f-]{36}/thumb\\.webp$`));
	for (const url of [src, src.replace('thumb.webp', 'large.webp')]) {
		const response = await pub.request.get(url);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('image/webp');
		expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(response.headers()['etag']).toMatch(/^"[0-9a-f]{64}"$/);
		const meta = await sharp(await response.body()).metadata();
		expect(meta.format).toBe('webp');
		expect(meta.width).toBe(url.endsWith('thumb.webp') ? 400 : 960);
	}
	// Signed in, the same public photo keeps its caching (other answers to staff are private, no-store).
	expect((await page.request.get(src)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	expect((await pub.request.get(src, { headers: { 'if-none-match': (await pub.request.get(src)).headers()['etag']! } })).status()).toBe(304);
	expect((await pub.request.get(src.replace('thumb.webp', 'huge.webp'))).status()).toBe(404);
	expect((await pub.request.get(src.replace(/photos\/[0-9a-f-]{36}/, 'photos/00000000-0000-4000-8000-000000000000'))).status()).toBe(404);

	await visitor.close();
	const english = await openContext(browser, { locale: 'en' });
	const en = await english.newPage();
	await en.goto(`/rooms/${roomId}`);
	await expect(en.getByRole('img', { name: ALT.en })).toBeVisible();
	await en.goto('/rooms');
	const card = en.locator('.room-card').filter({ has: en.getByRole('link', { name: ROOM, exact: true }) });
	await expect(card.locator('img.room-thumb')).toHaveAttribute('src', src);
	await card.scrollIntoViewIfNeeded();
	await en.screenshot({ path: 'tests/e2e/screenshots/room-photos-list-en-1280.png' });
	await english.close();
	await context.close();
});

test('a second photo, phone-sized (several MB), moves in front of the first, then is deleted after its confirmation step', async ({ browser }) => {
	const context = await openContext(browser, { locale: 'en', as: FACILITY });
	const page = await context.newPage();
	await page.goto(`/facility/rooms/${roomId}`);
	await hydrated(page);
	const form = uploadForm(page);
	// What a phone sends: several megabytes, far past adapter-node's own 512 kB default.
	const phone = await sharp(randomBytes(2400 * 1800 * 3), { raw: { width: 2400, height: 1800, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
	expect(phone.byteLength).toBeGreaterThan(2 * 1024 * 1024);
	await form.getByLabel(t('en', 'facility_photo_file')).setInputFiles({ name: 'second.jpg', mimeType: 'image/jpeg', buffer: phone });
	await form.getByLabel(t('en', 'facility_photo_alt_ko')).fill('두 번째 사진');
	await form.getByLabel(t('en', 'facility_photo_alt_en')).fill('Second photo');
	await form.getByRole('button', { name: t('en', 'facility_photo_submit') }).click();
	await expect(page.getByRole('status').filter({ hasText: t('en', 'facility_photo_added') })).toBeVisible();
	const alts = page.locator('.photo-list img');
	await expect(alts).toHaveCount(2);
	await expect(alts.nth(1)).toHaveAttribute('alt', 'Second photo');

	await page.getByRole('button', { name: `${t('en', 'facility_photo_up')} (${t('en', 'facility_photo_position', { n: 2 })})` }).click();
	await expect(page.getByRole('status').filter({ hasText: t('en', 'facility_photo_moved') })).toBeVisible();
	await expect(alts.nth(0)).toHaveAttribute('alt', 'Second photo');

	const first = page.locator('.photo-item').first();
	await first.locator('summary').filter({ hasText: t('en', 'facility_photo_delete') }).click();
	await expect(first.getByText(t('en', 'facility_photo_delete_confirm'))).toBeVisible();
	await first.getByRole('button', { name: new RegExp(t('en', 'facility_photo_delete_submit')) }).click();
	await expect(page.getByRole('status').filter({ hasText: t('en', 'facility_photo_deleted') })).toBeVisible();
	await expect(alts).toHaveCount(1);
	await expect(alts.first()).toHaveAttribute('alt', ALT.en);
	await context.close();
});

for (const locale of ['ko', 'en'] as Locale[]) {
	for (const width of [1280, 360]) {
		test(`the photos pass axe and fit, ${locale} at ${width}px: the facility section and the public room page`, async ({ browser }) => {
			const context = await openContext(browser, { locale, width, as: FACILITY });
			const page = await context.newPage();
			await page.goto(`/facility/rooms/${roomId}`);
			await hydrated(page);
			// A refused upload, so the field errors are checked too.
			const form = uploadForm(page);
			await form.getByLabel(t(locale, 'facility_photo_file')).setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo') });
			await form.getByRole('button', { name: t(locale, 'facility_photo_submit') }).click();
			await expect(form.getByText(t(locale, 'facility_photo_unreadable'), { exact: true })).toBeVisible();
			expect(await axeViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toEqual([]);
			await page.locator('#photos-title').scrollIntoViewIfNeeded();
			await page.screenshot({ path: `tests/e2e/screenshots/room-photos-facility-${locale}-${width}.png`, fullPage: true });

			const visitor = await openContext(browser, { locale, width });
			const pub = await visitor.newPage();
			await pub.goto(`/rooms/${roomId}`);
			await expect(pub.getByRole('img', { name: ALT[locale] })).toBeVisible();
			await expect(pub.locator('.room-calendar button').first()).toBeVisible({ timeout: 20_000 });
			expect(await axeViolations(pub)).toEqual([]);
			expect(await horizontalOverflow(pub)).toEqual([]);
			await pub.screenshot({ path: `tests/e2e/screenshots/room-photos-public-${locale}-${width}.png`, fullPage: true });
			await visitor.close();
			await context.close();
		});
	}
}
