/**
 * Consultations on the one engine: slots from templates and holds, a booking that holds a
 * consultant and (in person) a room all or nothing, its reference and mail, the per-school limit,
 * and the races — the last slot, and a consultation against a room booking for the last room.
 * On PGlite always and on PostgreSQL (20 connections) when TEST_DATABASE_URL is set.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import * as consultations from '../../src/lib/server/consultations/bookings';
import { searchSlots } from '../../src/lib/server/consultations/search';
import { loadTopic } from '../../src/lib/server/consultations/store';
import { db } from '../../src/lib/server/db';
import { appUser, caseAccessLog, consultant, consultation, consultationTopic, department, outbox, reservation } from '../../src/lib/server/db/schema';
import { NotFoundError } from '../../src/lib/server/errors';
import * as rooms from '../../src/lib/server/rooms/bookings';
import { details as boardDetails } from '../../src/lib/server/rooms/details';
import { busyByRoom } from '../../src/lib/server/rooms/availability';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import { actor, at, roomIdsByCode, schoolUsers, seedDemoCenter } from './fixtures';

let topics: Record<string, string>;
let consultantsOf: Record<string, { id: string; email: string }[]>;
let schools: SessionUser[];

beforeAll(async () => {
	await seedDemoCenter();
	const rows = await db.select({ id: consultationTopic.id, name: consultationTopic.nameKo }).from(consultationTopic);
	topics = Object.fromEntries(rows.map((r) => [r.name, r.id]));
	const cs = await db
		.select({ id: consultant.resourceId, email: appUser.email, code: department.code })
		.from(consultant)
		.innerJoin(appUser, eq(appUser.id, consultant.userId))
		.innerJoin(department, eq(department.id, consultant.departmentId));
	consultantsOf = {};
	for (const c of cs) (consultantsOf[c.code] ??= []).push({ id: c.id, email: c.email });
	schools = await schoolUsers();
});

// Monday 2027-01-04, 08:00 Seoul: Tuesday the 5th is bookable (lead time one day).
beforeEach(() => clock.freeze(at('2027-01-04', '08:00')));

const request = (topic: string, start: Date, mode: 'visit' | 'video' | 'phone', extra: Partial<Parameters<typeof consultations.book>[1]> = {}) => ({
	topicId: topics[topic]!,
	start,
	mode,
	description: '교실 천장 누수 보수 방법을 여쭙고 싶습니다.',
	...extra
});

describe('the seed', () => {
	it('has topics for all four departments and at least two consultants in each', async () => {
		expect(Object.keys(topics)).toEqual(expect.arrayContaining(['학생맞춤통합지원 체계 구축', '회계·계약', '학교폭력 사안 상담', '시설 보수 상담', '안전점검']));
		for (const code of ['education', 'administration', 'mediation', 'facility']) expect(consultantsOf[code]!.length).toBeGreaterThanOrEqual(2);
	});
});

describe('slots', () => {
	it("are the consultants' templates less their holds: 시설 보수 상담 on Tuesday 10:00–12:00 and 14:00–17:00", async () => {
		const found = (await loadTopic(topics['시설 보수 상담']!))!;
		const { slots } = await searchSlots(found, { from: '2027-01-05', to: '2027-01-05', mode: 'video' }, clock.now());
		const hhmm = slots.map((s) => new Date(s.start + 9 * 3600_000).toISOString().slice(11, 16));
		expect(hhmm).toEqual(['10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
	});
});

describe('booking', () => {
	it('holds the consultant (and in person a room), numbers it C-<year>-0001 and mails the school with that reference', async () => {
		const result = await consultations.book(schools[0]!, request('시설 보수 상담', at('2027-01-05', '10:00'), 'visit'));
		expect(result.outcome).toBe('created');
		if (result.outcome !== 'created') return;
		const id = result.created[0]!.id;
		const made = await consultations.created(id);
		expect(made).toMatchObject({ reference: 'C-2027-0001', mode: 'visit', status: 'confirmed' });
		expect(made.roomId).toBeDefined();
		const holds = await db.select().from(reservation).where(eq(reservation.bookingId, id));
		expect(holds.map((h) => h.resourceId).sort()).toEqual([consultantsOf.facility!.find((c) => c.email === 'facility-support@center.test')!.id, made.roomId].sort());
		expect(holds.every((h) => h.purpose === '상담: 시설 보수 상담')).toBe(true);
		const [mail] = await db.select().from(outbox).where(eq(outbox.kind, 'consultation_confirmed'));
		expect(mail!.bodyText).toContain('C-2027-0001');
		expect(mail!.bodyText).not.toContain('{{reference}}');
		expect(mail!.bodyText).not.toContain('누수');
		// The slot is gone for in-person and for video alike (the consultant is held).
		const found = (await loadTopic(topics['시설 보수 상담']!))!;
		const { slots } = await searchSlots(found, { from: '2027-01-05', to: '2027-01-05', mode: 'video' }, clock.now());
		expect(slots.some((s) => s.start === at('2027-01-05', '10:00').getTime())).toBe(false);
	});

	it('refuses a time the template does not offer (422) and a mode the topic does not offer', async () => {
		const never = await consultations.book(schools[0]!, request('시설 보수 상담', at('2027-01-05', '12:30'), 'video'));
		expect(never.outcome).toBe('invalid');
		if (never.outcome === 'invalid') expect(never.violations.map((v) => v.messageKey)).toContain('consultation_slot_not_offered');
		const mode = await consultations.book(schools[0]!, request('기초학력 지원 상담', at('2027-01-05', '14:00'), 'visit'));
		expect(mode.outcome).toBe('invalid');
		if (mode.outcome === 'invalid') expect(mode.violations.map((v) => v.messageKey)).toContain('consultation_mode_not_offered');
	});

	it("keeps a school to the topic's limit of open consultations with the department", async () => {
		// 학교 예산 편성: two open at most per school with 행정지원부 (the other topics allow three; the limit counts the department).
		const school = schools[1]!;
		const times = ['14:00', '15:00', '16:00'].map((t) => at('2027-01-06', t));
		const answers = [];
		for (const start of times) answers.push(await consultations.book(school, request('학교 예산 편성', start, 'video')));
		expect(answers.map((a) => a.outcome)).toEqual(['created', 'created', 'invalid']);
		const third = answers[2]!;
		if (third.outcome === 'invalid') expect(third.violations[0]!.messageKey).toBe('consultation_open_limit');
	});
});

describe('races', () => {
	it('the last slot, wanted by many schools at once: one booking, the others 409 with fresh alternatives', async () => {
		// 안전점검 on Wednesday 2027-01-06 at 16:00: only facility-support2 works then (14–17).
		const start = at('2027-01-06', '16:00');
		const answers = await Promise.all(schools.map((s) => consultations.book(s, request('안전점검', start, 'video'))));
		const created = answers.filter((a) => a.outcome === 'created');
		const conflicts = answers.filter((a) => a.outcome === 'conflict');
		expect(created).toHaveLength(1);
		expect(conflicts).toHaveLength(schools.length - 1);
		for (const c of conflicts) {
			expect(c.alternatives!.length).toBeGreaterThan(0);
			expect(c.alternatives!.every((a) => a.start !== start.toISOString())).toBe(true);
		}
		const held = await db.select().from(reservation).where(and(eq(reservation.startsAt, start), inArray(reservation.status, ['requested', 'confirmed'])));
		expect(held).toHaveLength(1);
		expect(await db.select().from(consultation).where(eq(consultation.id, held[0]!.id))).toHaveLength(1);
	});

	it('"any consultant" with two free: two schools at once both get one, each a different consultant', async () => {
		// 교육과정 컨설팅, Wednesday 2027-01-13 10:00: edu2 (Mon/Wed/Fri 10–12) only; Thursday 14:00: edu only.
		// Give edu2 an extra Thursday afternoon so two consultants are free then.
		const edu2 = consultantsOf.education!.find((c) => c.email === 'edu2@center.test')!;
		await db.execute(sql`insert into consultant_exception (consultant_id, date, kind, start_minute, end_minute) values (${edu2.id}::uuid, '2027-01-14', 'extra', 840, 1020)`);
		const start = at('2027-01-14', '14:00');
		const answers = await Promise.all(schools.slice(0, 4).map((s) => consultations.book(s, request('교육과정 컨설팅', start, 'video'))));
		expect(answers.filter((a) => a.outcome === 'created')).toHaveLength(2);
		const held = await db.select().from(reservation).where(and(eq(reservation.startsAt, start), inArray(reservation.status, ['requested', 'confirmed'])));
		expect(new Set(held.map((h) => h.resourceId)).size).toBe(2);
	});

	it('a consultation and a room booking for the last free consultation room at once: exactly one wins, nothing half-held', async () => {
		// 관계회복 조정 is in person only, in the mediation room or consultation room 4. Take room 4 first,
		// then race a mediation staff room booking of the mediation room against a consultation.
		clock.freeze(at('2027-01-04', '08:00'));
		const codes = await roomIdsByCode();
		const staff = await actor('mediation@center.test');
		const start = at('2027-01-07', '10:00');
		const end = at('2027-01-07', '11:30');
		const taken = await rooms.book(staff, { roomId: codes['consult-4']!, start, end: at('2027-01-07', '12:00'), purpose: '사례 회의', attendees: 3 });
		expect(taken.outcome).toBe('created');
		const [roomAnswer, consultationAnswer] = await Promise.all([
			rooms.book(staff, { roomId: codes.mediation!, start, end, purpose: '사례 회의', attendees: 3 }),
			consultations.book(schools[2]!, request('관계회복 조정', start, 'visit'))
		]);
		expect([roomAnswer.outcome, consultationAnswer.outcome].filter((o) => o === 'created')).toHaveLength(1);
		const onMediationRoom = await db
			.select()
			.from(reservation)
			.where(and(eq(reservation.resourceId, codes.mediation!), eq(reservation.startsAt, start), inArray(reservation.status, ['requested', 'confirmed'])));
		expect(onMediationRoom).toHaveLength(1);
		if (consultationAnswer.outcome !== 'created') {
			// Nothing of the refused consultation is held: no consultant hold at that time for the school.
			const orphan = await db
				.select()
				.from(reservation)
				.where(and(eq(reservation.startsAt, start), eq(reservation.schoolId, schools[2]!.schoolId!)));
			expect(orphan).toHaveLength(0);
		}
	});
});

describe('need-to-know', () => {
	it("shows a mediation case to its school and its department only, logs every read of its text, and 404s everyone else", async () => {
		const school = schools[3]!;
		const result = await consultations.book(school, request('학교폭력 사안 상담', at('2027-01-05', '10:00'), 'phone', { description: '학생 간 갈등 사안입니다.' }));
		expect(result.outcome).toBe('created');
		if (result.outcome !== 'created') return;
		const id = result.created[0]!.id;
		const holds = await db.select().from(reservation).where(eq(reservation.bookingId, id));
		expect(holds.every((h) => h.purpose === '화해조정부 상담')).toBe(true);
		const mediation = await actor('mediation@center.test');
		expect((await consultations.get(mediation, id, { clientAddress: '10.0.0.9' })).description).toBe('학생 간 갈등 사안입니다.');
		expect((await consultations.get(school, id)).description).toBe('학생 간 갈등 사안입니다.');
		expect('outcomeNote' in (await consultations.get(school, id))).toBe(false);
		for (const email of ['edu@center.test', 'facility@center.test', 'admin@center.test', 'visits@center.test'])
			await expect(consultations.get(await actor(email), id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(consultations.get(schools[4]!, id)).rejects.toBeInstanceOf(NotFoundError);
		const log = await db.select().from(caseAccessLog).where(eq(caseAccessLog.consultationId, id));
		expect(log).toHaveLength(3);
		expect(log.find((l) => l.actorId === mediation.id)!.clientAddress).toBe('10.0.0.9');
	});

	it('shows the room a mediation case holds to facility staff as taken by 화해조정부, without the school', async () => {
		const school = schools[5]!;
		const result = await consultations.book(school, request('학교폭력 사안 상담', at('2027-01-08', '10:00'), 'visit', { description: '사안 개요' }));
		expect(result.outcome).toBe('created');
		if (result.outcome !== 'created') return;
		const roomHold = result.created[0]!.holds[1]!;
		const facility = await actor('facility@center.test');
		// The board shows the room as taken by 화해조정부, with nothing to open (no school, no booker, no text).
		const busy = (await busyByRoom(at('2027-01-08', '00:00'), at('2027-01-09', '00:00'), facility, [roomHold.resourceId])).get(roomHold.resourceId) ?? [];
		const entry = busy.find((b) => b.bookingStart === at('2027-01-08', '10:00').toISOString());
		expect(entry).toBeDefined();
		expect(entry!.id).toBeUndefined();
		expect(entry!.purpose ?? '').not.toContain('학교폭력');
		expect(JSON.stringify(entry)).not.toContain('사안 개요');
		await expect(boardDetails(facility, roomHold.id)).rejects.toBeInstanceOf(NotFoundError);
	});
});
