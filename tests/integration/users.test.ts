import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as login from '../../src/lib/server/auth/login';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { appUser, auditLog, department, invitation, outbox, personalDataConsent, school } from '../../src/lib/server/db/schema';
import { CONSENT_VERSIONS } from '../../src/lib/privacy';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import * as users from '../../src/lib/server/users';
import { userListQuery } from '../../src/lib/schemas/users';
import { actor, seedDemoCenter } from './fixtures';

beforeAll(seedDemoCenter);

const tokenOf = (url: string) => url.split('/invite/')[1]!;
const AGREED = { agreed: true, locale: 'ko' } as const;

async function departmentId(code: string) {
	const [row] = await db.select().from(department).where(eq(department.code, code));
	return row!.id;
}

describe('inviting users', () => {
	it('creates the account, a single-use invitation and its e-mail in one go, and audits it', async () => {
		const admin = await actor('admin@center.test');
		const { user, inviteUrl } = await users.createWithInvitation(admin, {
			email: 'New.Teacher@School.KR',
			name: '새 교사',
			role: 'school_user',
			schoolId: (await db.select().from(school))[0]!.id
		});
		expect(user.email).toBe('new.teacher@school.kr');
		expect(user.passwordHash).toBeNull();
		expect(inviteUrl).toMatch(/\/invite\/[a-z2-7]{40}$/);
		const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, 'new.teacher@school.kr'));
		expect(mail!.kind).toBe('invitation');
		expect(mail!.bodyText).toContain(inviteUrl);
		expect(mail!.status).toBe('pending');
		const [stored] = await db.select().from(invitation).where(eq(invitation.userId, user.id));
		expect(stored!.tokenHash).not.toContain(tokenOf(inviteUrl));
		const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
		expect(audits.map((a) => a.action)).toContain('user.invite');
	});

	it('lists every problem of the form at once', async () => {
		const admin = await actor('admin@center.test');
		const error = await users
			.createWithInvitation(admin, { email: 'not-an-email', name: ' ', role: 'department_staff' })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).violations.map((v) => v.rule).sort()).toEqual(['departmentId', 'email', 'name']);
	});

	it('refuses an address that already has an account', async () => {
		const admin = await actor('admin@center.test');
		const error = await users
			.createWithInvitation(admin, { email: 'EDU@center.test', name: 'dup', role: 'admin' })
			.catch((e: unknown) => e);
		expect((error as ValidationError).violations).toEqual([{ rule: 'email', messageKey: 'field_email_taken' }]);
	});

	it('is for administrators only', async () => {
		const facility = await actor('facility@center.test');
		await expect(users.createWithInvitation(facility, { email: 'x@y.kr', name: 'x', role: 'admin' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(users.list(await actor('school@center.test'), userListQuery.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('accepting an invitation', () => {
	async function invite(email: string) {
		const admin = await actor('admin@center.test');
		return users.createWithInvitation(admin, { email, name: '초대 받은 사람', role: 'visit_coordinator' });
	}

	it('sets the password, signs in, and cannot be used twice', async () => {
		const { inviteUrl } = await invite('accept@center.test');
		const token = tokenOf(inviteUrl);
		expect(await users.findOpenInvitation(token)).toMatchObject({ email: 'accept@center.test' });
		const created = await users.acceptInvitation(token, 'correct horse battery', AGREED);
		expect(created.token).toContain('.');
		expect(await login.signIn({ email: 'accept@center.test', password: 'correct horse battery', ip: null })).toMatchObject({
			ok: true
		});
		expect(await users.findOpenInvitation(token)).toBeNull();
		await expect(users.acceptInvitation(token, 'another long password', AGREED)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('lets exactly one of many simultaneous submissions use the token', async () => {
		const { inviteUrl } = await invite('race@center.test');
		const results = await Promise.allSettled(
			Array.from({ length: 10 }, (_, i) => users.acceptInvitation(tokenOf(inviteUrl), `parallel password ${i}`, AGREED))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results.filter((r) => r.status === 'rejected'))
			expect((r as PromiseRejectedResult).reason).toBeInstanceOf(NotFoundError);
	});

	it('expires after seven days', async () => {
		clock.freeze(new Date('2026-11-01T00:00:00Z'));
		const { inviteUrl } = await invite('late@center.test');
		clock.advance(users.INVITATION_TTL_MS + 1000);
		await expect(users.acceptInvitation(tokenOf(inviteUrl), 'a long enough password', AGREED)).rejects.toBeInstanceOf(
			NotFoundError
		);
	});

	it('refuses a weak password and keeps the invitation open', async () => {
		const { inviteUrl } = await invite('weak@center.test');
		await expect(users.acceptInvitation(tokenOf(inviteUrl), 'weak@center', AGREED)).rejects.toBeInstanceOf(ValidationError);
		expect(await users.findOpenInvitation(tokenOf(inviteUrl))).not.toBeNull();
	});

	it('records the personal-data consent with its version, language and time, in the transaction that opens the account', async () => {
		clock.freeze(new Date('2026-12-03T01:30:00Z'));
		const { user, inviteUrl } = await invite('consent@center.test');
		await users.acceptInvitation(tokenOf(inviteUrl), 'a long enough password', { agreed: true, locale: 'en' });
		const consents = await db.select().from(personalDataConsent).where(eq(personalDataConsent.userId, user.id));
		expect(consents).toEqual([
			expect.objectContaining({ purpose: 'account', version: CONSENT_VERSIONS.account, locale: 'en', agreedAt: new Date('2026-12-03T01:30:00Z') })
		]);
		const [accepted] = await db.select().from(auditLog).where(eq(auditLog.action, 'user.accept_invitation'));
		expect(accepted).toBeDefined();
	});

	it('refuses to open the account without the consent, together with any password problem, and keeps the invitation open', async () => {
		const { user, inviteUrl } = await invite('no-consent@center.test');
		const error = await users
			.acceptInvitation(tokenOf(inviteUrl), 'short', { agreed: false, locale: 'ko' })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		const rules = (error as ValidationError).violations.map((v) => v.rule);
		expect(rules).toContain('consent');
		expect(rules).toContain('password');
		expect((error as ValidationError).violations.find((v) => v.rule === 'consent')?.messageKey).toBe('consent_required');

		const alone = await users
			.acceptInvitation(tokenOf(inviteUrl), 'a long enough password', { agreed: false, locale: 'ko' })
			.catch((e: unknown) => e);
		expect((alone as ValidationError).violations).toEqual([{ rule: 'consent', messageKey: 'consent_required' }]);
		expect(await users.findOpenInvitation(tokenOf(inviteUrl))).not.toBeNull();
		expect(await db.select().from(personalDataConsent).where(eq(personalDataConsent.userId, user.id))).toEqual([]);
		const [row] = await db.select().from(appUser).where(eq(appUser.id, user.id));
		expect(row!.passwordHash).toBeNull();
	});

	it('a new invitation replaces the earlier one', async () => {
		const admin = await actor('admin@center.test');
		const { user, inviteUrl } = await invite('again@center.test');
		const second = await users.reissueInvitation(admin, user.id);
		expect(await users.findOpenInvitation(tokenOf(inviteUrl))).toBeNull();
		expect(await users.findOpenInvitation(tokenOf(second))).not.toBeNull();
	});
});

describe('roles and status', () => {
	it('moves a user to another role with its department, ending their sessions, with before/after in the audit', async () => {
		const admin = await actor('admin@center.test');
		const visits = await actor('visits@center.test');
		const signed = await login.signIn({ email: 'visits@center.test', password: 'center-demo', ip: null });
		const mediation = await departmentId('mediation');
		await users.updateRole(admin, visits.id, { role: 'department_staff', departmentId: mediation });
		const [row] = await db.select().from(appUser).where(eq(appUser.id, visits.id));
		expect(row).toMatchObject({ role: 'department_staff', departmentId: mediation, schoolId: null });
		if (signed.ok) {
			const { validate } = await import('../../src/lib/server/auth/sessions');
			expect(await validate(signed.token)).toBeNull();
		}
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'user.update_role'));
		expect(entry!.before).toMatchObject({ role: 'visit_coordinator' });
		expect(entry!.after).toMatchObject({ role: 'department_staff', departmentId: mediation });
	});

	it('refuses department staff without a department', async () => {
		const admin = await actor('admin@center.test');
		const facility = await actor('facility@center.test');
		const error = await users.updateRole(admin, facility.id, { role: 'department_staff' }).catch((e: unknown) => e);
		expect((error as ValidationError).violations).toEqual([{ rule: 'departmentId', messageKey: 'field_department_required' }]);
	});

	it('does not let an administrator remove their own role or deactivate themselves', async () => {
		const admin = await actor('admin@center.test');
		await expect(users.updateRole(admin, admin.id, { role: 'facility_manager' })).rejects.toBeInstanceOf(ValidationError);
		await expect(users.setActive(admin, admin.id, false)).rejects.toBeInstanceOf(ValidationError);
	});

	it('answers not found for an unknown or malformed id', async () => {
		const admin = await actor('admin@center.test');
		await expect(users.getForAdmin(admin, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
		await expect(users.getForAdmin(admin, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
	});
});
