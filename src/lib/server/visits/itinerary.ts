/**
 * The itinerary of a confirmed visit: segments on the visit day, each holding its room and its
 * presenters (department consultants) through the reservation engine's table and its exclusion
 * constraint. Saving replaces the whole itinerary in ONE transaction — the resources' locks, the
 * old holds released, every new hold checked and inserted — so it holds everything or nothing;
 * a clash answers which segment, which resource, which time, and when that resource is next free.
 * A presenter's hold is a hold of their consultant resource, so their consultation slots vanish
 * while they present and return when the visit lets them go (release: cancelled, declined, moved).
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import type { ItineraryInput, ItinerarySegmentInput } from '../../schemas/visits';
import { formatDate, formatTime, type Locale } from '../../time/format';
import { addDays, seoulInstant, type IsoDate } from '../../time/seoul';
import * as audit from '../audit';
import type { SessionUser } from '../auth/sessions';
import * as clock from '../clock';
import { config } from '../config';
import { db, type Executor } from '../db';
import { isUuid } from '../db/sql';
import { appUser, consultant, department, HOLDING_STATUSES, reservation, room, visitEvent, visitRequest, visitSegment } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { holidayNames } from '../engine/availability';
import { clashesOfEach, insertMany, lockResources, type Clash, type NewHold } from '../engine/holds.store';
import { isOverlap, withRetry } from '../engine/retry';
import { letter } from '../notifications/letter';
import { enqueue, mail } from '../notifications/outbox';
import { checkSegments, instantsOf, nextFree, templateSegments, workingWindows, type Span } from './plan';
import { preferredText, recoverUrl } from './requests';
import { ensureCoordinator } from './access';

// ---------- What an itinerary may use ----------

export interface ItineraryRoom {
	id: string;
	code: string;
	nameKo: string;
	nameEn: string;
	capacity: number;
	floor: number;
	locationKo: string;
	locationEn: string;
}

export interface Presenter {
	id: string;
	name: string;
	titleKo: string;
	titleEn: string;
	department: { code: string; nameKo: string; nameEn: string };
	userId: string;
}

/** The center's rooms and every consultant who may present, in the departments' order. */
export async function resources(executor: Executor = db): Promise<{ rooms: ItineraryRoom[]; presenters: Presenter[] }> {
	const [rooms, people] = await Promise.all([
		executor
			.select({ id: room.resourceId, code: room.code, nameKo: room.nameKo, nameEn: room.nameEn, capacity: room.capacity, floor: room.floor, locationKo: room.locationKo, locationEn: room.locationEn })
			.from(room)
			.orderBy(asc(room.sortOrder), asc(room.nameKo)),
		executor
			.select({
				id: consultant.resourceId,
				name: appUser.name,
				titleKo: consultant.titleKo,
				titleEn: consultant.titleEn,
				userId: consultant.userId,
				code: department.code,
				nameKo: department.nameKo,
				nameEn: department.nameEn
			})
			.from(consultant)
			.innerJoin(appUser, eq(appUser.id, consultant.userId))
			.innerJoin(department, eq(department.id, consultant.departmentId))
			.where(eq(appUser.active, true))
			.orderBy(asc(department.sortOrder), asc(appUser.name))
	]);
	return {
		rooms,
		presenters: people.map(({ code, nameKo, nameEn, ...p }) => ({ ...p, department: { code, nameKo, nameEn } }))
	};
}

// ---------- Reading ----------

/** A segment as the delegation, the coordinators and the presenters read it. */
export interface ItineraryItem {
	id: string;
	kind: ItinerarySegmentInput['kind'];
	title: string;
	start: string;
	end: string;
	room: Pick<ItineraryRoom, 'id' | 'nameKo' | 'nameEn' | 'floor' | 'locationKo' | 'locationEn'> | null;
	presenters: Pick<Presenter, 'id' | 'name' | 'titleKo' | 'titleEn' | 'department'>[];
}

/**
 * A visit's segments as one JSON array (in order, each with its room and presenters): a fragment
 * of the statement that reads the visit, so the delegation's page costs one lookup whatever it holds.
 */
export function itineraryJson(visitId: SQL): SQL {
	return sql`coalesce((
		select json_agg(json_build_object('id', s.id, 'kind', s.kind, 'title', s.title, 'start', s.starts_at, 'end', s.ends_at,
			'room', case when r.resource_id is null then null else json_build_object('id', r.resource_id, 'nameKo', r.name_ko, 'nameEn', r.name_en,
				'floor', r.floor, 'locationKo', r.location_ko, 'locationEn', r.location_en) end,
			'presenters', coalesce((
				select json_agg(json_build_object('id', c.resource_id, 'name', u.name, 'titleKo', c.title_ko, 'titleEn', c.title_en,
					'department', json_build_object('code', d.code, 'nameKo', d.name_ko, 'nameEn', d.name_en)) order by array_position(s.presenter_ids, c.resource_id))
				from ${consultant} c join ${appUser} u on u.id = c.user_id join ${department} d on d.id = c.department_id
				where c.resource_id = any(s.presenter_ids)), '[]'::json)) order by s.position)
		from ${visitSegment} s left join ${room} r on r.resource_id = s.room_id
		where s.visit_id = ${visitId}), '[]'::json)`;
}

/** The JSON of itineraryJson as the pages read it (instants as ISO strings). */
export function itineraryFrom(json: unknown): ItineraryItem[] {
	const items = (typeof json === 'string' ? JSON.parse(json) : json) as ItineraryItem[];
	return items.map((i) => ({ ...i, start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() }));
}

/** The visits' itineraries, by visit, in one query. */
export async function segmentsOf(visitIds: string[], executor: Executor = db): Promise<Map<string, ItineraryItem[]>> {
	const byVisit = new Map<string, ItineraryItem[]>(visitIds.map((id) => [id, []]));
	if (visitIds.length === 0) return byVisit;
	const rows = await executor
		.select({ id: visitRequest.id, itinerary: itineraryJson(sql`visit_request.id`) })
		.from(visitRequest)
		.where(inArray(visitRequest.id, visitIds));
	for (const r of rows) byVisit.set(r.id, itineraryFrom(r.itinerary));
	return byVisit;
}

export async function itineraryOf(visitId: string, executor: Executor = db): Promise<ItineraryItem[]> {
	return (await segmentsOf([visitId], executor)).get(visitId) ?? [];
}

const hhmm = (iso: string) => formatTime(iso);

/** The form's starting rows: the saved itinerary, or the template for the delegation's departments. */
export async function draft(actor: SessionUser, visitId: string): Promise<{ segments: ItinerarySegmentInput[]; fromTemplate: boolean }> {
	ensureCoordinator(actor);
	const visit = await visitRow(visitId);
	const saved = await itineraryOf(visitId);
	if (saved.length)
		return {
			fromTemplate: false,
			segments: saved.map((s) => ({ kind: s.kind, title: s.title, start: hhmm(s.start), end: hhmm(s.end), roomId: s.room?.id ?? null, presenterIds: s.presenters.map((p) => p.id) }))
		};
	const { rooms, presenters } = await resources();
	const chosen = await db.select({ code: department.code, nameKo: department.nameKo, nameEn: department.nameEn }).from(department).where(inArray(department.code, visit.departments.length ? visit.departments : ['education'])).orderBy(asc(department.sortOrder));
	const locale = visit.locale;
	return {
		fromTemplate: true,
		segments: templateSegments(
			{ period: visit.visitPeriod ?? 'am', groupSize: visit.groupSize },
			chosen.map((d) => ({ ...d, presenterIds: presenters.filter((p) => p.department.code === d.code).map((p) => p.id) })),
			rooms,
			{
				briefing: m.visit_template_briefing({}, { locale }),
				session: (d) => m.visit_template_session({ department: locale === 'en' ? d.nameEn : d.nameKo }, { locale }),
				tour: m.visit_template_tour({}, { locale }),
				qa: m.visit_template_qa({}, { locale })
			}
		)
	};
}

// ---------- Saving, all or nothing ----------


async function visitRow(visitId: string, executor: Executor = db) {
	if (!isUuid(visitId)) throw new NotFoundError();
	const [row] = await executor.select().from(visitRequest).where(eq(visitRequest.id, visitId));
	if (!row) throw new NotFoundError();
	return row;
}

/** A resource of the itinerary someone else holds at the time a segment needs it, and when it is next free that day or later. */
export interface SegmentClash {
	/** The segment's place in the itinerary, from 0. */
	segment: number;
	title: string;
	resource: { id: string; kind: 'room' | 'presenter'; name: string };
	/** The other hold's time (buffers included). */
	start: string;
	end: string;
	/** The earliest time (weekdays 09:00–18:00, within two weeks) the resource is free for the segment's length; null if none. */
	nextFree: string | null;
}

export type SaveResult = { outcome: 'saved'; segments: ItineraryItem[] } | { outcome: 'conflict'; clashes: SegmentClash[] };

/** Thrown inside the transaction to roll it back when a hold clashes (nothing released, nothing held). */
class Clashed extends Error {
	constructor(readonly found: { segment: number; resourceId: string; clash: Clash }[]) {
		super('itinerary clash');
	}
}

const holdsOf = (segment: ItinerarySegmentInput) => [...(segment.roomId ? [segment.roomId] : []), ...segment.presenterIds];

/**
 * Replace the visit's itinerary. Refusals: ForbiddenError (not a coordinator), NotFoundError,
 * ConflictError('visit_itinerary_not_confirmed') unless the visit is confirmed, ValidationError
 * (each segment's own problems, on its field), and — as an answer, not an error — the clashes.
 */
export async function save(actor: SessionUser, visitId: string, input: ItineraryInput): Promise<SaveResult> {
	ensureCoordinator(actor);
	const visit = await visitRow(visitId);
	const { rooms, presenters } = await resources();
	const roomById = new Map(rooms.map((r) => [r.id, { capacity: r.capacity, name: r.nameKo }]));
	const presenterById = new Map(presenters.map((p) => [p.id, p]));
	const problems = checkSegments(input.segments, visit.groupSize, roomById, presenterById);
	if (problems.length) throw new ValidationError(problems);
	const segments = input.segments.map((s) => ({ ...s, id: crypto.randomUUID(), ...instantsOf(visit.visitDate ?? '1970-01-01', s) }));
	try {
		await withRetry(() => db.transaction(async (tx) => {
			// The visit's row first: two coordinators saving one visit's itinerary take turns.
			const [locked] = await tx.select({ status: visitRequest.status, visitDate: visitRequest.visitDate }).from(visitRequest).where(eq(visitRequest.id, visitId)).for('update');
			if (locked?.status !== 'confirmed' || locked.visitDate !== visit.visitDate) throw new ConflictError('visit_itinerary_not_confirmed');
			const wanted = segments.flatMap((s, i) => holdsOf(s).map((resourceId) => ({ segment: i, resourceId, heldFrom: s.from, heldUntil: s.to })));
			const before = await tx.select().from(visitSegment).where(eq(visitSegment.visitId, visitId));
			const resourceIds = [...new Set([...wanted.map((w) => w.resourceId), ...before.flatMap((s) => [...(s.roomId ? [s.roomId] : []), ...s.presenterIds])])];
			if (resourceIds.length) await lockResources(tx, resourceIds);
			await releaseHolds(tx, before.map((s) => s.id), actor.id, 'itinerary_replaced');
			// Under the locks, with the old holds released: what still clashes is someone else's.
			const each = await clashesOfEach(wanted, tx);
			const found = wanted.flatMap((w, i) => each[i]!.map((clash) => ({ segment: w.segment, resourceId: w.resourceId, clash })));
			if (found.length) throw new Clashed(found);
			if (before.length) await tx.delete(visitSegment).where(eq(visitSegment.visitId, visitId));
			if (segments.length)
				await tx.insert(visitSegment).values(
					segments.map((s, position) => ({ id: s.id, visitId, position, kind: s.kind, title: s.title, startsAt: s.from, endsAt: s.to, roomId: s.roomId, presenterIds: s.presenterIds }))
				);
			const holds: NewHold[] = segments.flatMap((s) =>
				holdsOf(s).map((resourceId) => ({
					id: crypto.randomUUID(),
					resourceId,
					startsAt: s.from,
					endsAt: s.to,
					heldFrom: s.from,
					heldUntil: s.to,
					status: 'confirmed' as const,
					bookedBy: actor.id,
					schoolId: null,
					purpose: `${visit.reference} ${s.title}`,
					attendees: visit.groupSize,
					seriesId: null,
					// The segment names the booking; no hold is its own, so room lists leave the segment out.
					bookingId: s.id
				}))
			);
			// The exclusion constraint stays the guarantee: a clash here refuses the whole insert.
			if (holds.length) await insertMany(tx, holds, { skipClashing: false });
			await audit.record(tx, {
				actorId: actor.id,
				action: 'visit.itinerary_save',
				entity: 'visit_request',
				entityId: visitId,
				before: before.map((s) => ({ title: s.title, start: s.startsAt, end: s.endsAt, roomId: s.roomId, presenterIds: s.presenterIds })),
				after: segments.map((s) => ({ title: s.title, start: s.from, end: s.to, roomId: s.roomId, presenterIds: s.presenterIds }))
			});
			const now = clock.now();
			await tx.insert(visitEvent).values({ visitId, kind: 'itinerary', author: 'coordinator', actorId: actor.id, data: { segments: segments.length }, at: now });
			await tx.update(visitRequest).set({ updatedAt: now }).where(eq(visitRequest.id, visitId));
			await enqueue(tx, { to: visit.email, ...itineraryLetter(visit.locale, visit, before.length > 0), kind: 'visit_itinerary' });
			await tellPresenters(tx, visit, before, segments, presenterById, rooms);
		}));
	} catch (error) {
		if (error instanceof Clashed) return { outcome: 'conflict', clashes: await describeClashes(visit.id, visit.visitDate!, error.found, segments, rooms, presenterById) };
		// A writer that skipped the locks took a time meanwhile: still an answer, never a 500.
		if (isOverlap(error)) return { outcome: 'conflict', clashes: [] };
		throw error;
	}
	return { outcome: 'saved', segments: await itineraryOf(visitId) };
}

/** Release the holds of the given segments (the visit cancelled, declined, moved, or its itinerary replaced). */
async function releaseHolds(tx: Executor, segmentIds: string[], actorId: string | null, reason: string): Promise<number> {
	if (segmentIds.length === 0) return 0;
	const released = await tx
		.update(reservation)
		.set({ status: 'cancelled', cancelledAt: clock.now(), cancelledBy: actorId, cancelReason: reason, updatedAt: clock.now() })
		.where(and(inArray(reservation.bookingId, segmentIds), inArray(reservation.status, [...HOLDING_STATUSES])))
		.returning({ id: reservation.id });
	return released.length;
}

/**
 * Release every hold of the visit's itinerary at once, in the caller's transaction. With
 * `dropSegments` (the date changes) the segments go too; otherwise they stay as the record of
 * what was planned. The presenters are told.
 */
export async function releaseVisit(tx: Executor, visitId: string, actorId: string | null, reason: string, { dropSegments = false } = {}): Promise<number> {
	const segments = await tx.select().from(visitSegment).where(eq(visitSegment.visitId, visitId));
	const released = await releaseHolds(tx, segments.map((s) => s.id), actorId, reason);
	if (released) {
		const [visit] = await tx.select().from(visitRequest).where(eq(visitRequest.id, visitId));
		const { rooms, presenters } = await resources(tx);
		if (visit) await tellPresenters(tx, visit, segments, [], new Map(presenters.map((p) => [p.id, p])), rooms);
	}
	if (dropSegments && segments.length) await tx.delete(visitSegment).where(eq(visitSegment.visitId, visitId));
	return released;
}

/** Each clash with the next time its resource is free for the segment's length (the visit's own holds left out: they are being replaced). */
async function describeClashes(
	visitId: string,
	date: IsoDate,
	found: { segment: number; resourceId: string; clash: Clash }[],
	segments: (ItinerarySegmentInput & { from: Date; to: Date })[],
	rooms: ItineraryRoom[],
	presenters: Map<string, Presenter>
): Promise<SegmentClash[]> {
	const ids = [...new Set(found.map((f) => f.resourceId))];
	const from = seoulInstant(date);
	const to = seoulInstant(addDays(date, 15));
	const own = (await db.select({ id: visitSegment.id }).from(visitSegment).where(eq(visitSegment.visitId, visitId))).map((s) => s.id);
	const busyRows = await db
		.select({ resourceId: reservation.resourceId, from: reservation.heldFrom, to: reservation.heldUntil, bookingId: reservation.bookingId })
		.from(reservation)
		.where(and(inArray(reservation.resourceId, ids), inArray(reservation.status, [...HOLDING_STATUSES]), sql`${reservation.held} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`));
	const windows = workingWindows(date, (d) => holidayNames(d) !== null);
	const roomName = new Map(rooms.map((r) => [r.id, r.nameKo]));
	return found.map(({ segment, resourceId, clash }) => {
		const s = segments[segment]!;
		// Busy: others' holds of the resource, and the draft's other segments that need it.
		const busy: Span[] = [
			...busyRows.filter((b) => b.resourceId === resourceId && !(b.bookingId && own.includes(b.bookingId))).map((b) => ({ from: b.from.getTime(), to: b.to.getTime() })),
			...segments.filter((o, i) => i !== segment && holdsOf(o).includes(resourceId)).map((o) => ({ from: o.from.getTime(), to: o.to.getTime() }))
		];
		const next = nextFree(busy, s.from.getTime(), s.to.getTime() - s.from.getTime(), windows);
		const isRoom = roomName.has(resourceId);
		return {
			segment,
			title: s.title,
			resource: { id: resourceId, kind: isRoom ? ('room' as const) : ('presenter' as const), name: isRoom ? roomName.get(resourceId)! : (presenters.get(resourceId)?.name ?? '') },
			start: clash.start,
			end: clash.end,
			nextFree: next === null ? null : new Date(next).toISOString()
		};
	});
}

// ---------- Mails ----------

type VisitRowLike = { id: string; reference: string; organization: string; contactName: string; visitDate: string | null; visitPeriod: 'am' | 'pm' | null; locale: Locale };

function itineraryLetter(locale: Locale, visit: VisitRowLike, updated: boolean) {
	const day = visit.visitDate && visit.visitPeriod ? preferredText({ date: visit.visitDate, period: visit.visitPeriod }, locale) : '';
	return letter(locale, {
		subject: (updated ? m.visit_mail_itinerary_updated_subject : m.visit_mail_itinerary_subject)({ reference: visit.reference }, { locale }),
		name: visit.contactName,
		lead: m.visit_mail_itinerary_lead({ when: day }, { locale }),
		links: [m.visit_mail_link_reminder({ url: recoverUrl() }, { locale })]
	});
}

type SegmentLike = { title: string; roomId: string | null; presenterIds: string[]; from: Date; to: Date };
const likeOf = (s: typeof visitSegment.$inferSelect): SegmentLike => ({ title: s.title, roomId: s.roomId, presenterIds: s.presenterIds, from: s.startsAt, to: s.endsAt });

/**
 * Mail each presenter whose sessions of the visit changed: the new list of their sessions (time,
 * title, room), or that they no longer present. Presenters whose part stayed the same hear nothing.
 */
async function tellPresenters(
	tx: Executor,
	visit: VisitRowLike,
	before: (typeof visitSegment.$inferSelect)[],
	after: SegmentLike[],
	presenters: Map<string, Presenter>,
	rooms: ItineraryRoom[]
) {
	const old = before.map(likeOf);
	const roomOf = new Map(rooms.map((r) => [r.id, r]));
	const partOf = (list: SegmentLike[], id: string) => list.filter((s) => s.presenterIds.includes(id));
	const signature = (list: SegmentLike[]) => list.map((s) => `${s.from.toISOString()}|${s.to.toISOString()}|${s.roomId}|${s.title}`).join('\n');
	const ids = new Set([...old, ...after].flatMap((s) => s.presenterIds));
	for (const id of ids) {
		const person = presenters.get(id);
		if (!person) continue;
		const mine = partOf(after, id);
		if (signature(mine) === signature(partOf(old, id))) continue;
		await mail(tx, { userId: person.userId }, {
			kind: mine.length ? 'visit_presenter' : 'visit_presenter_released',
			compose: (locale) =>
				letter(locale, {
					subject: (mine.length ? m.visit_mail_presenter_subject : m.visit_mail_presenter_released_subject)({ reference: visit.reference, organization: visit.organization }, { locale }),
					name: person.name,
					lead: (mine.length ? m.visit_mail_presenter_lead : m.visit_mail_presenter_released_lead)(
						{ organization: visit.organization, date: visit.visitDate ? formatDate(seoulInstant(visit.visitDate), locale) : '' },
						{ locale }
					),
					facts: mine.length
						? [
								{
									label: m.visit_label_sessions({}, { locale }),
									value: mine.map((s) => {
										const r = s.roomId ? roomOf.get(s.roomId) : null;
										return `${formatTime(s.from)}–${formatTime(s.to)} ${s.title}${r ? ` (${locale === 'en' ? r.nameEn : r.nameKo})` : ''}`;
									})
								}
							]
						: [],
					links: [new URL('/department', config.origin).toString()]
				})
		});
	}
}

// ---------- The presenters' side ----------

export interface PresenterSession {
	visitId: string;
	reference: string;
	organization: string;
	groupSize: number;
	title: string;
	start: string;
	end: string;
	room: { nameKo: string; nameEn: string } | null;
	presenterIds: string[];
}

/** The confirmed visits' segments that the given consultants present, from `from` on (the department's queue). */
export async function sessionsOf(consultantIds: string[], from: Date, executor: Executor = db): Promise<PresenterSession[]> {
	if (consultantIds.length === 0) return [];
	const ids = sql.join(consultantIds.map((id) => sql`${id}::uuid`), sql`, `);
	const rows = await executor
		.select({
			visitId: visitRequest.id,
			reference: visitRequest.reference,
			organization: visitRequest.organization,
			groupSize: visitRequest.groupSize,
			title: visitSegment.title,
			start: visitSegment.startsAt,
			end: visitSegment.endsAt,
			roomKo: room.nameKo,
			roomEn: room.nameEn,
			presenterIds: visitSegment.presenterIds
		})
		.from(visitSegment)
		.innerJoin(visitRequest, eq(visitRequest.id, visitSegment.visitId))
		.leftJoin(room, eq(room.resourceId, visitSegment.roomId))
		.where(and(eq(visitRequest.status, 'confirmed'), sql`${visitSegment.endsAt} > ${from.toISOString()}::timestamptz`, sql`${visitSegment.presenterIds} && array[${ids}]::uuid[]`))
		.orderBy(asc(visitSegment.startsAt))
		.limit(100);
	return rows.map(({ roomKo, roomEn, start, end, ...r }) => ({ ...r, start: start.toISOString(), end: end.toISOString(), room: roomKo && roomEn ? { nameKo: roomKo, nameEn: roomEn } : null }));
}
