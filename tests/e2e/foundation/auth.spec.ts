import {
	ACCOUNTS,
	LOCALES,
	SCHOOL,
	expect,
	hydrated,
	openContext,
	signInWithForm,
	t,
	test,
	type Account,
	type Locale
} from '../fixtures';

// Independent tests: spread them over both workers.
test.describe.configure({ mode: 'parallel' });

function signOutButton(page: import('@playwright/test').Page, locale: Locale) {
	return page.locator('header').getByRole('button', { name: t(locale, 'nav_logout'), exact: true });
}

test.describe('signing in and out', () => {
	for (const locale of LOCALES) {
		for (const account of ACCOUNTS) {
			test(`${account.email} (${account.role}) signs in in ${locale}, sees their name and a sign-out button, sees Users in the menu only if admin, and signs out`, async ({
				browser
			}) => {
				const context = await openContext(browser, { locale });
				const page = await context.newPage();
				await page.goto('/login');
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				await signInWithForm(page, locale, account.email);

				await expect(page).toHaveURL(/\/dashboard$/);
				await expect(page.locator('header')).toContainText(t(locale, 'signed_in_as', { name: account.name }));
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'dashboard_title'));
				await expect(signOutButton(page, locale)).toBeVisible();

				const nav = page.getByRole('navigation', { name: t(locale, 'nav_label'), exact: true });
				await expect(nav).toBeVisible();
				await expect(nav.getByRole('link', { name: t(locale, 'nav_dashboard'), exact: true })).toBeVisible();
				await expect(nav.getByRole('link', { name: t(locale, 'nav_users'), exact: true })).toHaveCount(
					account.role === 'admin' ? 1 : 0
				);
				await expect(nav.getByRole('link', { name: t(locale, 'nav_login'), exact: true })).toHaveCount(0);

				await signOutButton(page, locale).click();
				await expect(page).toHaveURL(/\/login\?signed-out/);
				await expect(page.getByRole('main').getByRole('status')).toContainText(t(locale, 'login_signed_out'));
				await expect(signOutButton(page, locale)).toHaveCount(0);
				await expect(page.locator('header')).not.toContainText(account.name);

				// The old session is gone: the workspace asks to sign in again.
				await page.goto('/dashboard');
				await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
				await context.close();
			});
		}
	}
});

test.describe('a wrong password', () => {
	// The server slows an account down after 3 failures: one failure per account here.
	const cases: { locale: Locale; account: Account; message: string }[] = [
		{ locale: 'ko', account: ACCOUNTS[6]!, message: '이메일 또는 비밀번호가 올바르지 않습니다.' },
		{ locale: 'en', account: ACCOUNTS[5]!, message: 'The e-mail or password is not correct.' }
	];
	for (const { locale, account, message } of cases) {
		test(`shows "${message}" in ${locale}, keeps the typed e-mail, moves focus to the message and stays on /login`, async ({
			browser
		}) => {
			const context = await openContext(browser, { locale });
			const page = await context.newPage();
			await page.goto('/login');
			await hydrated(page);
			await signInWithForm(page, locale, account.email, 'not-the-password');

			const alert = page.getByRole('alert');
			await expect(alert).toHaveText(message);
			expect(t(locale, 'login_invalid')).toBe(message);
			await expect(alert).toBeFocused();
			await expect(page).toHaveURL(/\/login$/);
			await expect(page.getByLabel(t(locale, 'login_email'), { exact: true })).toHaveValue(account.email);
			await expect(page.locator('header')).not.toContainText(account.name);
			await context.close();
		});
	}

	test('shows the localized error without JavaScript too, and keeps the e-mail', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'en', javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/login');
		await signInWithForm(page, 'en', 'nobody@center.test', 'not-the-password');
		await expect(page.getByRole('alert')).toHaveText(t('en', 'login_invalid'));
		await expect(page).toHaveURL(/\/login$/);
		await expect(page.getByLabel(t('en', 'login_email'), { exact: true })).toHaveValue('nobody@center.test');
		await context.close();
	});
});

test.describe('access rules', () => {
	for (const locale of LOCALES) {
		test(`an anonymous visitor to /dashboard is sent to /login and comes back to /dashboard after signing in (${locale})`, async ({
			browser
		}) => {
			const context = await openContext(browser, { locale });
			const page = await context.newPage();
			await page.goto('/dashboard');
			await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'login_title'));
			await signInWithForm(page, locale, ACCOUNTS[1]!.email);
			await expect(page).toHaveURL(/\/dashboard$/);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'dashboard_title'));
			await context.close();
		});

		test(`a school user gets the localized 403 page on the admin pages (${locale})`, async ({ browser }) => {
			const context = await openContext(browser, { locale, as: SCHOOL });
			const page = await context.newPage();
			for (const path of ['/admin/users', '/admin/users/new', '/admin/outbox']) {
				const response = await page.goto(path);
				expect(response?.status(), path).toBe(403);
				await expect(page.locator('h1')).toHaveCount(1);
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'error_forbidden_title'));
				await expect(page.getByRole('main')).toContainText(t(locale, 'error_forbidden_body'));
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
			}
			await context.close();
		});
	}

	test('a signed-in user who opens /login goes straight to the workspace', async ({ browser }) => {
		const context = await openContext(browser, { as: SCHOOL });
		const page = await context.newPage();
		await page.goto('/login');
		await expect(page).toHaveURL(/\/dashboard$/);
		await context.close();
	});
});
