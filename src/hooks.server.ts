import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { sessionCookieName, sessionCookieOptions } from '$lib/server/auth/cookies';
import * as sessions from '$lib/server/auth/sessions';
import { config } from '$lib/server/config';
import { db, describeConnectionError, openDatabase, useDatabase, type OpenDatabase } from '$lib/server/db';
import * as clock from '$lib/server/clock';
import { seedDemoBookings } from '$lib/server/db/demo-bookings';
import { isSeeded, seedDemo } from '$lib/server/db/seed';
import { retryReadOnce, unavailableCode } from '$lib/server/db/unavailable';
import { createAdmission } from '$lib/server/http/admission';
import { compression } from '$lib/server/http/compression';
import { problem } from '$lib/server/http/problem';
import { formOrigin } from '$lib/server/http/csrf';
import { requestLog } from '$lib/server/http/request-log';
import { databaseGuard, markUnavailable } from '$lib/server/http/unavailable';
import { say } from '$lib/server/i18n';
import { log } from '$lib/server/log';
import { directorySender, smtpSender } from '$lib/server/notifications/mailer';
import { startJob, startOutboxWorker } from '$lib/server/notifications/worker';
import { consultationReminders } from '$lib/server/consultations/reminders';
import { eraseExpiredCases } from '$lib/server/consultations/retention';
import * as reminders from '$lib/server/reminders';
import * as reservations from '$lib/server/rooms/bookings';
import { roomReminders } from '$lib/server/rooms/reminders';
import { readUiPreferences } from '$lib/server/ui-preferences';

export const init: ServerInit = async () => {
	const startedAt = performance.now();
	let opened: OpenDatabase;
	try {
		opened = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
		useDatabase(opened);
	} catch (error) {
		// One line a person can act on, not a stack trace.
		console.error(describeConnectionError(error, config.databaseUrl));
		process.exit(1);
	}
	if (config.seedDemo && !(await isSeeded(db))) {
		await seedDemo(db);
		const demoBookings = config.seedDemoBookings ? await seedDemoBookings(clock.now()) : null;
		log.info({ bookings: demoBookings?.made ?? 0, consultations: demoBookings?.consultations ?? 0, visits: demoBookings?.visits ?? 0 }, 'seeded the demo center and accounts');
	}
	const workers: { stop(): Promise<void> }[] = [
		startJob('lapse undecided requests', reservations.lapseUndecided, LAPSE_POLL_MS, log),
		// Queued into the outbox whether or not this process sends mail (SMTP_URL).
		startJob('reminders', () => reminders.sendDue(REMINDER_SOURCES), REMINDER_POLL_MS, log),
		startJob('erase expired mediation case text', () => eraseExpiredCases(), RETENTION_POLL_MS, log)
	];
	if (config.smtpUrl) {
		const sender = smtpSender(config.smtpUrl, config.mailFrom);
		workers.push(startOutboxWorker(sender.send, config.outboxPollMs, log));
	} else if (config.mailDir) {
		const sender = directorySender(config.mailDir, config.mailFrom);
		workers.push(startOutboxWorker(sender.send, config.outboxPollMs, log));
		log.info({ mailDir: config.mailDir }, 'SMTP_URL unset: e-mails are written as .eml files to MAIL_DIR');
	} else {
		log.info('SMTP_URL unset: e-mails stay in the outbox (admin › outbox)');
	}
	// adapter-node emits this after the HTTP server has closed (SIGTERM/SIGINT): let the pool go so the process exits.
	process.once('sveltekit:shutdown', async () => {
		await Promise.all(workers.map((w) => w.stop()));
		await opened.close();
	});
	log.info({ ms: Math.round(performance.now() - startedAt), driver: config.databaseUrl ? 'postgres' : 'pglite' }, 'ready');
	if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
		// adapter-node then takes every request for https://, and SvelteKit refuses form posts made over http://.
		log.warn('ORIGIN unset: sign-in and other form posts work only over https:// (set ORIGIN, or PROTOCOL_HEADER/HOST_HEADER behind a proxy)');
	}
	if (!process.env.BODY_SIZE_LIMIT) {
		// adapter-node's own default (512K) refuses phone photos and the 1 MB school import; `npm start` sets 12M.
		log.warn('BODY_SIZE_LIMIT unset: uploads over 512 kB are refused (photos, CSV imports); start with `npm start` or set BODY_SIZE_LIMIT=12M');
	}
	if (config.testClock) log.warn('TEST_CLOCK=1: requests with a test-clock cookie run at its time (for the e2e tests only)');
	if (config.seedDemo) console.log(`\nDemo: open ${config.origin} and sign in as school@center.test (password center-demo); other accounts in README.md\n`);
};

/** Undecided room requests stop holding time at their start; checked every minute. */
const LAPSE_POLL_MS = 60_000;

/** Case text past its retention is erased within the hour. */
const RETENTION_POLL_MS = 60 * 60_000;

/** Every service that reminds its bookers the day before registers its source here. */
const REMINDER_SOURCES = [roomReminders, consultationReminders];
/** Reminders due are queued within a minute. */
const REMINDER_POLL_MS = 60_000;

/** The cookie that sets one browser's clock when TEST_CLOCK=1 (config.testClock). */
const TEST_CLOCK_COOKIE = 'test-clock';

/** With TEST_CLOCK=1, a request with the test-clock cookie runs at its instant (and only that request). */
const testClock: Handle = ({ event, resolve }) => {
	if (!config.testClock) return resolve(event);
	const at = Date.parse(event.cookies.get(TEST_CLOCK_COOKIE) ?? '');
	return Number.isNaN(at) ? resolve(event) : clock.runAt(new Date(at), () => resolve(event));
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const session: Handle = async ({ event, resolve }) => {
	const secure = event.url.protocol === 'https:';
	const name = sessionCookieName(secure);
	const token = event.cookies.get(name);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		// A read, so safe to repeat once after a dropped connection (db/unavailable.ts).
		const valid = await retryReadOnce(() => sessions.validate(token));
		if (valid) {
			event.locals.user = valid.user;
			event.locals.session = valid.session;
			if (valid.renewed) event.cookies.set(name, token, sessionCookieOptions(secure, valid.session.expiresAt));
		} else {
			event.cookies.delete(name, { path: '/' });
		}
	}
	return resolve(event);
};

const uiPreferences: Handle = ({ event, resolve }) => {
	event.locals.ui = readUiPreferences(event.cookies);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%ui.contrast%', event.locals.ui.contrast).replace('%ui.text%', event.locals.ui.text)
	});
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * SvelteKit's CSRF check covers form posts only. JSON API writes must be JSON (415 otherwise)
 * and, when a browser says where they come from, come from us (403 otherwise).
 */
const apiGuard: Handle = ({ event, resolve }) => {
	if (event.url.pathname.startsWith('/api/') && STATE_CHANGING.has(event.request.method)) {
		const origin = event.request.headers.get('origin');
		if (origin && origin !== event.url.origin) return problem(403, 'foreign-origin', 'error_foreign_origin');
		const type = event.request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
		const declaresBody =
			Number(event.request.headers.get('content-length') ?? 0) > 0 || event.request.headers.has('transfer-encoding');
		if ((type && type !== 'application/json') || (!type && declaresBody))
			return problem(415, 'unsupported-media-type', 'error_unsupported_media_type');
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('x-content-type-options', 'nosniff');
	h.set('referrer-policy', 'strict-origin-when-cross-origin');
	h.set('x-frame-options', 'DENY');
	h.set('cross-origin-opener-policy', 'same-origin');
	h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	if (event.url.protocol === 'https:') h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	// Pages get their CSP (with nonces) from svelte.config.js; everything else gets the strictest.
	if (!h.has('content-security-policy')) h.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
	// A public, immutable response (a room photo) is the same for everyone: it keeps its caching.
	const publicImmutable = /\bpublic\b.*\bimmutable\b/.test(h.get('cache-control') ?? '');
	if (event.locals.user && !publicImmutable) h.set('cache-control', 'private, no-store');
	return response;
};

/** Bounded work per process and 503 for an unavailable database (src/lib/server/http/unavailable.ts). */
const database = databaseGuard(createAdmission(config.admission));

export const handle = sequence(testClock, requestLog, compression, securityHeaders, formOrigin, i18n, uiPreferences, database, session, apiGuard);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (markUnavailable(event, error)) {
		(event.locals.log ?? log).warn({ code: unavailableCode(error), route: event.route.id }, 'database unavailable: answered 503');
		return { message: say('unavailable_title'), requestId: event.locals.requestId, unavailable: true };
	}
	// `err` goes through the log's serializer: a failed query logs its SQLSTATE and shape, not its values.
	if (status >= 500) (event.locals.log ?? log).error({ err: error, route: event.route.id }, 'unhandled error');
	return { message, requestId: event.locals.requestId };
};
