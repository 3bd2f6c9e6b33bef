/**
 * The README's first command, as a newcomer runs it: `npm run demo` builds, then starts the app
 * through `npm run demo:start` on the embedded database with no ORIGIN, no SEED_DEMO and no
 * DATABASE_URL. The browser must be able to sign in on the http:// address it prints.
 * (The build is the suite's own; only the data directory and the port differ from a fresh clone.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, signInWithForm, t, test } from '../fixtures';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 20;
const URL_PRINTED = `http://localhost:${PORT}`;

let app: ChildProcess | undefined;
let output = '';
let dataDir = '';

test.beforeAll(async () => {
	test.setTimeout(120_000);
	const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
	expect(scripts.demo).toBe('npm run build && npm run demo:start');

	dataDir = mkdtempSync(path.join(tmpdir(), 'center-demo-'));
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), DATA_DIR: dataDir };
	for (const name of ['ORIGIN', 'SEED_DEMO', 'DATABASE_URL', 'NODE_ENV', 'PROTOCOL_HEADER', 'HOST_HEADER', 'SMTP_URL'])
		delete env[name];
	app = spawn('npm', ['run', '--silent', 'demo:start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	app.stdout!.on('data', (chunk) => (output += chunk));
	app.stderr!.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 90_000;
	for (;;) {
		const ok = await fetch(`${URL_PRINTED}/healthz`).then((r) => r.ok, () => false);
		if (ok) break;
		if (Date.now() > deadline || app.exitCode !== null) throw new Error(`demo did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 250));
	}
});

test.afterAll(async () => {
	// npm starts node in the same process group: end both.
	if (app?.pid) process.kill(-app.pid, 'SIGTERM');
	await new Promise((r) => setTimeout(r, 500));
	rmSync(dataDir, { recursive: true, force: true });
});

test('npm run demo prints the http://localhost address, and a browser signs in there through the form', async ({ browser }) => {
	expect(output).toContain(URL_PRINTED);
	const context = await browser.newContext({ baseURL: URL_PRINTED, locale: 'ko-KR' });
	const page = await context.newPage();
	await page.goto('/login');
	await signInWithForm(page, 'ko', 'school@center.test');
	await expect(page).toHaveURL(/\/dashboard$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ko', 'dashboard_title'));
	await context.close();
});

test('the API sign-in with the browser origin of the printed address is accepted', async ({ playwright }) => {
	const api = await playwright.request.newContext({ baseURL: URL_PRINTED, extraHTTPHeaders: { origin: URL_PRINTED } });
	const response = await api.post('/api/v1/session', { data: { email: 'school@center.test', password: 'center-demo' } });
	expect(response.status()).toBe(201);
	await api.dispose();
});
