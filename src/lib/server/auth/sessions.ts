import { eq, lt, sql } from 'drizzle-orm';
import * as clock from '../clock';
import { db, prepared, type Executor } from '../db';
import { appUser, department, session, type AppUser, type Role, type Session } from '../db/schema';
import { isStaffRole } from '../../roles';
import { newIdAndSecret, secretMatches, splitToken } from './tokens';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** School users: long sessions, renewed when half used. */
export const SCHOOL_SESSION_MS = 30 * DAY_MS;
export const SCHOOL_SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;
/** Staff can read personal data: idle time-out and a hard limit. */
export const STAFF_IDLE_MS = 30 * MINUTE_MS;
export const STAFF_ABSOLUTE_MS = 12 * 60 * MINUTE_MS;
/** Staff activity extends the idle deadline at most once a minute (one write, not one per request). */
export const STAFF_TOUCH_AFTER_MS = MINUTE_MS;
/** The page warns this long before an idle staff session ends. */
export const STAFF_IDLE_WARNING_MS = 5 * MINUTE_MS;

export type SessionUser = Pick<
	AppUser,
	'id' | 'email' | 'name' | 'role' | 'departmentId' | 'schoolId' | 'locale'
> & { departmentCode: string | null; departmentLead?: boolean };

/** The columns a SessionUser is made of (from app_user left-joined with its department). */
export const SESSION_USER_COLUMNS = {
	id: appUser.id,
	email: appUser.email,
	name: appUser.name,
	role: appUser.role,
	departmentId: appUser.departmentId,
	schoolId: appUser.schoolId,
	locale: appUser.locale,
	departmentCode: department.code,
	departmentLead: appUser.departmentLead
};

export interface ValidSession {
	session: Session;
	user: SessionUser;
	/** True when the expiry moved and the cookie must be set again. */
	renewed: boolean;
}

export { isStaffRole };

export async function create(userId: string, role: Role, executor: Executor = db): Promise<{ token: string; session: Session }> {
	const { id, token, secretHash } = newIdAndSecret();
	const createdAt = clock.now();
	const staff = isStaffRole(role);
	const absoluteExpiresAt = staff ? new Date(createdAt.getTime() + STAFF_ABSOLUTE_MS) : null;
	const expiresAt = new Date(createdAt.getTime() + (staff ? STAFF_IDLE_MS : SCHOOL_SESSION_MS));
	const [row] = await executor
		.insert(session)
		.values({ id, secretHash, userId, createdAt, expiresAt, absoluteExpiresAt })
		.returning();
	return { token, session: row! };
}

/** Next expiry for an active session, or null when it need not move yet. */
export function nextExpiry(current: Pick<Session, 'expiresAt' | 'absoluteExpiresAt'>, role: Role, at: Date): Date | null {
	const nowMs = at.getTime();
	if (!isStaffRole(role)) {
		const halfUsed = nowMs >= current.expiresAt.getTime() - SCHOOL_SESSION_RENEW_BEFORE_MS;
		return halfUsed ? new Date(nowMs + SCHOOL_SESSION_MS) : null;
	}
	const lastTouchMs = current.expiresAt.getTime() - STAFF_IDLE_MS;
	if (nowMs - lastTouchMs < STAFF_TOUCH_AFTER_MS) return null;
	const idleDeadline = nowMs + STAFF_IDLE_MS;
	const hardLimit = current.absoluteExpiresAt?.getTime() ?? idleDeadline;
	const next = Math.min(idleDeadline, hardLimit);
	return next > current.expiresAt.getTime() ? new Date(next) : null;
}

export async function validate(token: string): Promise<ValidSession | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	// Every signed-in request runs this: a prepared statement.
	const lookup = prepared('session_validate', (on) =>
		on
			.select({
				session,
				user: { ...SESSION_USER_COLUMNS, active: appUser.active }
			})
			.from(session)
			.innerJoin(appUser, eq(appUser.id, session.userId))
			.leftJoin(department, eq(department.id, appUser.departmentId))
			.where(eq(session.id, sql.placeholder('id')))
			.prepare('session_validate')
	);
	const [row] = await lookup.execute({ id: parts.id });
	if (!row || !secretMatches(parts.secret, row.session.secretHash)) return null;

	const at = clock.now();
	const expired = at.getTime() >= row.session.expiresAt.getTime();
	// Checked on every request, not only when renewing: a session row whose idle deadline was
	// ever set past it (an older version, a manual edit) still ends at its hard limit.
	// A staff row without its own hard limit (made while the user was not staff) gets 12 hours from its creation.
	const hardLimitMs =
		row.session.absoluteExpiresAt?.getTime() ??
		(isStaffRole(row.user.role) ? row.session.createdAt.getTime() + STAFF_ABSOLUTE_MS : Number.POSITIVE_INFINITY);
	const pastHardLimit = at.getTime() >= hardLimitMs;
	if (expired || pastHardLimit || !row.user.active) {
		await db.delete(session).where(eq(session.id, row.session.id));
		return null;
	}
	const { active: _active, ...user } = row.user;
	const next = nextExpiry(row.session, user.role, at);
	if (next) {
		await db.update(session).set({ expiresAt: next }).where(eq(session.id, row.session.id));
		return { session: { ...row.session, expiresAt: next }, user, renewed: true };
	}
	return { session: row.session, user, renewed: false };
}

export async function invalidate(sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId));
}

/** Ends every session of a user (logout everywhere, password change, deactivation). */
export async function invalidateAllForUser(userId: string, executor: Executor = db): Promise<void> {
	await executor.delete(session).where(eq(session.userId, userId));
}

export async function deleteExpired(): Promise<number> {
	const rows = await db.delete(session).where(lt(session.expiresAt, clock.now())).returning({ id: session.id });
	return rows.length;
}

export async function countForUser(userId: string): Promise<number> {
	const rows = await db.select({ id: session.id }).from(session).where(eq(session.userId, userId));
	return rows.length;
}
