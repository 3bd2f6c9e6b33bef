import { BASE_URL, PASSWORD, SCHOOL, expect, openContext, signInWithForm, test } from '../fixtures';

test.describe('security headers and cookies', () => {
	for (const path of ['/', '/login', '/no-such-page']) {
		test(`a page response (${path}) carries CSP, nosniff, frame protection and a referrer policy`, async ({ request }) => {
			const response = await request.get(path);
			const headers = response.headers();
			const csp = headers['content-security-policy'] ?? '';
			expect(csp).toContain("default-src 'self'");
			expect(csp).toContain("object-src 'none'");
			expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
			expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
			expect(headers['x-content-type-options']).toBe('nosniff');
			const framingBlocked = headers['x-frame-options'] === 'DENY' || csp.includes("frame-ancestors 'none'");
			expect(framingBlocked).toBe(true);
			expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		});
	}

	test('the session cookie is HttpOnly, SameSite=Lax, Path=/ and not readable by page scripts', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'ko' });
		const page = await context.newPage();
		await page.goto('/login');
		const loginResponse = page.waitForResponse((r) => r.url().startsWith(`${BASE_URL}/login`) && r.request().method() === 'POST');
		await signInWithForm(page, 'ko', SCHOOL.email, PASSWORD);
		const setCookie = (await (await loginResponse).headerValue('set-cookie')) ?? '';
		expect(setCookie).toMatch(/(^|\n)session=/);
		expect(setCookie).toMatch(/HttpOnly/i);
		expect(setCookie).toMatch(/SameSite=Lax/i);
		expect(setCookie).toMatch(/Path=\//i);
		await expect(page).toHaveURL(/\/dashboard$/);

		const session = (await context.cookies(BASE_URL)).find((c) => c.name === 'session');
		expect(session).toBeDefined();
		expect(session!.httpOnly).toBe(true);
		expect(session!.sameSite).toBe('Lax');
		expect(session!.path).toBe('/');
		expect(session!.value.length).toBeGreaterThanOrEqual(32);
		expect(await page.evaluate(() => document.cookie)).not.toContain('session=');
		await context.close();
	});

	test('a form post from another origin is refused', async ({ request }) => {
		const response = await request.post('/login', {
			form: { email: SCHOOL.email, password: PASSWORD },
			headers: { origin: 'https://evil.example' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
		expect(response.headers()['set-cookie'] ?? '').not.toContain('session=');
	});
});
