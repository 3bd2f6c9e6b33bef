import { and, eq, isNull } from 'drizzle-orm';
import * as audit from '../audit';
import { SESSION_USER_COLUMNS, type SessionUser } from '../auth/sessions';
import { hashSecret, newSingleUseToken } from '../auth/tokens';
import { db } from '../db';
import { appUser, calendarFeed, department } from '../db/schema';

/**
 * Private calendar subscriptions: one live address per person, a secret in the path (calendar apps
 * send no cookies), only its SHA-256 stored. The request log writes the route, never the path, so
 * the secret is not logged either.
 */

export const FEED_PATH = '/feeds';
/** Token characters as newSingleUseToken writes them (base32, lower case). */
const TOKEN_PATTERN = /^[a-z2-7]{32,64}$/;

export interface FeedStatus {
	active: boolean;
	createdAt: Date | null;
	lastUsedAt: Date | null;
}

export function feedUrl(origin: string, token: string): string {
	return `${origin}${FEED_PATH}/${token}.ics`;
}

export async function status(user: Pick<SessionUser, 'id'>): Promise<FeedStatus> {
	const [row] = await db
		.select({ createdAt: calendarFeed.createdAt, lastUsedAt: calendarFeed.lastUsedAt })
		.from(calendarFeed)
		.where(and(eq(calendarFeed.userId, user.id), isNull(calendarFeed.revokedAt)));
	return { active: Boolean(row), createdAt: row?.createdAt ?? null, lastUsedAt: row?.lastUsedAt ?? null };
}

/** A new address for the user; the old one (if any) stops working in the same transaction. The token is shown once. */
export async function create(user: Pick<SessionUser, 'id'>, now: Date): Promise<{ token: string }> {
	const { token, tokenHash } = newSingleUseToken();
	await db.transaction(async (tx) => {
		// Two requests at once (a double click, two tabs) take turns on the person's row, so the
		// second replaces the first instead of meeting the one-live-address index.
		await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.id, user.id)).for('update');
		const revoked = await tx
			.update(calendarFeed)
			.set({ revokedAt: now })
			.where(and(eq(calendarFeed.userId, user.id), isNull(calendarFeed.revokedAt)))
			.returning({ id: calendarFeed.id });
		const [row] = await tx.insert(calendarFeed).values({ userId: user.id, tokenHash, createdAt: now }).returning({ id: calendarFeed.id });
		await audit.record(tx, {
			actorId: user.id,
			action: revoked.length ? 'calendar_feed.replace' : 'calendar_feed.create',
			entity: 'calendar_feed',
			entityId: row!.id,
			before: revoked.length ? { revoked: revoked.map((r) => r.id) } : null
		});
	});
	return { token };
}

/** Stop the user's address; true when there was one. */
export async function revoke(user: Pick<SessionUser, 'id'>, now: Date): Promise<boolean> {
	return db.transaction(async (tx) => {
		const revoked = await tx
			.update(calendarFeed)
			.set({ revokedAt: now })
			.where(and(eq(calendarFeed.userId, user.id), isNull(calendarFeed.revokedAt)))
			.returning({ id: calendarFeed.id });
		if (revoked.length) await audit.record(tx, { actorId: user.id, action: 'calendar_feed.revoke', entity: 'calendar_feed', entityId: revoked[0]!.id });
		return revoked.length > 0;
	});
}

/**
 * The active account a feed address belongs to, or null (unknown, revoked, malformed, or its
 * owner deactivated) — all alike to the caller. Looked up by the secret's hash, so no comparison
 * of secrets takes place in the open.
 */
export async function ownerOf(token: string, now: Date): Promise<SessionUser | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const [row] = await db
		.select({ feedId: calendarFeed.id, user: SESSION_USER_COLUMNS })
		.from(calendarFeed)
		.innerJoin(appUser, eq(appUser.id, calendarFeed.userId))
		.leftJoin(department, eq(department.id, appUser.departmentId))
		.where(and(eq(calendarFeed.tokenHash, hashSecret(token)), isNull(calendarFeed.revokedAt), eq(appUser.active, true)));
	if (!row) return null;
	await db.update(calendarFeed).set({ lastUsedAt: now }).where(eq(calendarFeed.id, row.feedId));
	return row.user;
}
