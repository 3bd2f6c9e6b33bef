/**
 * Shared helpers for the end-to-end specs: the demo accounts, the message catalogue (so the
 * tests follow the wording in messages/*.json instead of copying it), and ways to open a page
 * signed in, in a given language and display mode.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { PARTICLE_AFTER_PLACEHOLDER, particleFor, type Particle } from '../../src/lib/i18n/particles';

export { test, expect } from '@playwright/test';

/** E2E_PORT only to run beside another copy of the suite; the default is what CI uses. */
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
export const PASSWORD = 'center-demo';
/** Where the embedded-database app writes the e-mails it sends (MAIL_DIR in playwright.config.ts). */
export const MAIL_DIR = `tests/e2e/.mail-${process.env.E2E_PORT ?? 4173}`;
export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const WIDTHS = [1280, 360] as const;
export type Width = (typeof WIDTHS)[number];

export type Role = 'admin' | 'facility_manager' | 'department_staff' | 'visit_coordinator' | 'school_user';
export interface Account {
	email: string;
	name: string;
	role: Role;
}

/** The demo accounts seeded on first start (src/lib/server/db/seed.ts). */
export const ACCOUNTS: readonly Account[] = [
	{ email: 'admin@center.test', name: '김하늘 (관리자)', role: 'admin' },
	{ email: 'facility@center.test', name: '이도윤 (시설관리)', role: 'facility_manager' },
	{ email: 'edu@center.test', name: '박서연 (교육지원부)', role: 'department_staff' },
	{ email: 'admin-support@center.test', name: '최민준 (행정지원부)', role: 'department_staff' },
	{ email: 'mediation@center.test', name: '정하은 (화해조정부)', role: 'department_staff' },
	{ email: 'facility-support@center.test', name: '강지호 (시설지원부)', role: 'department_staff' },
	{ email: 'visits@center.test', name: '윤수아 (방문 담당)', role: 'visit_coordinator' },
	{ email: 'school@center.test', name: '한지민 (한솔초 교사)', role: 'school_user' },
	// The second consultant of each department (after the school: specs index the first eight).
	{ email: 'edu2@center.test', name: '오지훈 (교육지원부)', role: 'department_staff' },
	{ email: 'admin-support2@center.test', name: '서유진 (행정지원부)', role: 'department_staff' },
	{ email: 'mediation2@center.test', name: '임태윤 (화해조정부)', role: 'department_staff' },
	{ email: 'facility-support2@center.test', name: '문가영 (시설지원부)', role: 'department_staff' }
];
export const ADMIN = ACCOUNTS[0]!;
export const SCHOOL = ACCOUNTS.find((a) => a.role === 'school_user')!;

type Catalogue = Record<string, string>;
const catalogues: Record<Locale, Catalogue> = {
	ko: JSON.parse(readFileSync(new URL('../../messages/ko.json', import.meta.url), 'utf8')),
	en: JSON.parse(readFileSync(new URL('../../messages/en.json', import.meta.url), 'utf8'))
};

/** A message as the app shows it, e.g. t('en', 'signed_in_as', { name }). */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
	const text = catalogues[locale][key];
	if (typeof text !== 'string') throw new Error(`message ${key} is missing in messages/${locale}.json`);
	// Korean particles after a placeholder follow the value, as the app's compiled messages do.
	const withParticles =
		locale === 'ko'
			? text.replace(PARTICLE_AFTER_PLACEHOLDER, (whole, name: string, particle: Particle) =>
					name in params ? `{${name}}${particleFor(params[name], particle)}` : whole
				)
			: text;
	return withParticles.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A counted message in the form the app picks for `count` (labels.ts `counted`): the `one` key
 * where the language says "1 date" (English), else `other`; e.g. tCount('en', 1, { one: 'rpol_book_done_series_one', other: 'book_done_series' }, { count: 1 }).
 */
export function tCount(locale: Locale, count: number, keys: { one: string; other: string }, params: Record<string, string | number>): string {
	return t(locale, new Intl.PluralRules(locale).select(count) === 'one' ? keys.one : keys.other, params);
}

export const other = (locale: Locale): Locale => (locale === 'ko' ? 'en' : 'ko');

export interface Display {
	locale?: Locale;
	contrast?: 'normal' | 'high';
	text?: 'small' | 'normal' | 'large' | 'larger' | 'largest';
}

/** The cookies the header toggles set: language, contrast and text size. */
export async function setDisplay(context: BrowserContext, display: Display): Promise<void> {
	const cookies = [];
	if (display.locale) cookies.push({ name: 'PARAGLIDE_LOCALE', value: display.locale });
	if (display.contrast) cookies.push({ name: 'ui-contrast', value: display.contrast });
	if (display.text) cookies.push({ name: 'ui-text', value: display.text });
	await context.addCookies(cookies.map((c) => ({ ...c, url: BASE_URL })));
}

export interface SentMail {
	to: string;
	subject: string;
	text: string;
}

/**
 * The e-mails the app has sent to an address, oldest first, read from its MAIL_DIR as a person
 * reads their inbox; waits (up to 15 s) until at least `atLeast` of them match.
 */
export async function mailsTo(address: string, match: (mail: SentMail) => boolean = () => true, atLeast = 1): Promise<SentMail[]> {
	let found: SentMail[] = [];
	await expect
		.poll(
			async () => {
				let files: string[] = [];
				try {
					files = readdirSync(MAIL_DIR).filter((f) => f.endsWith('.eml')).sort();
				} catch {
					files = [];
				}
				const mails = await Promise.all(
					files.map(async (file) => {
						const parsed = await simpleParser(readFileSync(join(MAIL_DIR, file)));
						const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
						return { to, subject: parsed.subject ?? '', text: parsed.text ?? '' };
					})
				);
				found = mails.filter((mail) => mail.to === address && match(mail));
				return found.length;
			},
			{ timeout: 15_000, message: `e-mails to ${address}` }
		)
		.toBeGreaterThanOrEqual(atLeast);
	return found;
}

/** Signs in through the real form action (no UI), so the context carries a session cookie. */
export async function signInByRequest(context: BrowserContext, email: string, password = PASSWORD): Promise<void> {
	const response = await context.request.post('/login', {
		form: { email, password },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `sign-in of ${email} should redirect`).toBe(303);
	const cookies = await context.cookies(BASE_URL);
	expect(cookies.some((c) => c.name === 'session'), `session cookie for ${email}`).toBe(true);
}

/** Signs in through the page, as a person would. */
export async function signInWithForm(page: Page, locale: Locale, email: string, password = PASSWORD): Promise<void> {
	// Typing before hydration is proven on its own (foundation/before-hydration.spec.ts); here the
	// form is filled once hydrated, so that what a spec tests is the enhanced form.
	if (!noScript.has(page.context())) await hydrated(page);
	await page.getByLabel(t(locale, 'login_email'), { exact: true }).fill(email);
	await page.getByLabel(t(locale, 'login_password'), { exact: true }).fill(password);
	await page.getByRole('main').getByRole('button', { name: t(locale, 'login_submit'), exact: true }).click();
}

export interface OpenOptions extends Display {
	as?: Account | null;
	width?: number;
	javaScriptEnabled?: boolean;
}

/** Contexts opened without JavaScript: their pages never hydrate. */
const noScript = new WeakSet<BrowserContext>();

/** A fresh context (own cookies), signed in or not, in a language and display mode. */
export async function openContext(browser: Browser, options: OpenOptions = {}): Promise<BrowserContext> {
	const width = options.width ?? 1280;
	const context = await browser.newContext({
		viewport: { width, height: width < 600 ? 740 : 800 },
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		locale: 'ko-KR'
	});
	if (options.javaScriptEnabled === false) noScript.add(context);
	await setDisplay(context, { locale: options.locale ?? 'ko', contrast: options.contrast, text: options.text });
	if (options.as) await signInByRequest(context, options.as.email);
	return context;
}

/** Waits until the page's JavaScript runs (the root layout marks <html data-hydrated>). */
export async function hydrated(page: Page): Promise<void> {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 30_000 });
}

/** Header utility bar: the language switch is its first button. */
export function languageSwitch(page: Page) {
	return page.locator('header .utility-bar button').first();
}

/** Runs axe on the whole page and returns a readable summary of what it flags. */
export async function axeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.map((v) => ({
		id: v.id,
		impact: v.impact,
		help: v.help,
		nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.failureSummary?.split('\n').slice(0, 3).join(' | ')}`)
	}));
}

/** Elements wider than the viewport make the page scroll sideways on a phone. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const limit = document.documentElement.clientWidth;
		const offenders: string[] = [];
		if (document.documentElement.scrollWidth > limit) offenders.push(`document scrollWidth ${document.documentElement.scrollWidth} > ${limit}`);
		for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
			// Content inside a scrolling region (tables) may be wider; the region itself may not.
			if (el.closest('.table-wrap') && !el.classList.contains('table-wrap')) continue;
			if (el.closest('.visually-hidden, .skip-link')) continue;
			const rect = el.getBoundingClientRect();
			if (rect.width === 0 || rect.height === 0) continue;
			if (rect.right > limit + 1 || rect.left < -1) {
				const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
				offenders.push(`${name} [${Math.round(rect.left)}, ${Math.round(rect.right)}]`);
			}
		}
		return offenders.slice(0, 10);
	});
}

/** An open invitation made by the admin through the real form; returns the link from the page. */
export async function createInvitation(browser: Browser, email: string, name: string): Promise<string> {
	const context = await openContext(browser, { locale: 'ko', as: ADMIN });
	try {
		const response = await context.request.post('/admin/users/new', {
			form: { name, email, role: 'visit_coordinator', departmentId: '', schoolId: '' },
			headers: { origin: BASE_URL, accept: 'text/html' }
		});
		expect(response.status()).toBe(200);
		const link = (await response.text()).match(new RegExp(`${BASE_URL}/invite/[A-Za-z0-9_-]+`))?.[0];
		expect(link, 'invitation link on the page').toBeTruthy();
		return link!;
	} finally {
		await context.close();
	}
}

/** The id of a user, from the admin's user list. */
export async function userIdOf(browser: Browser, email: string): Promise<string> {
	const context = await openContext(browser, { locale: 'ko', as: ADMIN });
	try {
		const page = await context.newPage();
		// The list pages 20 at a time: search for the address.
		await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
		const href = await page.getByRole('row').filter({ hasText: email }).getByRole('link').getAttribute('href');
		const id = href?.match(/^\/admin\/users\/([^/]+)$/)?.[1];
		expect(id, `user id of ${email}`).toBeTruthy();
		return id!;
	} finally {
		await context.close();
	}
}

/**
 * Fixes the time of one context, in the app and in the browser: its requests carry the
 * test-clock cookie (the app runs with TEST_CLOCK=1, playwright.config.ts) and its pages' clocks
 * stand at the same instant. Other contexts stay at the real time. Call before signing in (a
 * session begins at the context's time) and again to move it.
 */
export async function setServerClock(context: BrowserContext, at: Date): Promise<void> {
	await context.addCookies([{ name: 'test-clock', value: at.toISOString(), url: BASE_URL }]);
}
