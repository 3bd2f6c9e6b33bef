/**
 * A confirmed visit's itinerary through the reservation engine: saved all or nothing (a clash in
 * the third segment holds nothing and names the segment, the resource, the time and the next free
 * time), two coordinators needing one presenter at once (exactly one itinerary), a presenter's
 * consultation slots gone while they present and back when the visit is cancelled, and a new date
 * releasing everything. On PGlite always and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { and, eq, inArray, like } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ItinerarySegmentInput, VisitRequestInput } from '../../src/lib/schemas/visits';
import * as clock from '../../src/lib/server/clock';
import { loadTopic } from '../../src/lib/server/consultations/store';
import { searchSlots } from '../../src/lib/server/consultations/search';
import { db } from '../../src/lib/server/db';
import { outbox, reservation, visitSegment } from '../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/server/errors';
import * as checkin from '../../src/lib/server/visits/checkin';
import * as coordination from '../../src/lib/server/visits/coordination';
import * as itinerary from '../../src/lib/server/visits/itinerary';
import * as visits from '../../src/lib/server/visits/requests';
import { actor, at, consultationIds, roomIdsByCode, seedDemoCenter } from './fixtures';

let address = 0;
const request = (dates: VisitRequestInput['preferredDates'], over: Partial<VisitRequestInput> = {}): VisitRequestInput => ({
	organization: '전라남도교육청 학생생활과',
	organizationKind: 'office',
	region: 'jeonnam',
	contactName: '김담당',
	email: `delegation-${++address}@jne.go.kr`,
	phone: '061-260-0000',
	groupSize: 12,
	preferredDates: dates,
	departments: ['education', 'mediation'],
	topicIds: [],
	purpose: '학생맞춤통합지원 운영 사례',
	accessibilityNeeds: '',
	consent: true,
	...over
});

const coordinator = () => actor('visits@center.test');

/** A request confirmed on its first preferred date: its id and token. */
async function confirmedVisit(date: string, period: 'am' | 'pm' = 'am', over: Partial<VisitRequestInput> = {}) {
	const done = await visits.submit(request([{ date, period }], over), { locale: 'ko', clientAddress: `10.1.0.${address}` });
	const id = (await coordination.inbox(await coordinator(), 'new')).items.find((i) => i.reference === done.reference)!.id;
	await coordination.confirm(await coordinator(), id, { date, period });
	return { id, token: done.token, reference: done.reference };
}

const holdsOf = async (visitId: string) => {
	const segments = await db.select({ id: visitSegment.id }).from(visitSegment).where(eq(visitSegment.visitId, visitId));
	if (segments.length === 0) return [];
	return db.select().from(reservation).where(and(inArray(reservation.bookingId, segments.map((s) => s.id)), inArray(reservation.status, ['confirmed', 'requested'])));
};

let rooms: Record<string, string>;
let consultantOf: Record<string, string>;
let topics: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
	({ consultantOf, topics } = await consultationIds());
});

beforeEach(() => clock.freeze(at('2027-02-22', '10:00')));

const seg = (title: string, start: string, end: string, roomId: string | null, presenterIds: string[] = [], kind: ItinerarySegmentInput['kind'] = 'session'): ItinerarySegmentInput => ({
	kind,
	title,
	start,
	end,
	roomId,
	presenterIds
});

describe('the itinerary', () => {
	it('starts from the template for the chosen departments, and saving it holds every room and presenter; the delegation sees it and the presenters are mailed', async () => {
		const visit = await confirmedVisit('2027-03-10');
		const { segments, fromTemplate } = await itinerary.draft(await coordinator(), visit.id);
		expect(fromTemplate).toBe(true);
		expect(segments.map((s) => [s.kind, s.start, s.end])).toEqual([
			['briefing', '10:00', '10:30'],
			['session', '10:30', '11:10'],
			['session', '11:10', '11:50'],
			['tour', '11:50', '12:20'],
			['qa', '12:20', '12:40']
		]);
		expect(segments[0]!.roomId).toBe(rooms['seminar-hall']);
		expect(segments[1]!.title).toBe('교육지원부 운영 사례 설명');
		const result = await itinerary.save(await coordinator(), visit.id, { segments });
		expect(result.outcome).toBe('saved');
		const held = await holdsOf(visit.id);
		// Briefing (room), two sessions (room + presenter each), tour (nothing), Q&A (room).
		expect(held).toHaveLength(6);
		expect(held.every((h) => h.status === 'confirmed' && h.bookingId !== h.id)).toBe(true);
		const view = await visits.byToken(visit.token);
		expect(view.itinerary.map((s) => s.title)).toEqual(segments.map((s) => s.title));
		expect(view.itinerary[1]!.presenters.map((p) => p.department.code)).toEqual(['education']);
		expect(view.itinerary[0]!.room?.nameKo).toBe('대강당');
		expect(view.timeline.at(-1)!.kind).toBe('itinerary');
		const presenterMails = await db.select().from(outbox).where(and(eq(outbox.kind, 'visit_presenter'), like(outbox.subject, `%${visit.reference}%`)));
		expect(presenterMails).toHaveLength(2);
		expect(presenterMails[0]!.bodyText).toMatch(/10:30–11:10|11:10–11:50/);
		// Saved again unchanged: the presenters hear nothing new, the holds are the same number.
		await itinerary.save(await coordinator(), visit.id, { segments });
		expect(await db.select().from(outbox).where(and(eq(outbox.kind, 'visit_presenter'), like(outbox.subject, `%${visit.reference}%`)))).toHaveLength(2);
		expect(await holdsOf(visit.id)).toHaveLength(6);
	});

	it('whose third segment clashes holds nothing, and says which segment, which resource, which time and when it is next free', async () => {
		const other = await confirmedVisit('2027-03-17');
		await itinerary.save(await coordinator(), other.id, { segments: [seg('다른 방문 설명', '11:10', '11:50', rooms['meeting-a']!)] });
		const visit = await confirmedVisit('2027-03-17');
		const segments = [
			seg('환영', '10:00', '10:30', rooms['seminar-hall']!, [], 'briefing'),
			seg('교육지원부', '10:30', '11:10', rooms['meeting-a']!, [consultantOf['edu2@center.test']!]),
			seg('화해조정부', '11:10', '11:50', rooms['meeting-a']!, [consultantOf['mediation@center.test']!])
		];
		const result = await itinerary.save(await coordinator(), visit.id, { segments });
		expect(result).toEqual({
			outcome: 'conflict',
			clashes: [
				{
					segment: 2,
					title: '화해조정부',
					resource: { id: rooms['meeting-a'], kind: 'room', name: '중회의실 A' },
					start: at('2027-03-17', '11:10').toISOString(),
					end: at('2027-03-17', '11:50').toISOString(),
					nextFree: at('2027-03-17', '11:50').toISOString()
				}
			]
		});
		expect(await holdsOf(visit.id)).toEqual([]);
		expect(await db.select().from(visitSegment).where(eq(visitSegment.visitId, visit.id))).toEqual([]);
	});

	it('two coordinators saving itineraries that need the same presenter at once: exactly one succeeds', async () => {
		const [a, b] = [await confirmedVisit('2027-03-18', 'pm'), await confirmedVisit('2027-03-18', 'pm')];
		const presenter = consultantOf['edu@center.test']!;
		const admin = await actor('admin@center.test');
		const outcomes = await Promise.all([
			itinerary.save(await coordinator(), a.id, { segments: [seg('설명 A', '14:00', '15:00', rooms['meeting-a']!, [presenter])] }),
			itinerary.save(admin, b.id, { segments: [seg('설명 B', '14:30', '15:30', rooms['meeting-b']!, [presenter])] })
		]);
		expect(outcomes.map((o) => o.outcome).sort()).toEqual(['conflict', 'saved']);
		const lost = outcomes.find((o) => o.outcome === 'conflict')!;
		expect(lost.outcome === 'conflict' && lost.clashes.map((c) => [c.resource.kind, c.resource.id])).toEqual([['presenter', presenter]]);
		const holds = [...(await holdsOf(a.id)), ...(await holdsOf(b.id))];
		expect(holds.filter((h) => h.resourceId === presenter)).toHaveLength(1);
	});

	it("takes a presenter's consultation slots while they present, and gives them back when the delegation cancels", async () => {
		const presenter = consultantOf['edu2@center.test']!;
		const found = (await loadTopic(topics['학생맞춤통합지원 체계 구축']!))!;
		const slots = async () => (await searchSlots(found, { from: '2027-03-24', to: '2027-03-24', mode: 'video', consultantId: presenter }, clock.now())).slots;
		const before = await slots();
		const during = (s: { start: number; end: number }) => s.start < at('2027-03-24', '11:10').getTime() && s.end > at('2027-03-24', '10:30').getTime();
		expect(before.filter(during).length).toBeGreaterThan(0);
		const visit = await confirmedVisit('2027-03-24');
		await itinerary.save(await coordinator(), visit.id, { segments: [seg('교육지원부', '10:30', '11:10', rooms['meeting-a']!, [presenter])] });
		expect((await slots()).filter(during)).toEqual([]);
		const sessions = await itinerary.sessionsOf([presenter], clock.now());
		expect(sessions.map((s) => [s.reference, s.title])).toContainEqual([visit.reference, '교육지원부']);
		await visits.cancelByDelegation(visit.token);
		expect(await slots()).toEqual(before);
		expect(await holdsOf(visit.id)).toEqual([]);
		expect(await db.select().from(outbox).where(and(eq(outbox.kind, 'visit_presenter_released'), like(outbox.subject, `%${visit.reference}%`)))).toHaveLength(1);
	});

	it('another date proposed releases every hold and drops the old day’s segments; the center cancelling releases them too', async () => {
		const moved = await confirmedVisit('2027-03-25');
		await itinerary.save(await coordinator(), moved.id, { segments: [seg('설명', '10:00', '11:00', rooms['meeting-b']!, [consultantOf['mediation2@center.test']!])] });
		expect(await holdsOf(moved.id)).toHaveLength(2);
		const held = await db.select({ id: visitSegment.id }).from(visitSegment).where(eq(visitSegment.visitId, moved.id));
		await coordination.propose(await coordinator(), moved.id, { date: '2027-03-26', period: 'am' }, '');
		expect(await db.select().from(visitSegment).where(eq(visitSegment.visitId, moved.id))).toEqual([]);
		expect(await db.select().from(reservation).where(and(inArray(reservation.bookingId, held.map((s) => s.id)), eq(reservation.status, 'confirmed')))).toEqual([]);

		const called = await confirmedVisit('2027-03-25');
		await itinerary.save(await coordinator(), called.id, { segments: [seg('설명', '10:00', '11:00', rooms['meeting-b']!)] });
		await expect(coordination.cancel(await coordinator(), called.id, '')).rejects.toBeInstanceOf(ValidationError);
		await coordination.cancel(await coordinator(), called.id, '발표자 출장으로 부득이 취소합니다.');
		expect(await holdsOf(called.id)).toEqual([]);
		expect((await visits.byToken(called.token)).status).toBe('cancelled');
	});

	it('refuses a room too small, one presenter in two overlapping segments, a visit not confirmed, and anyone but a coordinator', async () => {
		const visit = await confirmedVisit('2027-03-31', 'am', { groupSize: 30 });
		const p = consultantOf['edu@center.test']!;
		const refused = await itinerary
			.save(await coordinator(), visit.id, { segments: [seg('A', '10:00', '11:00', rooms['meeting-a']!, [p]), seg('B', '10:30', '11:30', rooms['seminar-hall']!, [p])] })
			.catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).violations.map((v) => [v.rule, v.messageKey])).toEqual([
			['segments.0.roomId', 'visit_room_too_small'],
			['segments.1.start', 'visit_segments_overlap']
		]);
		expect(await holdsOf(visit.id)).toEqual([]);
		await expect(itinerary.save(await actor('facility@center.test'), visit.id, { segments: [seg('A', '10:00', '11:00', null)] })).rejects.toBeInstanceOf(ForbiddenError);
		const fresh = await visits.submit(request([{ date: '2027-04-01', period: 'am' }]), { locale: 'ko', clientAddress: '10.1.1.1' });
		const id = (await coordination.inbox(await coordinator(), 'new')).items.find((i) => i.reference === fresh.reference)!.id;
		await expect(itinerary.save(await coordinator(), id, { segments: [seg('A', '10:00', '11:00', null)] })).rejects.toBeInstanceOf(ConflictError);
	});
});

describe('the day of the visit', () => {
	it('checks a delegation in by its typed reference (any case, hyphens optional): done, arrived, once; a reference of another day is refused', async () => {
		const visit = await confirmedVisit('2027-04-07');
		const elsewhere = await confirmedVisit('2027-04-08');
		clock.freeze(at('2027-04-07', '09:40'));
		const { visits: today } = await checkin.dayList(await coordinator());
		expect(today.map((v) => v.reference)).toContain(visit.reference);
		expect(today.map((v) => v.reference)).not.toContain(elsewhere.reference);
		const typed = visit.reference.toLowerCase().replaceAll('-', '');
		const done = await checkin.checkIn(await coordinator(), { code: typed }, 'arrived');
		expect(done).toMatchObject({ reference: visit.reference, attendance: 'arrived' });
		await expect(checkin.checkIn(await coordinator(), { code: visit.reference }, 'arrived')).rejects.toBeInstanceOf(ConflictError);
		const refused = await checkin.checkIn(await coordinator(), { code: elsewhere.reference }, 'arrived').catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).violations[0]).toMatchObject({ rule: 'code', messageKey: 'visit_checkin_unknown' });
		const view = await visits.byToken(visit.token);
		expect(view.status).toBe('done');
		expect(view.timeline.at(-1)!.kind).toBe('arrived');
	});

	it('two devices checking one delegation in at once: one check-in', async () => {
		const visit = await confirmedVisit('2027-04-09');
		clock.freeze(at('2027-04-09', '09:50'));
		const outcomes = await Promise.allSettled([
			checkin.checkIn(await coordinator(), { code: visit.reference }, 'arrived'),
			checkin.checkIn(await actor('admin@center.test'), { id: visit.id }, 'arrived')
		]);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
		expect((await visits.byToken(visit.token)).timeline.filter((e) => e.kind === 'arrived')).toHaveLength(1);
	});

	it('a no-show makes the visit done and releases what its itinerary held', async () => {
		const visit = await confirmedVisit('2027-04-12');
		await itinerary.save(await coordinator(), visit.id, { segments: [seg('설명', '14:00', '15:00', rooms['meeting-a']!, [consultantOf['edu@center.test']!])] });
		clock.freeze(at('2027-04-12', '11:00'));
		await checkin.checkIn(await coordinator(), { id: visit.id }, 'no_show');
		expect(await holdsOf(visit.id)).toEqual([]);
		expect(await visits.byToken(visit.token)).toMatchObject({ status: 'done' });
	});
});
