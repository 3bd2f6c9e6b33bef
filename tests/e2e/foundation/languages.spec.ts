import type { Page } from '@playwright/test';
import { ACCOUNTS, ADMIN, LOCALES, SCHOOL, expect, openContext, test, userIdOf, type Account, type Locale } from '../fixtures';
import { visitWeekdays } from '../visits/dates';

/**
 * Every page in both languages, for the other script: no Hangul on an English page, no
 * untranslated English word on a Korean page. Text marked with its own `lang` (the language
 * switch's "English" / "한국어") is the other language on purpose and is skipped, and so are
 * people's own words, marked translate="no" (names, purposes, reasons, e-mails as sent). The pages are
 * those of src/routes, reached as the role that may see them.
 */
test.describe.configure({ mode: 'parallel' });

const FACILITY = ACCOUNTS.find((a) => a.role === 'facility_manager')!;

/** Data that stays as written in either language: people's names as the seed writes them. */
const NAMES = ACCOUNTS.map((a) => a.name);

/** Latin words that belong on a Korean page: codes, formats, product and standard names. */
const LATIN_ALLOWED = new Set([
	'KRDS', 'API', 'IP', 'JSON', 'OpenAPI', 'ICS', 'CSV', 'PDF', 'URL', 'ID', 'QR', 'NEIS', 'HDMI', 'USB', 'PC', 'TV', 'Wi', 'Fi',
	'PretendardGOV', 'SMTP', 'ics', 'Swagger', 'Zoom', 'Webex', 'ISO', 'YYYY', 'MM', 'DD', 'HH', 'mm', 'ss', 'Idempotency', 'Key',
	// File formats and units a Korean page names as they are (the photo upload's hint).
	'JPEG', 'PNG', 'WebP', 'MB', 'GPS'
]);

async function firstRoomPath(page: Page, prefix: '/rooms' | '/facility/rooms'): Promise<string> {
	await page.goto(prefix);
	const href = await page.locator(`main a[href^="${prefix}/"]:not([href$="/new"])`).first().getAttribute('href');
	expect(href, `a room link on ${prefix}`).toBeTruthy();
	return href!.split('?')[0]!;
}

/** The edit page of a booking the school user makes for it (a Wednesday weeks ahead, through the API). */
async function ownBookingEditPath(page: Page, attempt = 0): Promise<string> {
	const rooms = (await (await page.request.get('/api/v1/rooms')).json()).rooms as { id: string; name: string }[];
	const room = rooms.find((r) => /Meeting Room B|중회의실 B/.test(r.name))!;
	const day = new Date(Date.now() + (50 + 7 * (attempt % 4)) * 86_400_000);
	while (day.getUTCDay() !== 3) day.setUTCDate(day.getUTCDate() + 1);
	const date = day.toISOString().slice(0, 10);
	const hour = String(9 + ((attempt + Math.floor(Math.random() * 8)) % 8)).padStart(2, '0');
	const response = await page.request.post('/api/v1/reservations', {
		headers: { 'idempotency-key': `e2e-languages-${crypto.randomUUID()}` },
		data: { roomId: room.id, start: `${date}T${hour}:00:00+09:00`, end: `${date}T${hour}:30:00+09:00`, purpose: '언어 확인', attendees: 1 }
	});
	// Taken, or a public holiday: another time.
	if (response.status() !== 201 && attempt < 12) return ownBookingEditPath(page, attempt + 1);
	expect(response.status(), await response.text()).toBe(201);
	return `/my/bookings/${(await response.json()).id}/edit`;
}

/** The private page of a visit request made through the public API for it (a weekday weeks ahead). */
async function visitStatusPath(page: Page): Promise<string> {
	const [date] = visitWeekdays(45);
	const response = await page.request.post('/api/v1/visits', {
		data: {
			organization: '언어 확인 교육청', organizationKind: 'office', region: 'busan', contactName: '언어 확인', email: `languages-${crypto.randomUUID().slice(0, 8)}@example.org`,
			phone: '051-000-0000', groupSize: 5, preferredDates: [{ date: date!, period: 'pm' }], departments: ['facility'],
			purpose: '언어 확인', accessibilityNeeds: '', consent: true
		}
	});
	expect(response.status(), await response.text()).toBe(201);
	return new URL((await response.json()).manageUrl).pathname;
}

/** The itinerary page of a visit confirmed through the coordinators' API (a weekday weeks ahead; another when that day is full). */
async function itineraryPath(page: Page, attempt = 0): Promise<string> {
	const reference = (await (await page.request.get((await visitStatusPath(page)).replace('/visits/status/', '/api/v1/visits/'))).json()).reference;
	const inbox = await (await page.request.get('/api/v1/visit-requests?status=new')).json();
	const id = inbox.items.find((i: { reference: string }) => i.reference === reference).id;
	const [date] = visitWeekdays(60 + Math.floor(Math.random() * 90));
	const confirmed = await page.request.post(`/api/v1/visit-requests/${id}/confirm`, { data: { date, period: 'am' } });
	if (confirmed.status() === 409 && attempt < 5) return itineraryPath(page, attempt + 1);
	expect(confirmed.status(), await confirmed.text()).toBe(200);
	return `/visits/${id}/itinerary`;
}

const PAGES: { name: string; as: Account | null; path: string | ((page: Page) => Promise<string>) }[] = [
	{ name: 'home', as: null, path: '/' },
	{ name: 'sign-in', as: null, path: '/login' },
	{ name: 'password reset', as: null, path: '/password-reset' },
	{ name: 'privacy policy', as: null, path: '/privacy' },
	{ name: 'copyright policy', as: null, path: '/copyright' },
	{ name: 'no e-mail collection', as: null, path: '/no-email-collection' },
	{ name: 'board (day)', as: null, path: '/board' },
	{ name: 'board (week)', as: null, path: '/board?view=week' },
	// Fixed dates with public holidays (Christmas; 설날 2027), so holiday names are read in both languages.
	{ name: 'board on a holiday', as: null, path: '/board?date=2026-12-25' },
	{ name: 'board, a week with holidays', as: null, path: '/board?view=week&date=2027-02-08' },
	{ name: 'rooms', as: null, path: '/rooms' },
	{ name: 'a door display', as: null, path: async (page) => (await firstRoomPath(page, '/rooms')).replace('/rooms/', '/display/rooms/') },
	{ name: 'a room', as: null, path: (page) => firstRoomPath(page, '/rooms') },
	{ name: 'display preferences', as: null, path: '/preferences' },
	{ name: 'request a visit', as: null, path: '/visits/request' },
	{ name: "a visit request's private page", as: null, path: visitStatusPath },
	{ name: 'not found', as: null, path: '/no-such-page' },
	{ name: 'dashboard (school)', as: SCHOOL, path: '/dashboard' },
	{ name: 'book', as: SCHOOL, path: '/book' },
	{ name: 'my bookings', as: SCHOOL, path: '/my/bookings' },
	{ name: "the school's history", as: SCHOOL, path: '/history' },
	{ name: "the school's past", as: SCHOOL, path: '/history?period=past&kind=consultation' },
	{ name: 'request a consultation', as: SCHOOL, path: '/consultations' },
	{ name: "the school's consultations", as: SCHOOL, path: '/consultations/mine' },
	{ name: 'edit a booking', as: SCHOOL, path: ownBookingEditPath },
	{ name: 'book (facility, on behalf of a school)', as: FACILITY, path: '/book' },
	{ name: 'account', as: SCHOOL, path: '/account' },
	{ name: 'sign-out', as: SCHOOL, path: '/logout' },
	{ name: 'dashboard (facility)', as: FACILITY, path: '/dashboard' },
	{ name: 'approvals', as: FACILITY, path: '/facility/approvals' },
	{ name: 'closures', as: FACILITY, path: '/facility/closures' },
	{ name: 'facility rooms', as: FACILITY, path: '/facility/rooms' },
	{ name: 'facility room', as: FACILITY, path: (page) => firstRoomPath(page, '/facility/rooms') },
	{ name: 'new room', as: FACILITY, path: '/facility/rooms/new' },
	{ name: 'dashboard (admin)', as: ADMIN, path: '/dashboard' },
	{ name: 'users', as: ADMIN, path: '/admin/users' },
	{ name: 'new user', as: ADMIN, path: '/admin/users/new' },
	{ name: 'outbox', as: ADMIN, path: '/admin/outbox' },
	{ name: 'departments', as: ADMIN, path: '/admin/departments' },
	{ name: 'a department', as: ADMIN, path: '/admin/departments/education' },
	{ name: 'visit requests', as: ADMIN, path: '/visits' },
	{ name: 'visit days', as: ADMIN, path: '/visits/calendar?month=2027-02' },
	{ name: 'visit check-in', as: ADMIN, path: '/visits/checkin' },
	{ name: "a confirmed visit's itinerary (coordinators)", as: ADMIN, path: itineraryPath },
	{
		name: 'a visit request (coordinators)',
		as: ADMIN,
		path: async (page) => {
			await visitStatusPath(page);
			await page.goto('/visits');
			const href = await page.locator('main a[href^="/visits/"]').first().getAttribute('href');
			expect(href, 'a request in the inbox').toBeTruthy();
			return href!;
		}
	}
];

/** Visible text and the attributes people hear (aria-label, title, placeholder, alt), skipping text marked with another lang. */
async function pageWords(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const pageLang = document.documentElement.lang;
		// Text in another lang on purpose, or people's own words (translate="no": names, purposes, e-mails as sent).
		const foreign = (el: Element | null) => {
			if (el?.closest('[translate="no"]')) return true;
			const marked = el?.closest('[lang]');
			return Boolean(marked && marked.getAttribute('lang') !== pageLang);
		};
		const out: string[] = [document.title];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement;
			if (!parent || parent.closest('script, style, noscript, template') || foreign(parent)) continue;
			const text = node.textContent?.trim();
			if (text) out.push(text);
		}
		// People's words the page shows marked translate="no" (a user's name in a table cell) also
		// appear inside labels ("Manage 오민지"): they are data there too.
		const ownWords = Array.from(document.querySelectorAll('[translate="no"]'))
			.map((el) => el.textContent?.trim() ?? '')
			.filter((text) => text.length > 1)
			.sort((a, b) => b.length - a.length);
		for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]'))) {
			if (foreign(el)) continue;
			for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
				let value = el.getAttribute(name)?.trim();
				for (const words of ownWords) value = value?.replaceAll(words, '');
				if (value?.trim()) out.push(value);
			}
		}
		return out;
	});
}

function offending(locale: Locale, texts: string[]): string[] {
	const found = new Set<string>();
	for (const raw of texts) {
		let text = raw;
		for (const name of NAMES) text = text.replaceAll(name, '');
		// E-mail addresses, URLs and codes such as "r-101" or "R-101" are data, not words.
		text = text.replace(/[\w.+-]+@[\w.-]+/g, '').replace(/https?:\/\/\S+/g, '').replace(/\b[A-Za-z]+-[a-z0-9]+\b/g, '');
		if (locale === 'en') {
			for (const match of text.matchAll(/[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]+/g)) found.add(`${match[0]}  ← “${raw.slice(0, 80)}”`);
		} else {
			for (const match of text.matchAll(/[A-Za-z]{2,}/g)) {
				if (!LATIN_ALLOWED.has(match[0])) found.add(`${match[0]}  ← “${raw.slice(0, 80)}”`);
			}
		}
	}
	return [...found];
}

for (const locale of LOCALES) {
	test(`every page in ${locale === 'en' ? 'English has no Hangul' : 'Korean has no untranslated English word'}`, async ({ browser }) => {
		test.setTimeout(240_000);
		const report: string[] = [];
		for (const as of [null, SCHOOL, FACILITY, ADMIN]) {
			const context = await openContext(browser, { locale, as });
			const page = await context.newPage();
			try {
				const pages = PAGES.filter((p) => p.as === as);
				if (as === ADMIN) pages.push({ name: 'a user', as, path: `/admin/users/${await userIdOf(browser, SCHOOL.email)}` });
				// Sign-out last: it ends the session.
				pages.sort((a, b) => Number(a.path === '/logout') - Number(b.path === '/logout'));
				for (const entry of pages) {
					const path = typeof entry.path === 'string' ? entry.path : await entry.path(page);
					await page.goto(path);
					await expect(page.locator('html')).toHaveAttribute('lang', locale);
					for (const word of offending(locale, await pageWords(page))) report.push(`${entry.name} (${path}): ${word}`);
				}
			} finally {
				await context.close();
			}
		}
		expect(report).toEqual([]);
	});
}
