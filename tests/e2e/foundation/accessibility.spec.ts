import type { Page } from '@playwright/test';
import {
	ADMIN,
	LOCALES,
	SCHOOL,
	WIDTHS,
	axeViolations,
	createInvitation,
	expect,
	horizontalOverflow,
	openContext,
	setDisplay,
	signInWithForm,
	t,
	test,
	userIdOf,
	type Account,
	type Locale
} from '../fixtures';
import { FACILITY } from '../facility/helpers';

interface PageCase {
	name: string;
	path: () => string;
	as: Account | null;
	status?: number;
	/**
	 * High contrast changes colours only, the same at every width: checked at 1280 px, and at both
	 * widths where the header's phone and desktop forms are in view (home, login).
	 */
	highContrastEverywhere?: boolean;
	/** Brings the page into the state under test (an error shown, a menu open ...). */
	prepare?: (page: Page, locale: Locale) => Promise<void>;
}

// Independent tests: spread them over both workers.
test.describe.configure({ mode: 'parallel' });

let inviteLink = '';
let schoolUserId = '';

test.beforeAll(async ({ browser }) => {
	const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
	inviteLink = await createInvitation(browser, `a11y-${suffix}@center.test`, `접근성 점검 ${suffix}`);
	schoolUserId = await userIdOf(browser, SCHOOL.email);
});

const PAGES: PageCase[] = [
	{ name: 'home (anonymous)', path: () => '/', as: null, highContrastEverywhere: true },
	{ name: 'home (admin)', path: () => '/', as: ADMIN },
	{
		name: 'home with the phone menu open',
		path: () => '/',
		as: ADMIN,
		highContrastEverywhere: true,
		prepare: async (page) => {
			const toggle = page.locator('.nav-toggle');
			if (await toggle.isVisible()) {
				await toggle.click();
				await expect(page.locator('.nav-disclosure')).toHaveAttribute('open', '');
			}
		}
	},
	{ name: 'login', path: () => '/login', as: null, highContrastEverywhere: true },
	{
		name: 'login after a wrong password',
		path: () => '/login',
		as: null,
		highContrastEverywhere: true,
		prepare: async (page, locale) => {
			await signInWithForm(page, locale, `nobody-${Math.random().toString(36).slice(2, 8)}@center.test`, 'wrong-password');
			await expect(page.getByRole('alert')).toBeVisible();
		}
	},
	{ name: 'logout', path: () => '/logout', as: SCHOOL },
	{ name: 'preferences', path: () => '/preferences', as: null },
	{ name: 'invitation (open link)', path: () => new URL(inviteLink).pathname, as: null },
	{
		name: 'invitation with form errors',
		path: () => new URL(inviteLink).pathname,
		as: null,
		prepare: async (page, locale) => {
			await page.getByLabel(t(locale, 'login_password'), { exact: true }).fill('short');
			await page.getByLabel(t(locale, 'invite_password_confirm'), { exact: true }).fill('different');
			await page.getByRole('button', { name: t(locale, 'invite_submit'), exact: true }).click();
			await expect(page.getByRole('alert')).toBeVisible();
		}
	},
	{
		name: 'invitation refused without the personal-data consent',
		path: () => new URL(inviteLink).pathname,
		as: null,
		prepare: async (page, locale) => {
			await page.getByLabel(t(locale, 'login_password'), { exact: true }).fill('Bright-harbor-2026');
			await page.getByLabel(t(locale, 'invite_password_confirm'), { exact: true }).fill('Bright-harbor-2026');
			await page.getByRole('button', { name: t(locale, 'invite_submit'), exact: true }).click();
			await expect(page.locator('#field-consent-error')).toBeVisible();
		}
	},
	{ name: 'invitation (used or unknown link)', path: () => '/invite/not-a-real-token-0000000000', as: null },
	{ name: 'password reset (ask for a link)', path: () => '/password-reset', as: null, highContrastEverywhere: true },
	{ name: 'password reset (used or unknown link)', path: () => '/password-reset/not-a-real-token-0000000000', as: null },
	{ name: 'privacy policy', path: () => '/privacy', as: null, highContrastEverywhere: true },
	{ name: 'copyright policy', path: () => '/copyright', as: null },
	{ name: 'no unauthorised e-mail collection', path: () => '/no-email-collection', as: null },
	{
		name: 'header with the text-size menu open',
		path: () => '/',
		as: null,
		prepare: async (page) => {
			await page.locator('details.text-size > summary').click();
			await expect(page.locator('details.text-size')).toHaveAttribute('open', '');
		}
	},
	{ name: 'dashboard (admin)', path: () => '/dashboard', as: ADMIN },
	{ name: 'dashboard (school user)', path: () => '/dashboard', as: SCHOOL },
	{ name: 'dashboard (facility staff)', path: () => '/dashboard', as: FACILITY },
	{ name: 'account (admin)', path: () => '/account', as: ADMIN },
	{ name: 'account (school user)', path: () => '/account', as: SCHOOL },
	{ name: 'admin/users', path: () => '/admin/users', as: ADMIN },
	{ name: 'admin/users/new', path: () => '/admin/users/new', as: ADMIN },
	{
		name: 'admin/users/new with form errors',
		path: () => '/admin/users/new',
		as: ADMIN,
		prepare: async (page, locale) => {
			await page.getByRole('button', { name: t(locale, 'users_invite_submit'), exact: true }).click();
			await expect(page.getByRole('alert')).toBeVisible();
		}
	},
	{ name: 'admin/users/[id]', path: () => `/admin/users/${schoolUserId}`, as: ADMIN },
	{
		name: 'admin/outbox with a message opened',
		path: () => '/admin/outbox',
		as: ADMIN,
		prepare: async (page) => {
			await page.locator('main details summary').first().click();
		}
	},
	{ name: 'not found (404)', path: () => '/no-such-page', as: null, status: 404 },
	{ name: 'forbidden (403, school user at /admin/users)', path: () => '/admin/users', as: SCHOOL, status: 403 }
];

type Contrast = 'normal' | 'high';

/** One signed-in (or anonymous) context per page case; each visit sets language, mode and width. */
async function visit(page: Page, c: PageCase, locale: Locale, width: number, display: { contrast?: Contrast; text?: 'normal' | 'large' | 'largest' } = {}) {
	await setDisplay(page.context(), { locale, contrast: display.contrast ?? 'normal', text: display.text ?? 'normal' });
	await page.setViewportSize({ width, height: width < 600 ? 740 : 800 });
	const response = await page.goto(c.path());
	expect(response?.status(), `status of ${c.path()}`).toBe(c.status ?? 200);
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await expect(page.locator('html')).toHaveAttribute('data-contrast', display.contrast ?? 'normal');
	if (c.prepare) await c.prepare(page, locale);
}

test.describe('axe', () => {
	/**
	 * Where each page is checked. Korean: 1280 and 360 px (the phone layout), and high contrast
	 * (colours only: at 1280 px, and at both widths where the header's two forms differ). English:
	 * at 1280 px — the words change, not the structure or the colours, and the 360 px layout of
	 * English text is held to no sideways overflow by the page-structure tests below.
	 */
	const runs = (c: PageCase, locale: Locale): { width: number; contrast: Contrast }[] => {
		if (locale === 'en') return [{ width: 1280, contrast: 'normal' }];
		const highContrastWidths: readonly number[] = c.highContrastEverywhere ? WIDTHS : [1280];
		return WIDTHS.flatMap((width) => [{ width, contrast: 'normal' as const }, ...(highContrastWidths.includes(width) ? [{ width, contrast: 'high' as const }] : [])]);
	};
	for (const c of PAGES) {
		for (const locale of LOCALES) {
			const planned = runs(c, locale);
			test(`${c.name} has no axe violations in ${locale} (${planned.map((r) => `${r.width} px${r.contrast === 'high' ? ' high contrast' : ''}`).join(', ')}), one h1 and a page title`, async ({ browser }) => {
				const context = await openContext(browser, { locale, as: c.as });
				const page = await context.newPage();
				for (const { width, contrast } of planned) {
					await visit(page, c, locale, width, { contrast });
					expect.soft(await axeViolations(page), `${locale}, ${width} px, ${contrast} contrast`).toEqual([]);
					if (width !== 1280 || contrast !== 'normal') continue;
					// The page's structure, on the same visit: exactly one h1, with words, and the site in the title.
					await expect(page.locator('h1'), locale).toHaveCount(1);
					expect((await page.locator('h1').textContent())?.trim(), locale).toBeTruthy();
					expect(await page.title(), locale).toContain(locale === 'ko' ? '학교지원본부' : 'School Support');
				}
				await context.close();
			});
		}
	}

	test('larger and the largest text in high contrast have no axe violations on the home and login pages (ko and en, 360 px)', async ({ browser }) => {
		const context = await openContext(browser);
		const page = await context.newPage();
		for (const c of PAGES.filter((p) => p.name === 'home (anonymous)' || p.name === 'login')) {
			for (const locale of LOCALES) {
				for (const text of ['large', 'largest'] as const) {
					await visit(page, c, locale, 360, { contrast: 'high', text });
					expect.soft(await axeViolations(page), `${c.name}, ${locale}, ${text} text`).toEqual([]);
				}
			}
		}
		await context.close();
	});
});

test.describe('page structure', () => {
	for (const c of PAGES) {
		test(`${c.name} fits a 360 px screen without sideways scrolling, in Korean and in English, normal and larger text`, async ({
			browser
		}) => {
			const context = await openContext(browser, { as: c.as });
			const page = await context.newPage();
			for (const locale of LOCALES) {
				for (const text of ['normal', 'large', 'largest'] as const) {
					await visit(page, c, locale, 360, { text });
					expect.soft(await horizontalOverflow(page), `${locale}, ${text} text`).toEqual([]);
				}
			}
			await context.close();
		});
	}

	test('the header and pages fit every width from 360 to 1440 px, for the longest menu (admin) and for visitors, in both languages and text sizes', async ({
		browser
	}) => {
		const cases = [PAGES.find((p) => p.name === 'home (anonymous)')!, PAGES.find((p) => p.name === 'dashboard (admin)')!];
		for (const c of cases) {
			const context = await openContext(browser, { as: c.as });
			const page = await context.newPage();
			for (const width of [480, 768, 1024, 1440]) {
				for (const locale of LOCALES) {
					for (const text of ['normal', 'large', 'largest'] as const) {
						await visit(page, c, locale, width, { text });
						expect.soft(await horizontalOverflow(page), `${c.name}, ${width} px, ${locale}, ${text} text`).toEqual([]);
					}
				}
			}
			await context.close();
		}
	});
});
