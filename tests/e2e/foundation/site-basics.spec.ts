import { LOCALES, SCHOOL, expect, openContext, t, test } from '../fixtures';

test.describe('the public-service basics', () => {
	for (const locale of LOCALES) {
		test(`every page opens with the official-website masthead, and the footer leads to the privacy, copyright and e-mail collection policies and the phone line (${locale})`, async ({
			browser
		}) => {
			const context = await openContext(browser, { locale });
			const page = await context.newPage();
			for (const path of ['/', '/login', '/rooms', '/board', '/no-such-page']) {
				await page.goto(path);
				const masthead = page.locator('header #krds-masthead');
				await expect(masthead, path).toHaveText(t(locale, 'masthead_text'));
				// Nothing above it but the skip link.
				expect(await page.evaluate(() => document.querySelector('#krds-masthead')!.getBoundingClientRect().top)).toBe(0);
			}

			const footer = page.locator('footer');
			await expect(footer.getByRole('link', { name: /^\d{2,3}-\d{3,4}-\d{4}$/ })).toHaveAttribute('href', /^tel:/);
			await expect(footer).toContainText(t(locale, 'legal_footer_phone_label'));
			for (const [key, path] of [
				['legal_privacy_title', '/privacy'],
				['legal_copyright_title', '/copyright'],
				['legal_noemail_title', '/no-email-collection']
			] as const) {
				await page.goto('/');
				await footer.getByRole('link', { name: t(locale, key), exact: true }).click();
				await expect(page).toHaveURL(new RegExp(`${path}$`));
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, key));
				// The breadcrumbs: Home, then this page (not a link).
				const crumbs = page.getByRole('navigation', { name: t(locale, 'crumb_label') });
				await expect(crumbs.getByRole('link', { name: t(locale, 'nav_home'), exact: true })).toHaveAttribute('href', '/');
				await expect(crumbs.locator('[aria-current="page"]')).toHaveText(t(locale, key));
			}
			await context.close();
		});

		test(`the privacy policy says what is collected, why, how long, who processes it, the person's rights and whom to call (${locale})`, async ({
			browser
		}) => {
			const context = await openContext(browser, { locale });
			const page = await context.newPage();
			await page.goto('/privacy');
			const main = page.getByRole('main');
			for (const id of ['accounts', 'bookings', 'consents', 'logs', 'visits', 'emails'])
				for (const part of ['items', 'purpose', 'period']) await expect(main).toContainText(t(locale, `legal_ret_${id}_${part}`));
			await expect(main).toContainText(t(locale, 'legal_ret_bookings_period'));
			await expect(main.getByRole('heading', { name: t(locale, 'legal_privacy_processor_title') })).toBeVisible();
			await expect(main.getByRole('heading', { name: t(locale, 'legal_privacy_rights_title') })).toBeVisible();
			await expect(main.getByRole('heading', { name: t(locale, 'legal_privacy_officer_title') })).toBeVisible();
			await expect(main.getByRole('link', { name: /^\d{2,3}-\d{3,4}-\d{4}$/ })).toHaveAttribute('href', /^tel:/);
			await context.close();
		});

		test(`the home page's service cards link to their services and advertise none that does not exist yet (${locale})`, async ({ browser }) => {
			const context = await openContext(browser, { locale });
			const page = await context.newPage();
			await page.goto('/');
			const services = page.getByRole('region', { name: t(locale, 'home_services_title') });
			await expect(services.getByRole('listitem')).toHaveCount(4);
			await expect(services.getByRole('link', { name: t(locale, 'home_service_rooms_title'), exact: true })).toHaveAttribute('href', '/rooms');
			await expect(services.getByRole('link', { name: t(locale, 'home_service_board_title'), exact: true })).toHaveAttribute('href', '/board');
			await expect(services.getByRole('link', { name: t(locale, 'home_service_consultations_title'), exact: true })).toHaveAttribute('href', '/consultations');
			await expect(services.getByRole('link', { name: t(locale, 'home_service_visits_title'), exact: true })).toHaveAttribute('href', '/visits/request');
			// Trainings do not exist yet: not advertised.
			const words = locale === 'ko' ? ['연수'] : ['training'];
			for (const word of words) await expect(services).not.toContainText(new RegExp(word, 'i'));
			await expect(page.locator('.hero')).not.toContainText(new RegExp(words.join('|'), 'i'));
			await services.getByRole('link', { name: t(locale, 'home_service_rooms_title'), exact: true }).click();
			await expect(page).toHaveURL(/\/rooms$/);
			await context.close();
		});

		test(`a room page's breadcrumbs lead Home › rooms › the room's own name (${locale})`, async ({ browser }) => {
			const context = await openContext(browser, { locale, as: SCHOOL });
			const page = await context.newPage();
			await page.goto('/rooms');
			const first = page.getByRole('main').locator('a[href^="/rooms/"]').first();
			await first.click();
			await expect(page).toHaveURL(/\/rooms\/[0-9a-f-]{36}$/);
			const name = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
			const crumbs = page.getByRole('navigation', { name: t(locale, 'crumb_label') });
			await expect(crumbs.getByRole('listitem')).toHaveCount(3);
			await expect(crumbs.getByRole('link', { name: t(locale, 'nav_rooms'), exact: true })).toHaveAttribute('href', '/rooms');
			await expect(crumbs.locator('[aria-current="page"]')).toHaveText(name);
			await context.close();
		});
	}
});
