import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as login from '../../src/lib/server/auth/login';
import * as passwordReset from '../../src/lib/server/auth/password-reset';
import * as sessions from '../../src/lib/server/auth/sessions';
import * as feeds from '../../src/lib/server/calendar/feeds';
import { hashSecret } from '../../src/lib/server/auth/tokens';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { appUser, auditLog, outbox, passwordReset as resetTable } from '../../src/lib/server/db/schema';
import { NotFoundError, ValidationError } from '../../src/lib/server/errors';
import * as users from '../../src/lib/server/users';
import * as outboxList from '../../src/lib/server/notifications/outbox';
import { DEMO_PASSWORD, actor, seedDemoCenter } from './fixtures';

beforeAll(seedDemoCenter);

const NEW_PASSWORD = 'Quiet-river-2026';
/** No padding where the test is not about timing. */
const fast = { minAnswerMs: 0 };
let ipCounter = 0;
/** A client address of its own per test, so the per-client limit of one test never meets another's. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function mailsTo(email: string) {
	return db.select().from(outbox).where(and(eq(outbox.toAddress, email), eq(outbox.kind, 'password_reset')));
}

/** The token from the one reset e-mail to an address (the link's last path segment). */
async function tokenFromMail(email: string): Promise<string> {
	const mails = await mailsTo(email);
	const url = mails.at(-1)!.bodyText.match(/https?:\/\/\S+\/password-reset\/([a-z2-7]+)/);
	expect(url, 'a reset link in the e-mail').not.toBeNull();
	return url![1]!;
}

async function userId(email: string) {
	const [row] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, email));
	return row!.id;
}

describe('asking for a password reset', () => {
	it('e-mails a link in the account language through the outbox; only the SHA-256 of its 40-character token is stored; audited', async () => {
		const email = 'edu@center.test';
		await db.update(appUser).set({ locale: 'en' }).where(eq(appUser.email, email));
		const answer = await passwordReset.request({ email: ' EDU@center.test ', ip: freshIp(), locale: 'ko' }, fast);
		expect(answer).toEqual({ ok: true });

		const [mail, ...more] = await mailsTo(email);
		expect(more).toHaveLength(0);
		expect(mail!.status).toBe('pending');
		// One language per message: the account's (English here), though the request came from a Korean page.
		expect(mail!.subject).toBe('[School Support Center] Reset your password');
		expect(mail!.bodyText).toContain('1 hour');
		// (The first line greets the person by their name, which may well be Korean.)
		expect(mail!.bodyText.split('\n').slice(1).join('\n')).not.toMatch(/[가-힣]/);

		const token = await tokenFromMail(email);
		expect(token).toMatch(/^[a-z2-7]{40}$/); // 25 random bytes in base32
		const [stored] = await db.select().from(resetTable).where(eq(resetTable.userId, await userId(email)));
		expect(stored!.tokenHash).toBe(hashSecret(token));
		expect(stored!.tokenHash).not.toContain(token);
		const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'user.request_password_reset'));
		expect(audits.map((a) => a.entityId)).toContain(await userId(email));
	});

	it('shows the admin’s outbox the reset mail without its secret: whoever reads the outbox cannot reset the password', async () => {
		const email = 'facility@center.test';
		await passwordReset.request({ email, ip: freshIp(), locale: 'ko' }, fast);
		const token = await tokenFromMail(email);
		const [shown] = (await outboxList.list()).filter((m) => m.toAddress === email && m.kind === 'password_reset');
		expect(shown!.bodyText).not.toContain(token);
		expect(shown!.bodyText).toContain(`/password-reset/${outboxList.REDACTED}`);
		// The rest of the mail reads as sent.
		expect(shown!.subject).toBe((await mailsTo(email)).at(-1)!.subject);
		// Other mails' links stay whole.
		expect(outboxList.redactPrivateLinks('https://center.test/my/bookings/0b6f7c2e-0000-4000-8000-000000000000')).toBe(
			'https://center.test/my/bookings/0b6f7c2e-0000-4000-8000-000000000000'
		);
	});

	it('answers an unknown address exactly as a known one, in about the same time, and sends nothing', async () => {
		const timed = async (email: string) => {
			const started = performance.now();
			const answer = await passwordReset.request({ email, ip: freshIp(), locale: 'ko' });
			return { answer, ms: performance.now() - started };
		};
		const known = await timed('visits@center.test');
		const unknown = await timed('nobody-here@center.test');
		expect(unknown.answer).toEqual(known.answer);
		expect(known.answer).toEqual({ ok: true });
		// Both wait out the same floor, so the extra work for a real account does not show.
		expect(known.ms).toBeGreaterThanOrEqual(passwordReset.RESET_MIN_ANSWER_MS - 5);
		expect(unknown.ms).toBeGreaterThanOrEqual(passwordReset.RESET_MIN_ANSWER_MS - 5);
		expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(250);
		expect(await mailsTo('nobody-here@center.test')).toHaveLength(0);
		expect(await mailsTo('visits@center.test')).toHaveLength(1);
	});

	it('sends nothing for a deactivated account or an invited user who has not set a password yet', async () => {
		const admin = await actor('admin@center.test');
		const { user } = await users.createWithInvitation(admin, { email: 'invited-only@center.test', name: '초대만', role: 'visit_coordinator' });
		const { user: gone } = await users.createWithInvitation(admin, { email: 'gone@center.test', name: '비활성', role: 'visit_coordinator' });
		await db.update(appUser).set({ passwordHash: 'x' }).where(eq(appUser.id, gone.id));
		await users.setActive(admin, gone.id, false);
		for (const email of [user.email, gone.email])
			expect(await passwordReset.request({ email, ip: freshIp(), locale: 'ko' }, fast)).toEqual({ ok: true });
		expect(await mailsTo(user.email)).toHaveLength(0);
		expect(await mailsTo(gone.email)).toHaveLength(0);
	});

	it('allows three requests per address an hour, the same for an unknown address, then says how long to wait', async () => {
		clock.freeze(new Date('2026-12-07T01:00:00Z'));
		for (const email of ['mediation@center.test', 'no-such-person@center.test']) {
			for (let i = 0; i < passwordReset.RESET_PER_ADDRESS.limit; i++)
				expect(await passwordReset.request({ email, ip: freshIp(), locale: 'ko' }, fast)).toEqual({ ok: true });
			const refused = await passwordReset.request({ email, ip: freshIp(), locale: 'ko' }, fast);
			expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
			expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0);
		}
		expect(await mailsTo('mediation@center.test')).toHaveLength(3);
		// An hour later the address may ask again.
		clock.advance(passwordReset.RESET_PER_ADDRESS.windowMs + 1000);
		expect(await passwordReset.request({ email: 'mediation@center.test', ip: freshIp(), locale: 'ko' }, fast)).toEqual({ ok: true });
	});

	it('limits one client to twenty requests an hour across addresses', async () => {
		const ip = freshIp();
		for (let i = 0; i < passwordReset.RESET_PER_CLIENT.limit; i++)
			expect(await passwordReset.request({ email: `spray-${i}@center.test`, ip, locale: 'ko' }, fast)).toEqual({ ok: true });
		expect(await passwordReset.request({ email: 'spray-last@center.test', ip, locale: 'ko' }, fast)).toMatchObject({
			ok: false,
			reason: 'throttled'
		});
		// Another client is not held back by it.
		expect(await passwordReset.request({ email: 'spray-last@center.test', ip: freshIp(), locale: 'ko' }, fast)).toEqual({ ok: true });
	});
});

describe('using a reset link', () => {
	it('sets the new password once: the link is single-use and the old password stops working', async () => {
		const email = 'admin-support@center.test';
		await passwordReset.request({ email, ip: freshIp(), locale: 'ko' }, fast);
		const token = await tokenFromMail(email);
		expect(await passwordReset.findOpen(token)).toMatchObject({ email });

		await passwordReset.complete(token, NEW_PASSWORD);
		expect(await passwordReset.findOpen(token)).toBeNull();
		await expect(passwordReset.complete(token, 'Another-password-2026')).rejects.toBeInstanceOf(NotFoundError);
		expect(await login.signIn({ email, password: DEMO_PASSWORD, ip: null })).toMatchObject({ ok: false, reason: 'invalid' });
		expect(await login.signIn({ email, password: NEW_PASSWORD, ip: null })).toMatchObject({ ok: true });
		const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'user.reset_password'));
		expect(audits.map((a) => a.entityId)).toContain(await userId(email));
	});

	it('lets exactly one of many simultaneous submissions use the link', async () => {
		const email = 'facility-support@center.test';
		await passwordReset.request({ email, ip: freshIp(), locale: 'ko' }, fast);
		const token = await tokenFromMail(email);
		const results = await Promise.allSettled(
			Array.from({ length: 8 }, (_, i) => passwordReset.complete(token, `Parallel-password-${i}`))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results.filter((r) => r.status === 'rejected'))
			expect((r as PromiseRejectedResult).reason).toBeInstanceOf(NotFoundError);
	});

	it('expires after an hour (by the app clock)', async () => {
		clock.freeze(new Date('2026-12-08T00:00:00Z'));
		const email = 'facility@center.test';
		await passwordReset.request({ email, ip: freshIp(), locale: 'ko' }, fast);
		const token = await tokenFromMail(email);
		clock.advance(passwordReset.RESET_TTL_MINUTES * 60_000 - 1000);
		expect(await passwordReset.findOpen(token)).not.toBeNull();
		clock.advance(2000);
		expect(await passwordReset.findOpen(token)).toBeNull();
		await expect(passwordReset.complete(token, NEW_PASSWORD)).rejects.toBeInstanceOf(NotFoundError);
		expect(await login.signIn({ email, password: DEMO_PASSWORD, ip: null })).toMatchObject({ ok: true });
	});

	it('ends every session of the account, on every device, and its calendar address, and opens none', async () => {
		const email = 'school@center.test';
		const first = await login.signIn({ email, password: DEMO_PASSWORD, ip: null });
		const second = await login.signIn({ email, password: DEMO_PASSWORD, ip: null });
		const id = await userId(email);
		expect(await sessions.countForUser(id)).toBe(2);
		const feed = await feeds.create({ id }, clock.now());
		expect(await feeds.ownerOf(feed.token, clock.now())).not.toBeNull();

		await passwordReset.request({ email, ip: freshIp(), locale: 'ko' }, fast);
		await passwordReset.complete(await tokenFromMail(email), NEW_PASSWORD);
		expect(await sessions.countForUser(id)).toBe(0);
		for (const signed of [first, second]) expect(signed.ok && (await sessions.validate(signed.token))).toBeNull();
		expect(await feeds.ownerOf(feed.token, clock.now())).toBeNull();
	});

	it('refuses a weak password and keeps the link open; a newer link replaces an older one', async () => {
		const email = 'admin@center.test';
		await passwordReset.request({ email, ip: freshIp(), locale: 'ko' }, fast);
		const older = await tokenFromMail(email);
		await expect(passwordReset.complete(older, 'admin@center')).rejects.toBeInstanceOf(ValidationError);
		expect(await passwordReset.findOpen(older)).not.toBeNull();

		await passwordReset.request({ email, ip: freshIp(), locale: 'ko' }, fast);
		const newer = await tokenFromMail(email);
		expect(newer).not.toBe(older);
		expect(await passwordReset.findOpen(older)).toBeNull();
		expect(await passwordReset.findOpen(newer)).not.toBeNull();
	});
});
