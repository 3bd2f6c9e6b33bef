/**
 * The links e-mailed to one person that work once and expire: an invitation (set a first
 * password) and a password reset. One shape for both tables: only the token's SHA-256 is stored,
 * a new link replaces the person's unused ones, a link opens only for an active account before it
 * expires, and using it is one conditional UPDATE (a double submit uses it once).
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import * as clock from '../clock';
import { db, type Executor } from '../db';
import { appUser, invitation, passwordReset } from '../db/schema';
import { hashSecret, newSingleUseToken } from './tokens';

export type LinkTable = typeof invitation | typeof passwordReset;

/**
 * A new link for the user, replacing any unused one, valid for `ttlMs`; returns the token (the
 * secret part of the e-mailed address). Call it in the transaction that sends the mail.
 */
export async function issue(
	tx: Executor,
	table: LinkTable,
	{ userId, ttlMs, createdBy }: { userId: string; ttlMs: number; createdBy?: string }
): Promise<string> {
	const { token, tokenHash } = newSingleUseToken();
	const expiresAt = new Date(clock.now().getTime() + ttlMs);
	await tx.delete(table).where(and(eq(table.userId, userId), isNull(table.usedAt)));
	if (table === invitation) await tx.insert(invitation).values({ tokenHash, userId, expiresAt, createdBy: createdBy ?? null });
	else await tx.insert(passwordReset).values({ tokenHash, userId, expiresAt });
	return token;
}

export interface OpenLink {
	linkId: string;
	userId: string;
	email: string;
	name: string;
}

/** The account behind a token, while its link can still be used (unused, not expired, the account active). */
export async function findOpen(table: LinkTable, token: string): Promise<OpenLink | null> {
	const [row] = await db
		.select({ linkId: table.id, userId: appUser.id, email: appUser.email, name: appUser.name })
		.from(table)
		.innerJoin(appUser, eq(appUser.id, table.userId))
		.where(and(eq(table.tokenHash, hashSecret(token)), isNull(table.usedAt), gt(table.expiresAt, clock.now()), eq(appUser.active, true)));
	return row ?? null;
}

/** Uses the link up; false when it was used (or expired) since it was found: the caller refuses. */
export async function consume(tx: Executor, table: LinkTable, linkId: string): Promise<boolean> {
	const used = await tx
		.update(table)
		.set({ usedAt: clock.now() })
		.where(and(eq(table.id, linkId), isNull(table.usedAt), gt(table.expiresAt, clock.now())))
		.returning({ id: table.id });
	return used.length > 0;
}
