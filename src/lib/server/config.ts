/**
 * Process configuration from the environment, read once. Services import this rather than
 * `$env` so the same code runs in the app, the CLI scripts and the tests.
 */
export const config = {
	get databaseUrl(): string | undefined {
		return process.env.DATABASE_URL || undefined;
	},
	get dataDir(): string {
		return process.env.DATA_DIR || 'data';
	},
	get smtpUrl(): string | undefined {
		return process.env.SMTP_URL || undefined;
	},
	/**
	 * Without SMTP: a directory where each e-mail is written as an .eml file when it is sent (a
	 * demo or test machine reads its mail there). Unset: e-mails wait in the outbox.
	 */
	get mailDir(): string | undefined {
		return process.env.MAIL_DIR || undefined;
	},
	get mailFrom(): string {
		return process.env.MAIL_FROM || '학교지원본부 예약 <no-reply@center.test>';
	},
	/** Public origin used in links inside e-mails. */
	get origin(): string {
		return process.env.ORIGIN || `http://localhost:${process.env.PORT || 3000}`;
	},
	get production(): boolean {
		return process.env.NODE_ENV === 'production';
	},
	/**
	 * Seed the demo center on first start. Default: on for the embedded database outside
	 * production, off on PostgreSQL (use `npm run db:seed` there).
	 */
	get seedDemo(): boolean {
		const flag = process.env.SEED_DEMO;
		if (flag === '1' || flag === 'true') return true;
		if (flag === '0' || flag === 'false') return false;
		return !this.databaseUrl && !this.production;
	},
	/** With the demo: a fortnight of bookings from the first start on (SEED_DEMO_BOOKINGS=0: an empty board, as the tests want). */
	get seedDemoBookings(): boolean {
		const flag = process.env.SEED_DEMO_BOOKINGS;
		return !(flag === '0' || flag === 'false');
	},
	/**
	 * TEST_CLOCK=1 (the e2e run only): a request carrying the `test-clock` cookie (an ISO instant)
	 * runs at that instant (hooks.server.ts), so a spec can see a week or a finished consultation
	 * without waiting. Never in production: there the cookie is ignored.
	 */
	get testClock(): boolean {
		return process.env.TEST_CLOCK === '1' && !this.production;
	},
	/** Visits the center receives on one day at most (VISITS_PER_DAY): confirming one more is refused. */
	get visitsPerDay(): number {
		const n = Number(process.env.VISITS_PER_DAY);
		return Number.isInteger(n) && n > 0 ? n : 2;
	},
	/** Visit requests one sender address may send per hour (VISIT_REQUESTS_PER_HOUR; the e2e run, all from one address, raises it). */
	get visitRequestsPerHour(): number {
		const n = Number(process.env.VISIT_REQUESTS_PER_HOUR);
		return Number.isInteger(n) && n > 0 ? n : 5;
	},
	get outboxPollMs(): number {
		return Number(process.env.OUTBOX_POLL_MS || 5000);
	},
	/** Bounds on database work (README › Configuration); see db/index.ts and http/admission.ts. */
	get database(): DatabaseLimits {
		return {
			poolSize: envNumber('DATABASE_POOL_SIZE', 10),
			connectTimeoutSeconds: envNumber('DATABASE_CONNECT_TIMEOUT_S', 3),
			statementTimeoutMs: envNumber('DATABASE_STATEMENT_TIMEOUT_MS', 10_000),
			lockTimeoutMs: envNumber('DATABASE_LOCK_TIMEOUT_MS', 3_000),
			idleInTransactionTimeoutMs: envNumber('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000),
			healthTimeoutMs: envNumber('HEALTHZ_TIMEOUT_MS', 1_000)
		};
	},
	/** Days after a mediation consultation ends until its case text is erased (CASE_RETENTION_DAYS; README › Configuration). */
	get caseRetentionDays(): number {
		return envNumber('CASE_RETENTION_DAYS', 180);
	},
	get admission(): { maxInFlight: number; maxQueued: number; queueTimeoutMs: number } {
		return {
			maxInFlight: envNumber('MAX_IN_FLIGHT', 64),
			maxQueued: envNumber('MAX_QUEUED', 256),
			queueTimeoutMs: envNumber('QUEUE_TIMEOUT_MS', 2_000)
		};
	}
};

export interface DatabaseLimits {
	poolSize: number;
	connectTimeoutSeconds: number;
	statementTimeoutMs: number;
	lockTimeoutMs: number;
	idleInTransactionTimeoutMs: number;
	healthTimeoutMs: number;
}

/** A non-negative number from the environment, or the default when unset or not a number. */
function envNumber(name: string, fallback: number): number {
	const raw = process.env[name];
	const value = raw === undefined || raw === '' ? NaN : Number(raw);
	return Number.isFinite(value) && value >= 0 ? value : fallback;
}
