/**
 * Benchmarking visits, the coordinator's side: the inbox by status, one request with its
 * timeline, and the decisions (confirm a date, propose another, decline with a reason, write to
 * the delegation). Each decision changes the status, writes its timeline entry and queues the
 * delegation's mail (in the request's language) in one transaction, and only from the statuses
 * its table allows — of two coordinators deciding at once, one wins and the other gets a conflict.
 */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import type { SessionUser } from '../auth/sessions';
import * as clock from '../clock';
import { db } from '../db';
import { VISIT_STATUSES, visitEvent, visitRequest, type PreferredDate, type VisitStatus } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { holidayNames } from '../engine/availability';
import { letter } from '../notifications/letter';
import { enqueue } from '../notifications/outbox';
import { seoulDate } from '../../time/seoul';
import { ensureRoom } from './capacity';
import { checkPreferredDates } from './dates';
import { preferredText, recoverUrl, viewWhere, type DelegationView } from './requests';
import { isUuid } from '../db/sql';
import { releaseVisit } from './itinerary';
import { ensureCoordinator } from './access';

/** Which decision may be taken from which status (a table, not an if-ladder). */
export const DECISIONS = {
	confirm: ['new', 'waiting'],
	propose: ['new', 'waiting', 'confirmed'],
	decline: ['new', 'waiting'],
	cancel: ['confirmed'],
	message: ['new', 'waiting', 'confirmed']
} as const satisfies Record<string, readonly VisitStatus[]>;
export type Decision = keyof typeof DECISIONS;

/** The timeline entry each decision writes. */
const EVENT_OF: Record<Decision, string> = { confirm: 'confirmed', propose: 'proposed', decline: 'declined', cancel: 'cancelled', message: 'message' };


export interface InboxItem {
	id: string;
	reference: string;
	status: VisitStatus;
	organization: string;
	region: string;
	groupSize: number;
	preferredDates: PreferredDate[];
	visitDate: string | null;
	visitPeriod: 'am' | 'pm' | null;
	createdAt: string;
}

/** The requests of one status (newest first; confirmed ones by visit date) and how many each status holds. */
export async function inbox(actor: SessionUser, status: VisitStatus): Promise<{ items: InboxItem[]; counts: Record<VisitStatus, number> }> {
	ensureCoordinator(actor);
	const [rows, tallies] = await Promise.all([
		db
			.select({
				id: visitRequest.id,
				reference: visitRequest.reference,
				status: visitRequest.status,
				organization: visitRequest.organization,
				region: visitRequest.region,
				groupSize: visitRequest.groupSize,
				preferredDates: visitRequest.preferredDates,
				visitDate: visitRequest.visitDate,
				visitPeriod: visitRequest.visitPeriod,
				createdAt: visitRequest.createdAt
			})
			.from(visitRequest)
			.where(eq(visitRequest.status, status))
			.orderBy(...(status === 'confirmed' ? [asc(visitRequest.visitDate), asc(visitRequest.createdAt)] : [desc(visitRequest.createdAt)]))
			.limit(200),
		db.select({ status: visitRequest.status, n: count() }).from(visitRequest).groupBy(visitRequest.status)
	]);
	const counts = Object.fromEntries(VISIT_STATUSES.map((s) => [s, 0])) as Record<VisitStatus, number>;
	for (const t of tallies) counts[t.status] = Number(t.n);
	return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), counts };
}

export interface CoordinatorView extends DelegationView {
	id: string;
	may: Record<Decision, boolean>;
}

/** One request as the coordinators see it, with what they may do now; NotFoundError when there is none. */
export async function detail(actor: SessionUser, id: string): Promise<CoordinatorView> {
	ensureCoordinator(actor);
	if (!isUuid(id)) throw new NotFoundError();
	const found = await viewWhere(eq(visitRequest.id, id));
	if (!found) throw new NotFoundError();
	const { row, view } = found;
	const may = Object.fromEntries(Object.entries(DECISIONS).map(([d, from]) => [d, (from as readonly string[]).includes(row.status)])) as Record<Decision, boolean>;
	return { id: row.id, ...view, may };
}

interface Change {
	decision: Decision;
	to: VisitStatus | null;
	visitDate?: { date: string; period: 'am' | 'pm' };
	body: string | null;
	mail: (v: { reference: string; contactName: string; locale: 'ko' | 'en' }) => { subject: string; text: string; kind: string };
}

/** Change the request (status and date) only from the statuses the decision allows, with its entry and mail, in one transaction. */
async function decide(actor: SessionUser, id: string, change: Change): Promise<void> {
	ensureCoordinator(actor);
	if (!isUuid(id)) throw new NotFoundError();
	await db.transaction(async (tx) => {
		const now = clock.now();
		// A date to confirm or propose must have room that day, counted under the day's lock.
		if (change.visitDate) await ensureRoom(tx, change.visitDate.date, id);
		const [row] = await tx
			.update(visitRequest)
			.set({
				...(change.to ? { status: change.to } : {}),
				...(change.visitDate ? { visitDate: change.visitDate.date, visitPeriod: change.visitDate.period } : {}),
				updatedAt: now
			})
			.where(and(eq(visitRequest.id, id), inArray(visitRequest.status, [...DECISIONS[change.decision]])))
			.returning();
		if (!row) {
			const [exists] = await tx.select({ id: visitRequest.id }).from(visitRequest).where(eq(visitRequest.id, id));
			throw exists ? new ConflictError('visit_not_open') : new NotFoundError();
		}
		// Another date, or no visit at all: every room and presenter the itinerary held is free again.
		if (change.decision === 'propose') await releaseVisit(tx, id, actor.id, 'visit_moved', { dropSegments: true });
		if (change.decision === 'cancel') await releaseVisit(tx, id, actor.id, 'visit_cancelled');
		await tx.insert(visitEvent).values({
			visitId: id,
			kind: EVENT_OF[change.decision],
			author: 'coordinator',
			actorId: actor.id,
			body: change.body,
			data: change.visitDate ? { date: change.visitDate.date, period: change.visitDate.period } : null,
			at: now
		});
		const words = change.mail({ reference: row.reference, contactName: row.contactName, locale: row.locale });
		await enqueue(tx, { to: row.email, subject: words.subject, text: words.text, kind: words.kind });
	});
}

function ensureDate(date: { date: string; period: 'am' | 'pm' }) {
	const refused = checkPreferredDates([date], seoulDate(clock.now()), holidayNames);
	if (refused.length) throw new ValidationError(refused.map((v) => ({ ...v, rule: 'date' })));
}

const dateWords = (d: { date: string; period: 'am' | 'pm' }, locale: 'ko' | 'en') => preferredText(d, locale);

/** Confirm the visit on a date (one of the preferred ones or another the delegation agreed to). */
export async function confirm(actor: SessionUser, id: string, date: { date: string; period: 'am' | 'pm' }): Promise<void> {
	ensureDate(date);
	return decide(actor, id, {
		decision: 'confirm',
		to: 'confirmed',
		visitDate: date,
		body: null,
		mail: ({ reference, contactName, locale }) => ({
			kind: 'visit_confirmed',
			...letter(locale, {
				subject: m.visit_mail_confirmed_subject({ reference }, { locale }),
				name: contactName,
				lead: m.visit_mail_confirmed_lead({ when: dateWords(date, locale) }, { locale }),
				links: [m.visit_mail_link_reminder({ url: recoverUrl() }, { locale })]
			})
		})
	});
}

/** Propose another date: the delegation answers through its link (the request waits for it). */
export async function propose(actor: SessionUser, id: string, date: { date: string; period: 'am' | 'pm' }, message: string): Promise<void> {
	ensureDate(date);
	return decide(actor, id, {
		decision: 'propose',
		to: 'waiting',
		visitDate: date,
		body: message || null,
		mail: ({ reference, contactName, locale }) => ({
			kind: 'visit_proposed',
			...letter(locale, {
				subject: m.visit_mail_proposed_subject({ reference }, { locale }),
				name: contactName,
				lead: m.visit_mail_proposed_lead({ when: dateWords(date, locale) }, { locale }),
				after: message,
				links: [m.visit_mail_link_reminder({ url: recoverUrl() }, { locale })]
			})
		})
	});
}

/** Decline with a reason the delegation reads. */
export async function decline(actor: SessionUser, id: string, reason: string): Promise<void> {
	if (!reason.trim()) throw new ValidationError([{ rule: 'reason', messageKey: 'visit_reason_required' }]);
	return decide(actor, id, {
		decision: 'decline',
		to: 'declined',
		body: reason,
		mail: ({ reference, contactName, locale }) => ({
			kind: 'visit_declined',
			...letter(locale, {
				subject: m.visit_mail_declined_subject({ reference }, { locale }),
				name: contactName,
				lead: m.visit_mail_declined_lead({}, { locale }),
				after: reason,
				links: [m.visit_mail_link_reminder({ url: recoverUrl() }, { locale })]
			})
		})
	});
}

/** The center calls off a confirmed visit (a reason the delegation reads); every hold of its itinerary is released with it. */
export async function cancel(actor: SessionUser, id: string, reason: string): Promise<void> {
	if (!reason.trim()) throw new ValidationError([{ rule: 'reason', messageKey: 'visit_cancel_reason_required' }]);
	return decide(actor, id, {
		decision: 'cancel',
		to: 'cancelled',
		body: reason,
		mail: ({ reference, contactName, locale }) => ({
			kind: 'visit_cancelled_by_center',
			...letter(locale, {
				subject: m.visit_mail_center_cancelled_subject({ reference }, { locale }),
				name: contactName,
				lead: m.visit_mail_center_cancelled_lead({}, { locale }),
				after: reason,
				links: [m.visit_mail_link_reminder({ url: recoverUrl() }, { locale })]
			})
		})
	});
}

/** A message to the delegation, e-mailed; its reply comes through the private link. */
export async function message(actor: SessionUser, id: string, body: string): Promise<void> {
	return decide(actor, id, {
		decision: 'message',
		to: null,
		body,
		mail: ({ reference, contactName, locale }) => ({
			kind: 'visit_message',
			...letter(locale, {
				subject: m.visit_mail_message_subject({ reference }, { locale }),
				name: contactName,
				lead: m.visit_mail_message_lead({}, { locale }),
				after: body,
				links: [m.visit_mail_link_reminder({ url: recoverUrl() }, { locale })]
			})
		})
	});
}
