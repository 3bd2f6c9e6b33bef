import { axeViolations, expect, openContext, t, test } from '../fixtures';

test.describe('the API reference at /api/docs', () => {
	test('renders the document title from /api/v1/openapi.json, with assets from this app and no CSP violation', async ({ browser }) => {
		const context = await openContext(browser, { locale: 'ko' });
		const page = await context.newPage();
		const problems: string[] = [];
		const foreign: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(message.text());
		});
		page.on('pageerror', (error) => problems.push(error.message));
		page.on('request', (r) => {
			if (!r.url().startsWith(new URL(page.url() === 'about:blank' ? 'http://localhost' : page.url()).origin) && !r.url().startsWith('data:'))
				foreign.push(r.url());
		});
		const response = await page.goto('/api/docs');
		expect(response?.status()).toBe(200);
		const csp = response?.headers()['content-security-policy'] ?? '';
		expect(csp).toContain("script-src 'self'");
		expect(csp).not.toContain('unsafe-eval');
		expect(response?.headers()['x-content-type-options']).toBe('nosniff');

		// One h1: the document's title, as Swagger UI renders it.
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Center booking API');
		await expect(page.getByText(t('ko', 'input_api_docs_lead'))).toBeVisible();
		await expect(page.getByText('/api/v1/reservations/{id}/move').first()).toBeVisible();
		await expect(page).toHaveTitle(new RegExp(t('ko', 'input_api_docs_title')));
		expect(foreign).toEqual([]);
		expect(problems.filter((p) => /Content Security Policy|Refused/i.test(p))).toEqual([]);
		await page.screenshot({ path: 'tests/e2e/screenshots/api-docs.png', fullPage: false });
		expect((await axeViolations(page)).filter((v) => v.impact === 'critical').map((v) => v.id)).toEqual([]);
		await context.close();
	});

	test('serves only its own files', async ({ request }) => {
		expect((await request.get('/api/docs/swagger-ui-bundle.js')).headers()['content-type']).toContain('javascript');
		for (const name of ['package.json', 'constructor', '__proto__', '..%2F..%2Fpackage.json']) expect((await request.get(`/api/docs/${name}`)).status()).toBe(404);
	});
});
