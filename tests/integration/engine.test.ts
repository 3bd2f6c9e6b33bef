/**
 * The engine on its own, with a service that is not rooms: a consultant (a `consultant`
 * resource with no room rules) held together with a consultation room, all or nothing; a counted
 * limit under its lock; every status change of a booking of two holds. The policy here is the
 * smallest a service can write: no room rules, no alternatives.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { auditLog, outbox, reservation, resource } from '../../src/lib/server/db/schema';
import * as engine from '../../src/lib/server/engine';
import { occurrences } from '../../src/lib/server/engine/recurrence';
import * as idempotency from '../../src/lib/server/idempotency';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

interface ConsultationInput {
	consultantId: string;
	roomId: string | null;
	start: Date;
	end: Date;
	/** Weekly, this many times. */
	weeks?: number;
}

/** At most this many consultations a consultant gives in a Seoul day: a limit the engine counts under its lock. */
const PER_DAY = 3;

function consultationsOf(consultantId: string, day: string) {
	return {
		key: `consultations:${consultantId}:${day}`,
		max: PER_DAY,
		amount: 1,
		used: sql<number>`test_consultations_used(${consultantId}::uuid, ${day}::date)`,
		refusal: (used: number) => ({ rule: 'consultant_day', messageKey: 'test_consultant_day_full', params: { used } })
	} satisfies engine.Limit;
}

/**
 * At most this many consultations a school holds in a Seoul day, with any consultant: a limit
 * across resources, so only its own lock (not a resource's) keeps simultaneous bookings apart.
 */
const PER_SCHOOL_DAY = 4;

function schoolDayOf(schoolId: string, day: string) {
	return {
		key: `school-consultations:${schoolId}:${day}`,
		max: PER_SCHOOL_DAY,
		amount: 1,
		used: sql<number>`test_school_consultations_used(${schoolId}::uuid, ${day}::date)`,
		refusal: (used: number) => ({ rule: 'school_day', messageKey: 'test_school_day_full', params: { used } })
	} satisfies engine.Limit;
}

const seoulDay = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

/** A consultant with a 10-minute buffer after each consultation; the room without buffers. */
const consultationPolicy: engine.Policy<ConsultationInput, ConsultationInput, never> = {
	mayBook: () => true,
	unknownTarget: { rule: 'consultantId', messageKey: 'test_consultant_unknown' },
	async load(actor: SessionUser, input: ConsultationInput) {
		const [found] = await db.select().from(resource).where(and(eq(resource.id, input.consultantId), eq(resource.kind, 'consultant')));
		if (!found) return null;
		return {
			target: input,
			resourceIds: [input.consultantId, ...(input.roomId ? [input.roomId] : [])],
			recurring: Boolean(input.weeks),
			status: 'requested',
			details: { bookedBy: actor.id, schoolId: actor.schoolId, purpose: '상담', attendees: 1 }
		};
	},
	async plan(actor, target, input, _now, executor) {
		const list = input.weeks ? occurrences(input, { kind: 'weekly', count: input.weeks }) : [{ start: input.start, end: input.end }];
		const holdsOf = (o: { start: Date; end: Date }) => [
			{ resourceId: target.consultantId, heldFrom: o.start, heldUntil: new Date(o.end.getTime() + 10 * 60_000) },
			...(target.roomId ? [{ resourceId: target.roomId, heldFrom: o.start, heldUntil: o.end }] : [])
		];
		const wanted = list.map(holdsOf);
		const clashes = await Promise.all(
			wanted.map(async (holds) => (await Promise.all(holds.map((h) => engine.clashes([h.resourceId], h.heldFrom, h.heldUntil, executor)))).flat())
		);
		return list.map((o, i) => ({
			...o,
			holds: wanted[i]!,
			violations: [],
			conflicts: clashes[i]!,
			limits: [
				consultationsOf(target.consultantId, seoulDay(o.start)),
				...(actor.schoolId ? [schoolDayOf(actor.schoolId, seoulDay(o.start))] : [])
			]
		}));
	},
	alternatives: async () => []
};

let consultant: string;
let otherConsultant: string;
let rooms: Record<string, string>;
let school: SessionUser;
let facility: SessionUser;

/**
 * The limits' counts, as a service declares them in its migration: VOLATILE functions, so the
 * count made under the limit's lock sees what the previous holder committed.
 */
async function createCountFunctions() {
	await db.execute(sql`create function test_consultations_used(p_consultant uuid, p_day date) returns double precision
		language plpgsql volatile as $$ begin return (select count(*) from reservation where resource_id = p_consultant
			and status in ('requested', 'confirmed') and (starts_at at time zone 'Asia/Seoul')::date = p_day); end $$`);
	// It waits 20 ms after counting: a wide window between the count and the insert, so that without
	// the limit's lock simultaneous bookings would all count the same and all get through.
	await db.execute(sql`create function test_school_consultations_used(p_school uuid, p_day date) returns double precision
		language plpgsql volatile as $$ declare n double precision; begin
			select count(*) into n from reservation r join resource on resource.id = r.resource_id
			where resource.kind = 'consultant' and r.school_id = p_school and r.status in ('requested', 'confirmed')
			and (r.starts_at at time zone 'Asia/Seoul')::date = p_day;
			perform pg_sleep(0.02);
			return n; end $$`);
}

beforeAll(async () => {
	await seedDemoCenter();
	await createCountFunctions();
	rooms = await roomIdsByCode();
	[consultant, otherConsultant] = (await db
		.insert(resource)
		.values([{ kind: 'consultant' }, { kind: 'consultant' }])
		.returning({ id: resource.id })).map((r) => r.id) as [string, string];
	school = await actor('school@center.test');
	facility = await actor('facility@center.test');
});

beforeEach(() => clock.freeze(at('2026-11-23', '08:00')));

const holdsAt = (resourceId: string, start: Date) =>
	db.select().from(reservation).where(and(eq(reservation.resourceId, resourceId), eq(reservation.startsAt, start)));

describe('the engine with a resource that is not a room', () => {
	it('holds a consultant and a room together, under one booking id, with each resource’s own buffers', async () => {
		const start = at('2026-12-01', '14:00');
		const end = at('2026-12-01', '15:00');
		const result = await engine.book(school, consultationPolicy, { consultantId: consultant, roomId: rooms['meeting-a']!, start, end });
		expect(result.outcome).toBe('created');
		if (result.outcome !== 'created') return;
		const [booked] = result.created;
		expect(booked!.holds.map((h) => h.resourceId)).toEqual([consultant, rooms['meeting-a']]);
		const rows = await db.select().from(reservation).where(eq(reservation.bookingId, booked!.id));
		expect(rows).toHaveLength(2);
		const consultantRow = rows.find((r) => r.resourceId === consultant)!;
		const roomRow = rows.find((r) => r.resourceId === rooms['meeting-a'])!;
		expect(consultantRow.heldUntil.toISOString()).toBe(at('2026-12-01', '15:10').toISOString());
		expect(roomRow.heldUntil.toISOString()).toBe(end.toISOString());
		// One audit row per hold, in the same statement as the insert.
		const audited = await db.select().from(auditLog).where(inArray(auditLog.entityId, rows.map((r) => r.id)));
		expect(audited.map((a) => a.action)).toEqual(['reservation.create', 'reservation.create']);
	});

	it('holds nothing when one of the two resources clashes, and names which one and when', async () => {
		// Someone else has the room 10:00–11:00; the consultant is free.
		const taken = await engine.book(facility, consultationPolicy, {
			consultantId: otherConsultant,
			roomId: rooms['meeting-b']!,
			start: at('2026-12-02', '10:00'),
			end: at('2026-12-02', '11:00')
		});
		expect(taken.outcome).toBe('created');
		const result = await engine.book(school, consultationPolicy, {
			consultantId: consultant,
			roomId: rooms['meeting-b']!,
			start: at('2026-12-02', '10:30'),
			end: at('2026-12-02', '11:30')
		});
		expect(result).toEqual({
			outcome: 'conflict',
			messageKey: 'booking_conflict',
			params: {},
			conflicts: [{ resourceId: rooms['meeting-b'], start: at('2026-12-02', '10:00').toISOString(), end: at('2026-12-02', '11:00').toISOString() }],
			alternatives: []
		});
		expect(await holdsAt(consultant, at('2026-12-02', '10:30'))).toEqual([]);
		expect(await holdsAt(rooms['meeting-b']!, at('2026-12-02', '10:30'))).toEqual([]);
	});

	it('refuses an unknown consultant with the policy’s own violation and holds nothing', async () => {
		const result = await engine.book(school, consultationPolicy, {
			consultantId: rooms['meeting-a']!,
			roomId: null,
			start: at('2026-12-03', '10:00'),
			end: at('2026-12-03', '11:00')
		});
		expect(result).toEqual({ outcome: 'invalid', violations: [{ rule: 'consultantId', messageKey: 'test_consultant_unknown' }] });
	});

	it('books a series of two-resource occurrences and skips, whole, the one where either resource is taken', async () => {
		// Week 2: the room is taken, the consultant free. The occurrence holds neither.
		await engine.book(facility, consultationPolicy, {
			consultantId: otherConsultant,
			roomId: rooms['seminar-hall']!,
			start: at('2026-12-15', '09:00'),
			end: at('2026-12-15', '10:00')
		});
		const result = await engine.book(school, consultationPolicy, {
			consultantId: consultant,
			roomId: rooms['seminar-hall']!,
			start: at('2026-12-08', '09:00'),
			end: at('2026-12-08', '10:00'),
			weeks: 3
		});
		expect(result.outcome).toBe('created');
		if (result.outcome !== 'created') return;
		expect(result.created.map((c) => c.start)).toEqual([at('2026-12-08', '09:00').toISOString(), at('2026-12-22', '09:00').toISOString()]);
		// Skipped with why: the hold it clashes with.
		expect(result.skipped).toEqual([
			{
				start: at('2026-12-15', '09:00').toISOString(),
				end: at('2026-12-15', '10:00').toISOString(),
				state: 'conflict',
				violations: [],
				conflicts: [{ resourceId: expect.any(String), start: at('2026-12-15', '09:00').toISOString(), end: at('2026-12-15', '10:00').toISOString() }]
			}
		]);
		expect(await holdsAt(consultant, at('2026-12-15', '09:00'))).toEqual([]);
		const series = await db.select().from(reservation).where(eq(reservation.seriesId, result.seriesId!));
		expect(series).toHaveLength(4);
	});

	it('answers a retry with the same idempotency key with the first answer, language-neutral, and books once', async () => {
		const request = { consultantId: consultant, roomId: null, start: at('2026-12-04', '10:00'), end: at('2026-12-04', '11:00') };
		const key = { key: 'engine-retry-0001', requestHash: idempotency.hashRequest({ consultation: 1 }) };
		const first = await engine.book(school, consultationPolicy, request, { idempotency: key });
		const again = await engine.book(school, consultationPolicy, request, { idempotency: key });
		expect(again).toEqual(first);
		expect(await holdsAt(consultant, request.start)).toHaveLength(1);
	});
});

describe('a counted limit of the engine', () => {
	it(`lets exactly ${PER_SCHOOL_DAY} of 20 simultaneous bookings of one school with 20 consultants at once through: the limit's lock, not a resource's, decides`, async () => {
		const day = '2026-12-11';
		const consultants = (await db.insert(resource).values(Array.from({ length: 20 }, () => ({ kind: 'consultant' as const }))).returning()).map((r) => r.id);
		const results = await Promise.all(
			consultants.map((consultantId) =>
				engine.book(school, consultationPolicy, { consultantId, roomId: null, start: at(day, '10:00'), end: at(day, '10:30') })
			)
		);
		expect(results.filter((r) => r.outcome === 'created')).toHaveLength(PER_SCHOOL_DAY);
		const refused = results.filter((r) => r.outcome === 'invalid');
		expect(refused).toHaveLength(20 - PER_SCHOOL_DAY);
		for (const r of refused)
			expect(r).toMatchObject({ violations: [{ rule: 'school_day', messageKey: 'test_school_day_full', params: { used: PER_SCHOOL_DAY } }] });
		const held = await db
			.select({ n: count() })
			.from(reservation)
			.where(and(inArray(reservation.resourceId, consultants), eq(reservation.schoolId, school.schoolId!)));
		expect(held[0]!.n).toBe(PER_SCHOOL_DAY);
	});

	it(`lets exactly ${PER_DAY} of 20 simultaneous bookings of one consultant's day through, the rest refused with the policy's violation`, async () => {
		const day = '2026-12-09';
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				engine.book(school, consultationPolicy, {
					consultantId: consultant,
					roomId: null,
					// Twenty half hours 40 minutes apart (the consultant's 10-minute buffer between them), all
					// on one Seoul day, so only the limit (not an overlap) can refuse.
					start: new Date(at(day, '08:00').getTime() + i * 40 * 60_000),
					end: new Date(at(day, '08:30').getTime() + i * 40 * 60_000)
				})
			)
		);
		expect(results.filter((r) => r.outcome === 'created')).toHaveLength(PER_DAY);
		const refused = results.filter((r) => r.outcome === 'invalid');
		expect(refused).toHaveLength(20 - PER_DAY);
		for (const r of refused) expect(r).toMatchObject({ violations: [{ rule: 'consultant_day', messageKey: 'test_consultant_day_full', params: { used: PER_DAY } }] });
		const held = await db
			.select({ n: count() })
			.from(reservation)
			.where(and(eq(reservation.resourceId, consultant), sql`(${reservation.startsAt} at time zone 'Asia/Seoul')::date = ${day}::date`));
		expect(held[0]!.n).toBe(PER_DAY);
	});

	it('counts a series against the limit occurrence by occurrence, its own earlier occurrences included', async () => {
		// Two consultations on 2026-12-10 already: a weekly series from that day gets its first
		// occurrence (the third) and its later ones, whose days are free.
		for (const hour of ['08:00', '09:00'])
			await engine.book(facility, consultationPolicy, { consultantId: consultant, roomId: null, start: at('2026-12-10', hour), end: at('2026-12-10', hour.replace(':00', ':30')) });
		const first = await engine.book(school, consultationPolicy, { consultantId: consultant, roomId: null, start: at('2026-12-10', '10:00'), end: at('2026-12-10', '10:30'), weeks: 2 });
		expect(first.outcome).toBe('created');
		const full = await engine.book(school, consultationPolicy, { consultantId: consultant, roomId: null, start: at('2026-12-10', '11:00'), end: at('2026-12-10', '11:30'), weeks: 2 });
		expect(full.outcome).toBe('created');
		if (full.outcome !== 'created') return;
		expect(full.created.map((c) => c.start)).toEqual([at('2026-12-17', '11:00').toISOString()]);
		// Skipped with why: the service's own rule, in its own words.
		expect(full.skipped).toEqual([
			{
				start: at('2026-12-10', '11:00').toISOString(),
				end: at('2026-12-10', '11:30').toISOString(),
				state: 'invalid',
				violations: [{ rule: 'consultant_day', messageKey: 'test_consultant_day_full', params: { used: 3 } }],
				conflicts: []
			}
		]);
	});
});

describe('transitions of a booking of two holds', () => {
	async function twoHolds(date: string) {
		const result = await engine.book(school, consultationPolicy, { consultantId: consultant, roomId: rooms['meeting-c'] ?? rooms['meeting-a']!, start: at(date, '16:00'), end: at(date, '17:00') });
		if (result.outcome !== 'created') throw new Error(`not booked: ${JSON.stringify(result)}`);
		return result.created[0]!;
	}
	const words: engine.transitions.Words = async (_booking, booker) => ({
		kind: 'test_mail',
		compose: (locale) => ({ subject: locale === 'en' ? 'Subject' : '제목', text: `${booker.name}` })
	});
	const statuses = async (bookingId: string) =>
		(await db.select({ status: reservation.status }).from(reservation).where(eq(reservation.bookingId, bookingId))).map((r) => r.status);

	it('approves both holds at once, tells the booker once and audits once', async () => {
		const booked = await twoHolds('2026-12-14');
		await engine.transitions.decide(facility.id, booked.id, 'confirmed', { reason: null, words });
		expect(await statuses(booked.id)).toEqual(['confirmed', 'confirmed']);
		const mails = await db.select().from(outbox).where(eq(outbox.kind, 'test_mail'));
		expect(mails).toHaveLength(1);
		await expect(engine.transitions.decide(facility.id, booked.id, 'rejected', { reason: '중복', words })).rejects.toMatchObject({
			messageKey: 'booking_not_pending'
		});
	});

	it('cancels both holds at once, which frees both resources for someone else', async () => {
		const booked = await twoHolds('2026-12-16');
		const { cancelled } = await engine.transitions.cancel(school.id, { bookingId: booked.id }, { before: { status: 'requested' }, scope: 'one' });
		expect(cancelled.sort()).toEqual(booked.holds.map((h) => h.id).sort());
		expect(await statuses(booked.id)).toEqual(['cancelled', 'cancelled']);
		const again = await twoHolds('2026-12-16');
		expect(again.holds).toHaveLength(2);
	});

	it('lapses a request nobody decided once it has started: every hold, each with an audit row by nobody', async () => {
		const booked = await twoHolds('2026-12-21');
		clock.freeze(at('2026-12-21', '16:01'));
		expect(await engine.transitions.lapse()).toBeGreaterThanOrEqual(2);
		expect(await statuses(booked.id)).toEqual(['rejected', 'rejected']);
		const audited = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'reservation.lapse'), inArray(auditLog.entityId, booked.holds.map((h) => h.id))));
		expect(audited.map((a) => [a.actorId, a.after])).toEqual([
			[null, { status: 'rejected', reason: 'lapsed' }],
			[null, { status: 'rejected', reason: 'lapsed' }]
		]);
	});

	it('completes a confirmed booking once it has ended and marks a no-show once it has started, and nothing else', async () => {
		const ended = await twoHolds('2026-12-17');
		await engine.transitions.decide(facility.id, ended.id, 'confirmed', { reason: null, words });
		expect(await engine.transitions.finish(facility.id, ended.id, 'completed')).toBe(false);
		clock.freeze(at('2026-12-17', '16:30'));
		expect(await engine.transitions.finish(facility.id, ended.id, 'completed')).toBe(false);
		expect(await engine.transitions.finish(facility.id, ended.id, 'no_show')).toBe(true);
		expect(await statuses(ended.id)).toEqual(['no_show', 'no_show']);
		clock.freeze(at('2026-12-17', '18:00'));
		expect(await engine.transitions.finish(facility.id, ended.id, 'completed')).toBe(false);

		clock.freeze(at('2026-11-23', '08:00'));
		const held = await twoHolds('2026-12-18');
		await engine.transitions.decide(facility.id, held.id, 'confirmed', { reason: null, words });
		clock.freeze(at('2026-12-18', '17:00'));
		expect(await engine.transitions.finish(facility.id, held.id, 'completed')).toBe(false);
		clock.freeze(at('2026-12-18', '17:01'));
		expect(await engine.transitions.finish(facility.id, held.id, 'completed')).toBe(true);
		expect(await statuses(held.id)).toEqual(['completed', 'completed']);
	});
});
