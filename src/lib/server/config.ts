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
	get outboxPollMs(): number {
		return Number(process.env.OUTBOX_POLL_MS || 5000);
	}
};
