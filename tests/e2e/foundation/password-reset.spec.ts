import type { Browser, Page } from '@playwright/test';
import { ADMIN, BASE_URL, LOCALES, axeViolations, createInvitation, expect, mailsTo, openContext, signInWithForm, t, test, type Locale } from '../fixtures';

const FIRST_PASSWORD = 'Bright-harbor-2026';
const NEW_PASSWORD = 'Quiet-river-2026';

/** A user of our own (changing a demo account's password would break the specs running beside this one). */
async function newUser(browser: Browser, suffix: string): Promise<string> {
	const email = `reset-${suffix}@center.test`;
	const link = await createInvitation(browser, email, `재설정 ${suffix}`);
	const context = await openContext(browser);
	try {
		const response = await context.request.post(link, {
			form: { password: FIRST_PASSWORD, confirm: FIRST_PASSWORD, consent: 'on' },
			headers: { origin: BASE_URL, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
	} finally {
		await context.close();
	}
	return email;
}

/** The reset link from the newest reset e-mail to an address, read from the inbox (the app's MAIL_DIR). */
async function resetLinkFromMail(email: string, locale: Locale, count = 1): Promise<string> {
	// One language per e-mail: the language of the page it was asked from (the account has chosen none).
	const mails = await mailsTo(email, (mail) => mail.subject === t(locale, 'pwreset_email_subject'), count);
	const link = mails.at(-1)!.text.match(new RegExp(`${BASE_URL}/password-reset/[a-z2-7]+`))?.[0];
	expect(link, 'a reset link in the e-mail').toBeTruthy();
	return link!;
}

/** The admin's outbox lists the reset mail, but not its secret: reading the outbox cannot take over an account. */
async function outboxHidesLink(browser: Browser, email: string, link: string): Promise<void> {
	const context = await openContext(browser, { as: ADMIN });
	try {
		const page = await context.newPage();
		await page.goto('/admin/outbox');
		const row = page.getByRole('row').filter({ hasText: email });
		await row.first().locator('details summary').click();
		const body = (await row.first().locator('pre').textContent()) ?? '';
		expect(body).toContain('/password-reset/');
		expect(body).not.toContain(link.split('/').at(-1)!);
	} finally {
		await context.close();
	}
}

async function askForLink(page: Page, locale: Locale, email: string) {
	await page.getByLabel(t(locale, 'login_email'), { exact: true }).fill(email);
	await page.getByRole('button', { name: t(locale, 'pwreset_submit'), exact: true }).click();
}

test.describe('password reset by e-mail', () => {
	for (const locale of LOCALES) {
		test(`from the login page: the same answer for any address, a single-use link, every session ended, then sign-in with the new password (${locale})`, async ({
			browser
		}, testInfo) => {
			// Three browsers, two sign-ins and four password hashes on a shared machine.
			test.slow();
			const suffix = `${locale}-${Date.now().toString(36)}-${testInfo.workerIndex}`;
			const email = await newUser(browser, suffix);

			// The user is signed in on another device.
			const elsewhere = await openContext(browser, { locale });
			const otherDevice = await elsewhere.newPage();
			await otherDevice.goto('/login');
			await signInWithForm(otherDevice, locale, email, FIRST_PASSWORD);
			await expect(otherDevice).toHaveURL(`${BASE_URL}/dashboard`);

			// 1. Without JavaScript, from the login page.
			const context = await openContext(browser, { locale, javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto('/login');
			await page.getByRole('link', { name: t(locale, 'pwreset_forgot'), exact: true }).click();
			await expect(page).toHaveURL(`${BASE_URL}/password-reset`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'pwreset_title'));

			// A malformed address is explained next to the field, the value kept.
			await askForLink(page, locale, 'not-an-address');
			const field = page.getByLabel(t(locale, 'login_email'), { exact: true });
			await expect(field).toHaveAttribute('aria-invalid', 'true');
			await expect(page.locator('#field-email-error')).toHaveText(t(locale, 'field_email_invalid'));
			await expect(field).toHaveValue('not-an-address');

			// 2. An address with no account and one with an account get the same answer.
			const unknown = `nobody-${suffix}@center.test`;
			await askForLink(page, locale, unknown);
			await expect(page.getByRole('status')).toHaveText(t(locale, 'pwreset_sent', { email: unknown }));
			const unknownPage = (await page.getByRole('main').innerText()).replace(unknown, '<address>');

			await page.goto('/password-reset');
			await askForLink(page, locale, email);
			await expect(page.getByRole('status')).toHaveText(t(locale, 'pwreset_sent', { email }));
			expect((await page.getByRole('main').innerText()).replace(email, '<address>')).toBe(unknownPage);

			// 3. The link from the e-mail sets the new password.
			const link = await resetLinkFromMail(email, locale);
			await outboxHidesLink(browser, email, link);
			await page.goto(link);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'pwreset_new_title'));
			const password = page.getByLabel(t(locale, 'pwreset_new_password'), { exact: true });
			await password.fill(NEW_PASSWORD);
			await page.getByLabel(t(locale, 'invite_password_confirm'), { exact: true }).fill(`${NEW_PASSWORD}x`);
			await page.getByRole('button', { name: t(locale, 'pwreset_new_submit'), exact: true }).click();
			await expect(page.locator('#field-confirm-error')).toHaveText(t(locale, 'password_mismatch'));

			await password.fill(NEW_PASSWORD);
			await page.getByLabel(t(locale, 'invite_password_confirm'), { exact: true }).fill(NEW_PASSWORD);
			await page.getByRole('button', { name: t(locale, 'pwreset_new_submit'), exact: true }).click();
			// Sends to sign-in, signed in nowhere.
			await expect(page).toHaveURL(`${BASE_URL}/login?password-reset`);
			await expect(page.getByRole('status')).toHaveText(t(locale, 'pwreset_done'));

			// 4. The other device's session is over.
			await otherDevice.goto('/dashboard');
			await expect(otherDevice).toHaveURL(/\/login/);

			// 5. The link works once.
			await page.goto(link);
			await expect(page.getByRole('main')).toContainText(t(locale, 'pwreset_link_invalid'));
			await expect(page.getByRole('link', { name: t(locale, 'pwreset_ask_again'), exact: true })).toHaveAttribute('href', '/password-reset');

			// 6. The old password no longer works, the new one does.
			await page.goto('/login');
			await signInWithForm(page, locale, email, FIRST_PASSWORD);
			await expect(page.getByRole('alert')).toContainText(t(locale, 'login_invalid'));
			await signInWithForm(page, locale, email, NEW_PASSWORD);
			await expect(page).toHaveURL(`${BASE_URL}/dashboard`);

			await context.close();
			await elsewhere.close();
		});
	}

	test('the answer to a request and the page of a used or unknown link have no axe violations; the latter offers a new link', async ({ browser }) => {
		for (const locale of LOCALES) {
			const context = await openContext(browser, { locale });
			const page = await context.newPage();
			await page.goto('/password-reset');
			await askForLink(page, locale, `a11y-${locale}-${Date.now().toString(36)}@center.test`);
			await expect(page.getByRole('status')).toBeVisible();
			expect(await axeViolations(page)).toEqual([]);

			await page.goto('/password-reset/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'pwreset_new_title'));
			await expect(page.getByRole('main')).toContainText(t(locale, 'pwreset_link_invalid'));
			expect(await axeViolations(page)).toEqual([]);
			await context.close();
		}
	});
});
