import { and, eq, isNull } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import { formatDuration, type Locale } from '$lib/time/format';
import * as audit from '../audit';
import * as clock from '../clock';
import { config } from '../config';
import { db } from '../db';
import { appUser, calendarFeed, passwordReset } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import * as outbox from '../notifications/outbox';
import * as rateLimit from '../rate-limit';
import { normalizeEmail } from './login';
import { checkPasswordStrength, hashPassword } from './password';
import * as sessions from './sessions';
import * as links from './single-use-links';

/** A reset link works for one hour, once. */
export const RESET_TTL_MINUTES = 60;
const RESET_TTL_MS = RESET_TTL_MINUTES * 60_000;
/** Per address: enough for a lost e-mail and a retry, too few to flood someone's inbox. */
export const RESET_PER_ADDRESS: rateLimit.Limit = { limit: 3, windowMs: 60 * 60_000 };
/** Per client: a school's staff share one address (NAT), so more than one person's worth. */
export const RESET_PER_CLIENT: rateLimit.Limit = { limit: 20, windowMs: 60 * 60_000 };
/**
 * Every request answers no sooner than this, whether the address has an account or not: the
 * extra work for a real account (a token, a row, an e-mail in the outbox) hides under it.
 */
export const RESET_MIN_ANSWER_MS = 300;

export type ResetRequestResult = { ok: true } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export function resetUrl(token: string): string {
	return new URL(`/password-reset/${token}`, config.origin).toString();
}

async function answerNoSoonerThan<T>(startedAt: number, minMs: number, value: T): Promise<T> {
	// Real time, not the app clock: this is about what an observer of the network can measure.
	const waitMs = minMs - (performance.now() - startedAt);
	if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
	return value;
}

/**
 * "비밀번호를 잊으셨나요?": e-mails a single-use link to the address when it belongs to an active
 * account with a password. The answer is the same, and takes as long, either way.
 */
export async function request(
	input: { email: string; ip: string | null; locale: Locale },
	options: { minAnswerMs?: number } = {}
): Promise<ResetRequestResult> {
	const startedAt = performance.now();
	const minAnswerMs = options.minAnswerMs ?? RESET_MIN_ANSWER_MS;
	const email = normalizeEmail(input.email);
	// Counted before the account is looked up, for every address alike: the limits say nothing about it.
	const perClient = input.ip ? await rateLimit.hit(`password_reset:ip:${input.ip}`, RESET_PER_CLIENT) : ({ ok: true } as const);
	const perAddress = perClient.ok ? await rateLimit.hit(`password_reset:email:${email}`, RESET_PER_ADDRESS) : perClient;
	if (!perAddress.ok)
		return answerNoSoonerThan(startedAt, minAnswerMs, { ok: false, reason: 'throttled', retryAfterSeconds: perAddress.retryAfterSeconds });

	const [user] = await db.select().from(appUser).where(eq(appUser.email, email));
	// An invited user who never set a password accepts the invitation instead (with its consent).
	const resettable = user && user.active && user.passwordHash !== null;
	if (resettable) {
		const locale: Locale = user.locale === 'en' || user.locale === 'ko' ? user.locale : input.locale;
		await db.transaction(async (tx) => {
			// The newest link is the only one that works.
			const url = resetUrl(await links.issue(tx, passwordReset, { userId: user.id, ttlMs: RESET_TTL_MS }));
			await outbox.enqueue(tx, {
				to: user.email,
				kind: 'password_reset',
				subject: m.pwreset_email_subject({}, { locale }),
				text: m.pwreset_email_body({ name: user.name, url, duration: formatDuration(RESET_TTL_MINUTES, locale) }, { locale })
			});
			await audit.record(tx, { actorId: null, action: 'user.request_password_reset', entity: 'user', entityId: user.id });
		});
	}
	return answerNoSoonerThan(startedAt, minAnswerMs, { ok: true });
}

/** The account behind a reset link, while the link can still be used. */
export async function findOpen(token: string) {
	const open = await links.findOpen(passwordReset, token);
	return open && { resetId: open.linkId, userId: open.userId, email: open.email, name: open.name };
}

/**
 * Sets the new password, uses up the link and ends every session of the account (whoever held
 * the old password is signed out everywhere). No new session: the person signs in with the new
 * password, which also proves they remember it.
 */
export async function complete(token: string, password: string): Promise<void> {
	const open = await findOpen(token);
	if (!open) throw new NotFoundError('pwreset_link_invalid');
	const violations = checkPasswordStrength(password, { email: open.email });
	if (violations.length) throw new ValidationError(violations);
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		// Single-use even under a double submit.
		if (!(await links.consume(tx, passwordReset, open.resetId))) throw new NotFoundError('pwreset_link_invalid');
		await tx.update(appUser).set({ passwordHash, updatedAt: clock.now() }).where(eq(appUser.id, open.userId));
		await sessions.invalidateAllForUser(open.userId, tx);
		// Whoever held the account may have made a calendar address: it stops too.
		await tx.update(calendarFeed).set({ revokedAt: clock.now() }).where(and(eq(calendarFeed.userId, open.userId), isNull(calendarFeed.revokedAt)));
		await audit.record(tx, { actorId: open.userId, action: 'user.reset_password', entity: 'user', entityId: open.userId });
	});
}
