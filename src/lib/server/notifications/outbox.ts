import { and, asc, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import * as clock from '../clock';
import { db, type Executor } from '../db';
import { outbox, type OutboxMessage } from '../db/schema';
import { rowsOf } from '../db/sql';
import type { Role } from '../../roles';
import type { Mail } from './letter';

export interface NewMessage {
	to: string;
	subject: string;
	text: string;
	/** What the message is about, e.g. "invitation"; for the admin list and tests. */
	kind: string;
}

export const MAX_ATTEMPTS = 8;
const BASE_RETRY_MS = 30_000;

/**
 * Queue an e-mail to an address with no account (a visiting delegation's contact), already in the
 * language the caller chose; mail to accounts goes through `mail`. Pass the change's transaction.
 */
export async function enqueue(tx: Executor, message: NewMessage): Promise<string> {
	const [row] = await tx
		.insert(outbox)
		.values({ toAddress: message.to, subject: message.subject, bodyText: message.text, kind: message.kind })
		.returning({ id: outbox.id });
	return row!.id;
}

/**
 * Who a mail goes to: accounts, each reading it in the language they chose (app_user.locale,
 * Korean when unset), active accounts only. `role` reaches every active account of that role (a notice to facility staff),
 * `schoolId` every active school user of that school, `departmentId` every active member of that
 * department's staff (a consultation request to confirm).
 */
export type Recipients = { userId: string } | { role: Role } | { schoolId: string } | { departmentId: string };

function recipientsWhere(to: Recipients): SQL {
	// A deactivated account gets nothing: not a reminder of a booking, nor word of its move.
	if ('userId' in to) return sql`u.id = ${to.userId}::uuid and u.active`;
	// `schoolId`: the school's own users (a booking staff made on its behalf).
	if ('schoolId' in to) return sql`u.school_id = ${to.schoolId}::uuid and u.role = 'school_user' and u.active`;
	if ('departmentId' in to) return sql`u.department_id = ${to.departmentId}::uuid and u.role = 'department_staff' and u.active`;
	return sql`u.role = ${to.role}::role and u.active`;
}

/** Where a booking's mail says the reference its own statement numbers (engine Policy.record). */
export const REFERENCE_PLACEHOLDER = '{{reference}}';

/**
 * The statement that queues `mail` for each recipient in their language: one INSERT … SELECT
 * over app_user, so any number of recipients costs one round trip, and it can join a booking's
 * own statement as a CTE (`onlyIf`: a condition on that statement, e.g. that its insert happened).
 */
export function mailStatement(to: Recipients, mail: Mail, onlyIf?: SQL, reference?: SQL): SQL {
	// Korean for every account that chose no other language (the center's default).
	const ko = mail.compose('ko');
	const en = mail.compose('en');
	// A booking numbered by its own statement: its mails say the number where they hold the placeholder.
	const said = (text: string) => (reference ? sql`replace(${text}, ${REFERENCE_PLACEHOLDER}, coalesce(${reference}, ''))` : sql`${text}`);
	return sql`insert into outbox (to_address, subject, body_text, kind)
		select u.email,
			case when u.locale = 'en' then ${said(en.subject)} else ${said(ko.subject)} end,
			case when u.locale = 'en' then ${said(en.text)} else ${said(ko.text)} end,
			${mail.kind}
		from app_user u where ${recipientsWhere(to)}${onlyIf ? sql` and ${onlyIf}` : sql``}`;
}

/** Queue `mail` to each recipient in their language; pass the transaction of the change it reports. The ids queued. */
export async function mail(tx: Executor, to: Recipients, message: Mail): Promise<string[]> {
	const result = await tx.execute(sql`${mailStatement(to, message)} returning id`);
	return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** Exponential back-off: 30 s, 1 min, 2 min ... */
export function retryDelayMs(attempts: number): number {
	return BASE_RETRY_MS * 2 ** Math.max(0, attempts - 1);
}

export type Send = (message: OutboxMessage) => Promise<void>;

/**
 * Send due messages. Each is claimed with FOR UPDATE SKIP LOCKED inside its own transaction,
 * so two app processes never send the same message twice.
 */
export async function sendDue(send: Send, limit = 20): Promise<{ sent: number; failed: number }> {
	let sent = 0;
	let failed = 0;
	for (let i = 0; i < limit; i++) {
		const outcome = await db.transaction(async (tx) => {
			const at = clock.now();
			const [message] = await tx
				.select()
				.from(outbox)
				.where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, at)))
				.orderBy(asc(outbox.nextAttemptAt))
				.limit(1)
				.for('update', { skipLocked: true });
			if (!message) return 'none' as const;
			const attempts = message.attempts + 1;
			try {
				await send(message);
				await tx.update(outbox).set({ status: 'sent', attempts, sentAt: at, lastError: null }).where(eq(outbox.id, message.id));
				return 'sent' as const;
			} catch (error) {
				const giveUp = attempts >= MAX_ATTEMPTS;
				await tx
					.update(outbox)
					.set({
						status: giveUp ? 'failed' : 'pending',
						attempts,
						lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
						nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts))
					})
					.where(eq(outbox.id, message.id));
				return 'failed' as const;
			}
		});
		if (outcome === 'none') break;
		if (outcome === 'sent') sent++;
		else failed++;
	}
	return { sent, failed };
}

/**
 * Paths whose last segment is a secret that acts for its holder (a password reset signs in as
 * them): whoever reads the outbox must not be able to use it. Invitations are not among them:
 * the admin who reads the outbox made the invitation.
 */
const PRIVATE_LINKS = [/(\/password-reset\/)[a-z2-7.]+/g];
export const REDACTED = '••••••';

/** A mail's text as staff may read it in the outbox: private links cut to their path. */
export function redactPrivateLinks(text: string): string {
	return PRIVATE_LINKS.reduce((out, pattern) => out.replace(pattern, `$1${REDACTED}`), text);
}

/** The outbox as the admin page lists it, newest first, private links cut (redactPrivateLinks). */
export async function list(options: { limit?: number; offset?: number } = {}): Promise<OutboxMessage[]> {
	const rows = await db
		.select()
		.from(outbox)
		.orderBy(desc(outbox.createdAt))
		.limit(options.limit ?? 100)
		.offset(options.offset ?? 0);
	return rows.map((row) => ({ ...row, bodyText: redactPrivateLinks(row.bodyText) }));
}

export async function counts(): Promise<Record<'pending' | 'sent' | 'failed', number>> {
	const rows = await db
		.select({ status: outbox.status, n: sql<number>`count(*)::int` })
		.from(outbox)
		.groupBy(outbox.status);
	const result = { pending: 0, sent: 0, failed: 0 };
	for (const row of rows) result[row.status as keyof typeof result] = row.n;
	return result;
}
