/**
 * Benchmarking visits, the delegation's side: a request without an account, answered with a
 * reference (V-2026-0042) and a private link whose token (32 random bytes) is stored only as its
 * SHA-256; whoever holds the link sees the request and its timeline. A reference alone opens
 * nothing, and an unknown token is found the same way a known one is (one lookup by hash on a
 * unique index), so it answers like any other 404 and in as long.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import { regionOf } from '../../regions';
import { CONSENT_VERSIONS } from '../../privacy';
import type { VisitRequestInput } from '../../schemas/visits';
import { formatDate, type Locale } from '../../time/format';
import { seoulDate, seoulInstant } from '../../time/seoul';
import { hashSecret } from '../auth/tokens';
import * as clock from '../clock';
import { config } from '../config';
import { db, type Executor } from '../db';
import { rowsOf } from '../db/sql';
import { consultationTopic, department, visitEvent, visitRequest, type PreferredDate, type VisitRequest, type VisitStatus } from '../db/schema';
import { ConflictError, NotFoundError, TooManyRequestsError, ValidationError } from '../errors';
import { holidayNames } from '../engine/availability';
import { ensureRoom } from './capacity';
import { itineraryFrom, itineraryJson, releaseVisit, type ItineraryItem } from './itinerary';
import { checkPreferredDates } from './dates';
import { letter } from '../notifications/letter';
import { enqueue, mail } from '../notifications/outbox';
import * as rateLimit from '../rate-limit';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 32 random bytes: 256 bits, far above the 128 the link needs; only the SHA-256 is stored. */
const TOKEN_BYTES = 32;
/** Requests per sender address and hour: a delegation sends one or two, a script hundreds. */
export const visitRequestLimit = () => ({ limit: config.visitRequestsPerHour, windowMs: 60 * 60_000 });

const newToken = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)));

/** Where the delegation follows its request (absolute, for the mail and the API's answer). */
export const manageUrl = (token: string) => new URL(`/visits/status/${token}`, config.origin).toString();

/** Where a delegation that lost its link gets a new one (mails other than the first point here). */
export const recoverUrl = () => new URL('/visits/status', config.origin).toString();

export interface Submitted {
	reference: string;
	token: string;
	manageUrl: string;
}

/**
 * Record a request, its first timeline entry and the delegation's mail (in the language it wrote
 * in) in one transaction. The sender's address is counted first, in the database, so the limit
 * holds across app processes; over it, TooManyRequestsError (429) and nothing is stored.
 */
export async function submit(input: VisitRequestInput, context: { locale: Locale; clientAddress: string }): Promise<Submitted> {
	const now = clock.now();
	const refused = checkPreferredDates(input.preferredDates, seoulDate(now), holidayNames);
	// Topics of interest are the departments' active ones (the form offers only those).
	if (input.topicIds.length) {
		const known = await db.select({ id: consultationTopic.id }).from(consultationTopic).where(and(inArray(consultationTopic.id, input.topicIds), eq(consultationTopic.active, true)));
		if (known.length !== new Set(input.topicIds).size) refused.push({ rule: 'topicIds', messageKey: 'visit_topic_invalid' });
	}
	if (refused.length) throw new ValidationError(refused);
	const allowed = await rateLimit.hit(`visit-request:${context.clientAddress}`, visitRequestLimit());
	if (!allowed.ok) throw new TooManyRequestsError(allowed.retryAfterSeconds, 'visit_throttled');
	const token = newToken();
	const year = Number(seoulDate(now).slice(0, 4));
	return db.transaction(async (tx) => {
		const numbered = rowsOf<{ reference: string }>(await tx.execute(sql`select next_reference('V', ${year}::int) as reference`));
		const reference = numbered[0]!.reference;
		const [row] = await tx
			.insert(visitRequest)
			.values({
				reference,
				tokenHash: hashSecret(token),
				organization: input.organization,
				organizationKind: input.organizationKind,
				region: input.region,
				contactName: input.contactName,
				email: input.email,
				phone: input.phone,
				groupSize: input.groupSize,
				preferredDates: input.preferredDates,
				departments: input.departments,
				topicIds: input.topicIds,
				purpose: input.purpose,
				accessibilityNeeds: input.accessibilityNeeds,
				locale: context.locale,
				// The consent statement's version: a later wording never rewrites what was agreed to.
				consentVersion: CONSENT_VERSIONS.visits,
				consentedAt: now
			})
			.returning({ id: visitRequest.id });
		await tx.insert(visitEvent).values({ visitId: row!.id, kind: 'requested', author: 'delegation', at: now });
		const url = manageUrl(token);
		const received = receivedLetter(context.locale, { reference, contactName: input.contactName, organization: input.organization, dates: input.preferredDates, url });
		await enqueue(tx, { to: input.email, subject: received.subject, text: received.text, kind: 'visit_received' });
		await notifyCoordinators(tx, 'visit_new', reference, input.organization, row!.id);
		return { reference, token, manageUrl: url };
	});
}

/** The coordinators' notice of what a delegation did (a new request, a message, an answer, a cancellation), each in their language. */
async function notifyCoordinators(tx: Executor, kind: 'visit_new' | 'visit_reply' | 'visit_accepted' | 'visit_cancelled', reference: string, organization: string, id: string) {
	const SUBJECT = { visit_new: m.visit_mail_new_subject, visit_reply: m.visit_mail_reply_subject, visit_accepted: m.visit_mail_accepted_subject, visit_cancelled: m.visit_mail_cancelled_subject };
	await mail(tx, { role: 'visit_coordinator' }, {
		kind,
		compose: (locale) =>
			letter(locale, {
				subject: SUBJECT[kind]({ reference, organization }, { locale }),
				greeting: m.visit_mail_coordinators_greeting({}, { locale }),
				lead: SUBJECT[kind]({ reference, organization }, { locale }),
				links: [new URL(`/visits/${id}`, config.origin).toString()]
			})
	});
}

function receivedLetter(locale: Locale, v: { reference: string; contactName: string; organization: string; dates: PreferredDate[]; url: string }) {
	return letter(locale, {
		subject: m.visit_mail_received_subject({ reference: v.reference }, { locale }),
		name: v.contactName,
		lead: m.visit_mail_received_lead({ organization: v.organization }, { locale }),
		facts: [
			{ label: m.visit_label_reference({}, { locale }), value: v.reference },
			{ label: m.visit_label_preferred({}, { locale }), value: v.dates.map((d) => preferredText(d, locale)) }
		],
		after: m.visit_mail_received_after({}, { locale }),
		links: [v.url]
	});
}

/** "2027년 3월 10일 (수) 오전" / "Wed, 10 Mar 2027, morning". */
export function preferredText(d: PreferredDate, locale: Locale): string {
	const period = d.period === 'am' ? m.visit_period_am({}, { locale }) : m.visit_period_pm({}, { locale });
	return m.visit_preferred_text({ date: formatDate(seoulInstant(d.date), locale), period }, { locale });
}

/** The request as its delegation sees it through the private link. */
export interface DelegationView {
	reference: string;
	status: VisitStatus;
	organization: string;
	organizationKind: 'office' | 'school' | 'other';
	region: { code: string; ko: string; en: string } | null;
	contactName: string;
	email: string;
	phone: string;
	groupSize: number;
	preferredDates: PreferredDate[];
	departments: { code: string; nameKo: string; nameEn: string }[];
	purpose: string;
	accessibilityNeeds: string;
	visitDate: string | null;
	visitPeriod: 'am' | 'pm' | null;
	createdAt: string;
	/** The itinerary once the coordinators saved one (empty before). */
	itinerary: ItineraryItem[];
	timeline: { kind: string; author: 'delegation' | 'coordinator'; body: string | null; at: string; data: Record<string, unknown> | null }[];
}

/** The request the token opens; NotFoundError for any other string, as for a missing page. */
export async function byToken(token: string): Promise<DelegationView> {
	const found = await viewWhere(eq(visitRequest.tokenHash, hashSecret(token)));
	if (!found) throw new NotFoundError();
	return found.view;
}

/**
 * One request as its delegation (and, with more, its coordinators) read it, with its timeline and
 * departments, in one statement: a token that opens nothing costs the same single lookup as one
 * that does (no second query to time), and only the found row's payload differs.
 */
export async function viewWhere(where: SQL): Promise<{ row: VisitRequest; view: DelegationView } | null> {
	// Columns of the outer row named with their table: drizzle leaves a one-table select's own unqualified.
	const [found] = await db
		.select({
			row: visitRequest,
			events: sql<{ kind: string; author: 'delegation' | 'coordinator'; body: string | null; at: string; data: Record<string, unknown> | null }[]>`coalesce((
				select json_agg(json_build_object('kind', e.kind, 'author', e.author, 'body', e.body, 'at', e.at, 'data', e.data) order by e.id)
				from ${visitEvent} e where e.visit_id = visit_request.id), '[]'::json)`,
			departments: sql<{ code: string; nameKo: string; nameEn: string }[]>`coalesce((
				select json_agg(json_build_object('code', d.code, 'nameKo', d.name_ko, 'nameEn', d.name_en) order by d.sort_order)
				from ${department} d where d.code = any(visit_request.departments)), '[]'::json)`,
			itinerary: itineraryJson(sql`visit_request.id`)
		})
		.from(visitRequest)
		.where(where);
	if (!found) return null;
	const { row } = found;
	const events = typeof found.events === 'string' ? JSON.parse(found.events) : found.events;
	const departments = typeof found.departments === 'string' ? JSON.parse(found.departments) : found.departments;
	const region = regionOf(row.region);
	return {
		row,
		view: {
			reference: row.reference,
			status: row.status,
			organization: row.organization,
			organizationKind: row.organizationKind,
			region: region ? { code: region.code, ko: region.officeKo, en: region.officeEn } : null,
			contactName: row.contactName,
			email: row.email,
			phone: row.phone,
			groupSize: row.groupSize,
			preferredDates: row.preferredDates,
			departments,
			purpose: row.purpose,
			accessibilityNeeds: row.accessibilityNeeds,
			visitDate: row.visitDate,
			visitPeriod: row.visitPeriod,
			createdAt: row.createdAt.toISOString(),
			itinerary: itineraryFrom(found.itinerary),
			timeline: (events as DelegationView['timeline']).map((e) => ({ ...e, at: new Date(e.at).toISOString(), data: e.data ?? null }))
		}
	};
}

const OPEN: readonly VisitStatus[] = ['new', 'waiting', 'confirmed'];

async function rowByToken(token: string) {
	const [row] = await db
		.select({ id: visitRequest.id, status: visitRequest.status, reference: visitRequest.reference, organization: visitRequest.organization })
		.from(visitRequest)
		.where(eq(visitRequest.tokenHash, hashSecret(token)));
	if (!row) throw new NotFoundError();
	return row;
}

/**
 * The delegation cancels its request (new, waiting or confirmed; a done, declined or cancelled
 * one stays as it is: ConflictError). The status and its timeline entry change together, and
 * only while the request is still open (two tabs cancelling at once: one change).
 */
export async function cancelByDelegation(token: string): Promise<void> {
	const row = await rowByToken(token);
	await db.transaction(async (tx) => {
		const changed = await tx
			.update(visitRequest)
			.set({ status: 'cancelled', updatedAt: clock.now() })
			.where(and(eq(visitRequest.id, row.id), inArray(visitRequest.status, [...OPEN])))
			.returning({ id: visitRequest.id });
		if (changed.length === 0) throw new ConflictError('visit_not_open');
		// Every room and presenter the itinerary held is free again, with the cancellation.
		await releaseVisit(tx, row.id, null, 'visit_cancelled');
		await tx.insert(visitEvent).values({ visitId: row.id, kind: 'cancelled', author: 'delegation', at: clock.now() });
		await notifyCoordinators(tx, 'visit_cancelled', row.reference, row.organization, row.id);
	});
}

/** The delegation accepts the date the coordinator proposed: the visit is confirmed on it. */
export async function acceptProposal(token: string): Promise<void> {
	const row = await rowByToken(token);
	await db.transaction(async (tx) => {
		const [proposed] = await tx.select({ date: visitRequest.visitDate }).from(visitRequest).where(and(eq(visitRequest.id, row.id), eq(visitRequest.status, 'waiting')));
		if (!proposed?.date) throw new ConflictError('visit_no_proposal');
		// The proposed day may have filled up meanwhile: counted under its lock, as a coordinator's confirmation is.
		await ensureRoom(tx, proposed.date, row.id);
		const changed = await tx
			.update(visitRequest)
			.set({ status: 'confirmed', updatedAt: clock.now() })
			.where(and(eq(visitRequest.id, row.id), eq(visitRequest.status, 'waiting')))
			.returning({ id: visitRequest.id });
		if (changed.length === 0) throw new ConflictError('visit_no_proposal');
		await tx.insert(visitEvent).values({ visitId: row.id, kind: 'accepted', author: 'delegation', at: clock.now() });
		await notifyCoordinators(tx, 'visit_accepted', row.reference, row.organization, row.id);
	});
}

/** A message from the delegation to the coordinators, on the request's timeline. */
export async function messageFromDelegation(token: string, body: string): Promise<void> {
	const row = await rowByToken(token);
	if (!OPEN.includes(row.status)) throw new ConflictError('visit_not_open');
	await db.transaction(async (tx) => {
		await tx.insert(visitEvent).values({ visitId: row.id, kind: 'message', author: 'delegation', body, at: clock.now() });
		await notifyCoordinators(tx, 'visit_reply', row.reference, row.organization, row.id);
	});
}

/** Link requests per sender address and hour (a lost link is asked for once or twice). */
export const linkRequestLimit = () => ({ limit: 5, windowMs: 60 * 60_000 });

/**
 * A delegation lost its private link: given the reference and the e-mail address of the request,
 * a new link is mailed to that address (the only copy of a token is the one mailed) and the old
 * one stops working — whoever holds a leaked copy is locked out. The answer is the same whether or
 * not the two match (nothing is revealed); the sender's address is limited like requests are.
 */
export async function renewLink(input: { reference: string; email: string }, context: { clientAddress: string }): Promise<void> {
	const allowed = await rateLimit.hit(`visit-link:${context.clientAddress}`, linkRequestLimit());
	if (!allowed.ok) throw new TooManyRequestsError(allowed.retryAfterSeconds, 'visit_throttled');
	const reference = input.reference.trim().toUpperCase();
	const email = input.email.trim().toLowerCase();
	const token = newToken();
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(visitRequest)
			.set({ tokenHash: hashSecret(token), updatedAt: clock.now() })
			.where(and(eq(visitRequest.reference, reference), eq(visitRequest.email, email)))
			.returning({ id: visitRequest.id, contactName: visitRequest.contactName, locale: visitRequest.locale });
		if (!row) return;
		await tx.insert(visitEvent).values({ visitId: row.id, kind: 'link_renewed', author: 'delegation', at: clock.now() });
		const words = letter(row.locale, {
			subject: m.visit_mail_link_subject({ reference }, { locale: row.locale }),
			name: row.contactName,
			lead: m.visit_mail_link_lead({}, { locale: row.locale }),
			links: [manageUrl(token)]
		});
		await enqueue(tx, { to: email, subject: words.subject, text: words.text, kind: 'visit_link' });
	});
}
