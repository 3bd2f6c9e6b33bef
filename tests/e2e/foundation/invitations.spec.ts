import { ADMIN, BASE_URL, LOCALES, expect, openContext, t, test } from '../fixtures';

const NEW_PASSWORD = 'Bright-harbor-2026';

test.describe('inviting a user', () => {
	for (const locale of LOCALES) {
		test(`an admin invites a user, the invitee sets a password from the link and lands signed in on /dashboard, and the outbox lists the e-mail (${locale})`, async ({
			browser
		}, testInfo) => {
			const suffix = `${locale}-${Date.now().toString(36)}-${testInfo.workerIndex}`;
			const email = `invitee-${suffix}@center.test`;
			const name = locale === 'ko' ? `오민지 (${suffix})` : `Alex Kim (${suffix})`;

			// 1. The admin sends the invitation.
			const adminContext = await openContext(browser, { locale, as: ADMIN });
			const admin = await adminContext.newPage();
			await admin.goto('/admin/users');
			await admin.getByRole('main').getByRole('link', { name: t(locale, 'users_invite'), exact: true }).click();
			await expect(admin).toHaveURL(/\/admin\/users\/new$/);
			await admin.getByLabel(t(locale, 'users_field_name'), { exact: true }).fill(name);
			await admin.getByLabel(t(locale, 'users_field_email'), { exact: true }).fill(email);
			await admin.getByLabel(t(locale, 'users_field_role'), { exact: true }).selectOption({ label: t(locale, 'role_school_user') });
			await admin
				.getByLabel(t(locale, 'users_field_school'), { exact: true })
				.selectOption({ label: locale === 'ko' ? '도담초등학교' : 'Dodam Elementary School' });
			await admin.getByRole('button', { name: t(locale, 'users_invite_submit'), exact: true }).click();

			const success = admin.getByRole('main').getByRole('status');
			await expect(success).toContainText(t(locale, 'users_invited', { email }));
			const link = (await success.locator('code').textContent())?.trim() ?? '';
			expect(link).toMatch(new RegExp(`^${BASE_URL}/invite/[A-Za-z0-9_-]{20,}$`));

			// 2. The invitee, in a browser of their own, opens the link and chooses a password.
			const inviteeContext = await openContext(browser, { locale });
			const invitee = await inviteeContext.newPage();
			await invitee.goto(link);
			await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'invite_title'));
			await expect(invitee.getByRole('main')).toContainText(t(locale, 'invite_lead', { name }));

			// A mismatch is explained next to the field and nothing happens.
			await invitee.getByLabel(t(locale, 'login_password'), { exact: true }).fill(NEW_PASSWORD);
			await invitee.getByLabel(t(locale, 'invite_password_confirm'), { exact: true }).fill(`${NEW_PASSWORD}x`);
			await invitee.getByRole('button', { name: t(locale, 'invite_submit'), exact: true }).click();
			const confirm = invitee.getByLabel(t(locale, 'invite_password_confirm'), { exact: true });
			await expect(confirm).toHaveAttribute('aria-invalid', 'true');
			await expect(invitee.locator('#field-confirm-error')).toHaveText(t(locale, 'password_mismatch'));
			await expect(invitee).toHaveURL(link);

			// Without the personal-data consent the account is not opened: a clear error, the values kept.
			await invitee.getByLabel(t(locale, 'login_password'), { exact: true }).fill(NEW_PASSWORD);
			await confirm.fill(NEW_PASSWORD);
			const refusal = invitee.waitForResponse((r) => r.request().method() === 'POST');
			await invitee.getByRole('button', { name: t(locale, 'invite_submit'), exact: true }).click();
			// The refusal keeps the typed password in the browser only: the answer never carries it back.
			expect(await (await refusal).text()).not.toContain(NEW_PASSWORD);
			const consent = invitee.getByRole('checkbox', { name: t(locale, 'consent_agree'), exact: true });
			await expect(consent).toHaveAttribute('aria-invalid', 'true');
			await expect(invitee.locator('#field-consent-error')).toHaveText(t(locale, 'consent_required'));
			await expect(invitee.getByLabel(t(locale, 'login_password'), { exact: true })).toHaveValue(NEW_PASSWORD);
			await expect(confirm).toHaveValue(NEW_PASSWORD);
			await expect(consent).not.toBeChecked();
			await expect(invitee).toHaveURL(link);
			// The statement says what is collected, why and for how long.
			const statement = invitee.locator('#consent-statement');
			await expect(statement).toContainText(t(locale, 'legal_ret_accounts_items'));
			await expect(statement).toContainText(t(locale, 'legal_ret_bookings_period'));

			await consent.check();
			await invitee.getByRole('button', { name: t(locale, 'invite_submit'), exact: true }).click();
			await expect(invitee).toHaveURL(`${BASE_URL}/dashboard`);
			await expect(invitee.locator('header')).toContainText(t(locale, 'signed_in_as', { name }));
			await expect(invitee.getByRole('main')).toContainText(t(locale, 'dashboard_welcome', { name }));

			// The link works once.
			await invitee.goto(link);
			await expect(invitee.getByRole('main')).toContainText(t(locale, 'invite_invalid'));
			await inviteeContext.close();

			// 3. The outbox lists the invitation e-mail, and the user now shows as active.
			await admin.goto('/admin/outbox');
			// In the new account's language: Korean until the invitee chooses.
			const subject = t('ko', 'email_invite_subject');
			const row = admin.getByRole('row').filter({ hasText: email });
			await expect(row).toHaveCount(1);
			await expect(row).toContainText(subject);
			// Sent (to the test machine's mail directory) by the time the invitee has used the link.
			await expect(row).toContainText(t(locale, 'outbox_status_sent'));
			await row.getByText(subject).click();
			await expect(row.locator('pre')).toContainText(link);

			await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
			const userRow = admin.getByRole('row').filter({ hasText: email });
			await expect(userRow).toContainText(t(locale, 'users_status_active'));
			await adminContext.close();
		});
	}

	test('the invite form explains every problem next to its field and keeps what was typed', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'en', as: ADMIN });
		const page = await context.newPage();
		await page.goto('/admin/users/new');
		await page.getByLabel(t('en', 'users_field_name'), { exact: true }).fill('Someone');
		await page.getByLabel(t('en', 'users_field_email'), { exact: true }).fill('not-an-address');
		await page.getByLabel(t('en', 'users_field_role'), { exact: true }).selectOption({ label: t('en', 'role_department_staff') });
		await page.getByRole('button', { name: t('en', 'users_invite_submit'), exact: true }).click();

		await expect(page.getByRole('alert')).toBeVisible();
		const emailField = page.getByLabel(t('en', 'users_field_email'), { exact: true });
		await expect(emailField).toHaveAttribute('aria-invalid', 'true');
		await expect(emailField).toHaveValue('not-an-address');
		await expect(page.getByLabel(t('en', 'users_field_name'), { exact: true })).toHaveValue('Someone');
		await expect(page.locator('#field-email-error')).toHaveText(t('en', 'field_email_invalid'));
		await expect(page.locator('#departmentId-error')).toHaveText(t('en', 'field_department_required'));
		await expect(page.getByLabel(t('en', 'users_field_role'), { exact: true })).toHaveValue('department_staff');
		await context.close();
	});
});
