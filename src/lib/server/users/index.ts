import { eq } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import { CONSENT_VERSIONS } from '$lib/privacy';
import type { Locale } from '$lib/time/format';
import * as audit from '../audit';
import { hashPassword, checkPasswordStrength, verifyPassword } from '../auth/password';
import { can, type Actor } from '../auth/permissions';
import * as sessions from '../auth/sessions';
import * as throttle from '../auth/throttle';
import * as links from '../auth/single-use-links';
import { normalizeEmail } from '../auth/login';
import * as clock from '../clock';
import { config } from '../config';
import { db, type Executor } from '../db';
import { appUser, department, invitation, personalDataConsent, roleEnum, school, type AppUser, type Role } from '../db/schema';
import { ForbiddenError, NotFoundError, TooManyRequestsError, ValidationError, type Violation } from '../errors';
import * as outbox from '../notifications/outbox';
import { isUuid } from '../db/sql';
import { EMAIL_PATTERN } from '../../schemas/contact';

import { affiliationColumns } from './list';
export { list, USERS_PAGE_SIZE, type UserListItem, type UserPage } from './list';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const ROLES = roleEnum.enumValues;
const NAME_MAX_LENGTH = 100;

export interface UserInput {
	email: string;
	name: string;
	role: string;
	departmentId?: string | null;
	schoolId?: string | null;
}

function ensureAllowed(actor: Actor) {
	if (!can(actor, 'users.manage')) throw new ForbiddenError();
}

/** Every problem with a user form at once. */
export function checkUserInput(input: UserInput): Violation[] {
	const violations: Violation[] = [];
	const email = normalizeEmail(input.email ?? '');
	if (!EMAIL_PATTERN.test(email)) violations.push({ rule: 'email', messageKey: 'field_email_invalid' });
	const name = (input.name ?? '').trim();
	if (!name) violations.push({ rule: 'name', messageKey: 'field_required' });
	else if (name.length > NAME_MAX_LENGTH)
		violations.push({ rule: 'name', messageKey: 'field_too_long', params: { max: NAME_MAX_LENGTH } });
	if (!(ROLES as readonly string[]).includes(input.role))
		violations.push({ rule: 'role', messageKey: 'field_role_invalid' });
	if (input.role === 'department_staff' && !input.departmentId)
		violations.push({ rule: 'departmentId', messageKey: 'field_department_required' });
	if (input.role === 'school_user' && !input.schoolId)
		violations.push({ rule: 'schoolId', messageKey: 'field_school_required' });
	return violations;
}

function roleLinks(input: UserInput) {
	return {
		departmentId: input.role === 'department_staff' ? (input.departmentId ?? null) : null,
		schoolId: input.role === 'school_user' ? (input.schoolId ?? null) : null
	};
}

async function ensureLinksExist(input: UserInput, violations: Violation[]) {
	const links = roleLinks(input);
	if (links.departmentId) {
		const [found] = await db.select({ id: department.id }).from(department).where(eq(department.id, links.departmentId));
		if (!found) violations.push({ rule: 'departmentId', messageKey: 'field_department_required' });
	}
	if (links.schoolId) {
		const [found] = await db.select({ id: school.id }).from(school).where(eq(school.id, links.schoolId));
		if (!found) violations.push({ rule: 'schoolId', messageKey: 'field_school_required' });
	}
}

/** An optional id: absent, or shaped like a uuid. */
const absentOrUuid = (value: string | null | undefined) => !value || isUuid(value);

export function inviteUrl(token: string): string {
	return new URL(`/invite/${token}`, config.origin).toString();
}

async function issueInvitation(tx: Executor, userId: string, email: string, name: string, createdBy: string) {
	// A new invitation replaces any earlier unused one.
	const token = await links.issue(tx, invitation, { userId, ttlMs: INVITATION_TTL_MS, createdBy });
	const url = inviteUrl(token);
	// In the account's language: Korean until the invitee chooses (they may switch on the page the link opens).
	await outbox.mail(tx, { userId }, {
		kind: 'invitation',
		compose: (locale) => ({ subject: m.email_invite_subject({}, { locale }), text: m.email_invite_body({ name, url, days: 7 }, { locale }) })
	});
	return url;
}

export async function createWithInvitation(actor: Actor, input: UserInput): Promise<{ user: AppUser; inviteUrl: string }> {
	ensureAllowed(actor);
	const violations = checkUserInput(input);
	if (!absentOrUuid(input.departmentId) || !absentOrUuid(input.schoolId))
		violations.push({ rule: 'role', messageKey: 'field_role_invalid' });
	if (violations.length === 0) await ensureLinksExist(input, violations);
	const email = normalizeEmail(input.email);
	if (violations.length === 0) {
		const [taken] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, email));
		if (taken) violations.push({ rule: 'email', messageKey: 'field_email_taken' });
	}
	if (violations.length) throw new ValidationError(violations);

	return db.transaction(async (tx) => {
		const [user] = await tx
			.insert(appUser)
			.values({ email, name: input.name.trim(), role: input.role as Role, ...roleLinks(input) })
			.returning();
		const url = await issueInvitation(tx, user!.id, email, user!.name, actor.id);
		await audit.record(tx, {
			actorId: actor.id,
			action: 'user.invite',
			entity: 'user',
			entityId: user!.id,
			after: { email, role: user!.role, departmentId: user!.departmentId, schoolId: user!.schoolId }
		});
		return { user: user!, inviteUrl: url };
	});
}

export async function reissueInvitation(actor: Actor, userId: string): Promise<string> {
	ensureAllowed(actor);
	const user = await get(userId);
	return db.transaction(async (tx) => {
		const url = await issueInvitation(tx, user.id, user.email, user.name, actor.id);
		await audit.record(tx, { actorId: actor.id, action: 'user.reinvite', entity: 'user', entityId: user.id });
		return url;
	});
}

/** Throws NotFoundError unless the user exists: actions check it before judging their fields (404, not 422). */
export async function ensureUserExists(actor: Actor, userId: string): Promise<void> {
	ensureAllowed(actor);
	await get(userId);
}

async function get(userId: string): Promise<AppUser> {
	if (!isUuid(userId)) throw new NotFoundError();
	const [user] = await db.select().from(appUser).where(eq(appUser.id, userId));
	if (!user) throw new NotFoundError();
	return user;
}

/** The invitation behind a token, when it can still be used. */
export async function findOpenInvitation(token: string) {
	const open = await links.findOpen(invitation, token);
	return open && { invitationId: open.linkId, userId: open.userId, email: open.email, name: open.name };
}

/** The 개인정보 수집·이용 동의 given on the invitation page: whether it was ticked, and in which language it was read. */
export interface AccountConsent {
	agreed: boolean;
	locale: Locale;
}

/**
 * Sets the first password and uses up the invitation, recording the personal-data consent
 * (required) with its version and time; returns a new session.
 */
export async function acceptInvitation(token: string, password: string, consent: AccountConsent) {
	const open = await findOpenInvitation(token);
	if (!open) throw new NotFoundError('invite_invalid');
	const violations = checkPasswordStrength(password, { email: open.email });
	if (!consent.agreed) violations.push({ rule: 'consent', messageKey: 'consent_required' });
	if (violations.length) throw new ValidationError(violations);
	const passwordHash = await hashPassword(password);
	return db.transaction(async (tx) => {
		// Single-use even under a double submit.
		if (!(await links.consume(tx, invitation, open.invitationId))) throw new NotFoundError('invite_invalid');
		const [user] = await tx
			.update(appUser)
			.set({ passwordHash, updatedAt: clock.now() })
			.where(eq(appUser.id, open.userId))
			.returning();
		const agreedAt = clock.now();
		await tx.insert(personalDataConsent).values({
			userId: user!.id,
			purpose: 'account',
			version: CONSENT_VERSIONS.account,
			locale: consent.locale,
			agreedAt
		});
		await sessions.invalidateAllForUser(user!.id, tx);
		const created = await sessions.create(user!.id, user!.role, tx);
		await audit.record(tx, {
			actorId: user!.id,
			action: 'user.accept_invitation',
			entity: 'user',
			entityId: user!.id,
			after: { consent: { purpose: 'account', version: CONSENT_VERSIONS.account, agreedAt: agreedAt.toISOString() } }
		});
		return created;
	});
}

/**
 * Changes one's own password, ends every session and opens a fresh one. The current-password
 * check is throttled like sign-in (same counters): a stolen session cannot guess the password.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, ip: string | null = null) {
	const user = await get(userId);
	const attempt = await throttle.begin(user.email, ip);
	if (!attempt.allowed) throw new TooManyRequestsError(attempt.retryAfterSeconds);
	const currentOk = user.passwordHash ? await verifyPassword(user.passwordHash, currentPassword) : false;
	await (currentOk ? throttle.succeeded(attempt) : throttle.failed(attempt));
	const violations: Violation[] = [];
	if (!currentOk) violations.push({ rule: 'currentPassword', messageKey: 'password_current_wrong' });
	violations.push(...checkPasswordStrength(newPassword, { email: user.email }).map((v) => ({ ...v, rule: 'newPassword' })));
	if (violations.length) throw new ValidationError(violations);
	const passwordHash = await hashPassword(newPassword);
	return db.transaction(async (tx) => {
		await tx.update(appUser).set({ passwordHash, updatedAt: clock.now() }).where(eq(appUser.id, user.id));
		await sessions.invalidateAllForUser(user.id, tx);
		const created = await sessions.create(user.id, user.role, tx);
		await audit.record(tx, { actorId: user.id, action: 'user.change_password', entity: 'user', entityId: user.id });
		return created;
	});
}

export async function updateRole(actor: Actor, userId: string, input: Omit<UserInput, 'email' | 'name'>) {
	ensureAllowed(actor);
	const user = await get(userId);
	const violations = checkUserInput({ ...input, email: user.email, name: user.name });
	if (!absentOrUuid(input.departmentId) || !absentOrUuid(input.schoolId))
		violations.push({ rule: 'role', messageKey: 'field_role_invalid' });
	if (user.id === actor.id && input.role !== 'admin')
		violations.push({ rule: 'role', messageKey: 'user_cannot_demote_self' });
	if (violations.length === 0) await ensureLinksExist({ ...input, email: user.email, name: user.name }, violations);
	if (violations.length) throw new ValidationError(violations);
	const links = roleLinks({ ...input, email: user.email, name: user.name });
	await db.transaction(async (tx) => {
		await tx
			.update(appUser)
			.set({ role: input.role as Role, ...links, updatedAt: clock.now() })
			.where(eq(appUser.id, user.id));
		// A new role means new rights and a new session policy: sign in again.
		await sessions.invalidateAllForUser(user.id, tx);
		await audit.record(tx, {
			actorId: actor.id,
			action: 'user.update_role',
			entity: 'user',
			entityId: user.id,
			before: { role: user.role, departmentId: user.departmentId, schoolId: user.schoolId },
			after: { role: input.role, ...links }
		});
	});
}

export async function setActive(actor: Actor, userId: string, active: boolean) {
	ensureAllowed(actor);
	const user = await get(userId);
	if (user.id === actor.id && !active)
		throw new ValidationError([{ rule: 'active', messageKey: 'user_cannot_deactivate_self' }]);
	await db.transaction(async (tx) => {
		await tx.update(appUser).set({ active, updatedAt: clock.now() }).where(eq(appUser.id, user.id));
		if (!active) await sessions.invalidateAllForUser(user.id, tx);
		await audit.record(tx, {
			actorId: actor.id,
			action: active ? 'user.reactivate' : 'user.deactivate',
			entity: 'user',
			entityId: user.id,
			before: { active: user.active },
			after: { active }
		});
	});
}

/** One's own account as shown on the account page. */
export async function getProfile(userId: string) {
	const [row] = await db
		.select({
			name: appUser.name,
			email: appUser.email,
			role: appUser.role,
			...affiliationColumns
		})
		.from(appUser)
		.leftJoin(department, eq(department.id, appUser.departmentId))
		.leftJoin(school, eq(school.id, appUser.schoolId))
		.where(eq(appUser.id, userId));
	if (!row) throw new NotFoundError();
	return row;
}

/** One user as the admin edit page shows it. */
export async function getForAdmin(actor: Actor, userId: string) {
	ensureAllowed(actor);
	const user = await get(userId);
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		departmentId: user.departmentId,
		schoolId: user.schoolId,
		active: user.active,
		hasPassword: user.passwordHash !== null,
		isSelf: user.id === actor.id
	};
}

/**
 * Remember the language a signed-in user chose, so e-mails reach them in it (one language per
 * message). A preference, not a change of the account that matters: not audited.
 */
export async function setLocale(userId: string, locale: 'ko' | 'en'): Promise<void> {
	await db.update(appUser).set({ locale }).where(eq(appUser.id, userId));
}
