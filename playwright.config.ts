import { defineConfig, devices } from '@playwright/test';

// E2E_PORT / E2E_PG_PORT only to run beside another copy of the suite; the defaults are what CI uses.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://localhost:${PORT}`;
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 4174);
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
// BUILD_DIR / E2E_DATA_DIR: likewise, to test a build made into another directory.
const BUILD_DIR = process.env.BUILD_DIR ?? 'build';
// A copy on another port never deletes the default run's database.
const DATA_DIR = process.env.E2E_DATA_DIR ?? (process.env.E2E_PORT ? `tests/e2e/.data-${PORT}` : 'tests/e2e/.data');
// Where the app writes the e-mails it sends (MAIL_DIR); the specs read them there, as a person reads
// their inbox (tests/e2e/fixtures.ts mailDir, the same formula).
const MAIL_DIR = `tests/e2e/.mail-${PORT}`;

/** A throwaway database next to TEST_DATABASE_URL's, created empty for each run. */
function e2eDatabase(url: string) {
	const name = `center_e2e_${PG_PORT}`;
	const target = new URL(url);
	target.pathname = `/${name}`;
	return { name, url: target.toString() };
}

const server = { url: '', timeout: 120_000, reuseExistingServer: false, stdout: 'pipe', stderr: 'pipe' } as const;
// No demo bookings: each spec makes the bookings it reads. BODY_SIZE_LIMIT as `npm start` sets it.
// TEST_CLOCK: a context with the test-clock cookie runs at its own time (fixtures.ts setServerClock).
// Every spec's browser comes from 127.0.0.1: the per-address limit of visit requests is raised (its own test is in tests/integration/visits.test.ts).
const appEnv = { SEED_DEMO: '1', TEST_CLOCK: '1', SEED_DEMO_BOOKINGS: '0', LOG_LEVEL: 'warn', SMTP_URL: '', BODY_SIZE_LIMIT: '12M', VISIT_REQUESTS_PER_HOUR: '10000' };

/**
 * End-to-end tests against the built app (`npm run test:e2e` builds first).
 * Each run starts from an empty embedded database seeded with the demo center; with
 * TEST_DATABASE_URL set, a second copy of the app runs on a fresh PostgreSQL database for the
 * specs that prove database guarantees over HTTP (tests/e2e/api/servers.ts).
 */
export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
	// Files run side by side; a file's tests run in order unless it opts in to parallel mode.
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	// Two cores: more workers only queue behind the app server and the browsers.
	workers: 2,
	// Generous: the axe tests run axe up to four times, and the machine is shared with the app server.
	timeout: 90_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: BASE_URL,
		locale: 'ko-KR',
		timezoneId: 'Asia/Seoul',
		// No colour transitions: axe must never read a button halfway between two colours.
		reducedMotion: 'reduce',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--no-first-run',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: [
		{
			...server,
			command: `rm -rf ${DATA_DIR} ${MAIL_DIR} && node ${BUILD_DIR}`,
			url: `${BASE_URL}/healthz`,
			// DATABASE_URL emptied: this copy always runs on the embedded database.
			env: { ...appEnv, PORT: String(PORT), ORIGIN: BASE_URL, DATA_DIR, DATABASE_URL: '', MAIL_DIR, OUTBOX_POLL_MS: '300' }
		},
		...(TEST_DATABASE_URL
			? [
					{
						...server,
						command: [
							`psql "${TEST_DATABASE_URL}" -v ON_ERROR_STOP=1 -q`,
							`-c "DROP DATABASE IF EXISTS ${e2eDatabase(TEST_DATABASE_URL).name} WITH (FORCE)"`,
							`-c "CREATE DATABASE ${e2eDatabase(TEST_DATABASE_URL).name}"`,
							`&& node ${BUILD_DIR}`
						].join(' '),
						url: `http://localhost:${PG_PORT}/healthz`,
						env: {
							...appEnv,
							PORT: String(PG_PORT),
							ORIGIN: `http://localhost:${PG_PORT}`,
							DATABASE_URL: e2eDatabase(TEST_DATABASE_URL).url
						}
					}
				]
			: [])
	]
});
