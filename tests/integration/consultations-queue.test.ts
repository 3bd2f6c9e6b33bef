/**
 * The department queue (consultations/queue.ts) and the actions its pages call: a department's
 * staff see their own department's consultations grouped (awaiting confirmation, upcoming, past)
 * and filtered, never another department's; the details offer colleagues and free slots; each
 * action answers or refuses with a message key the page says in its reader's language.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import * as bookings from '../../src/lib/server/consultations/bookings';
import * as queue from '../../src/lib/server/consultations/queue';
import { db } from '../../src/lib/server/db';
import { caseAccessLog, outbox } from '../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import { actor, at, consultationIds, schoolUsers, seedDemoCenter } from './fixtures';

let topics: Record<string, string>;
let consultantOf: Record<string, string>;
let school: SessionUser;
/** One school user per demo school: each test books for its own school (the per-school limit stays out of the way). */
let schools: SessionUser[];
let edu: SessionUser;
let edu2: SessionUser;
let mediation: SessionUser;
let facility: SessionUser;

beforeAll(async () => {
	await seedDemoCenter();
	({ topics, consultantOf } = await consultationIds());
	[school, edu, edu2, mediation, facility] = (await Promise.all(
		['school@center.test', 'edu@center.test', 'edu2@center.test', 'mediation@center.test', 'facility@center.test'].map((e) => actor(e))
	)) as [SessionUser, SessionUser, SessionUser, SessionUser, SessionUser];
	schools = await schoolUsers('queue');
});

// Monday 2027-01-04, 08:00 Seoul (lead time one day: Tuesday the 5th on is bookable).
beforeEach(() => clock.freeze(at('2027-01-04', '08:00')));

async function book(topic: string, start: Date, mode: 'visit' | 'video' | 'phone', consultantEmail?: string, by: SessionUser = school): Promise<string> {
	const result = await bookings.book(by, {
		topicId: topics[topic]!,
		start,
		mode,
		description: '학생 지원 체계를 함께 점검하고 싶습니다.',
		...(consultantEmail ? { consultantId: consultantOf[consultantEmail]! } : {})
	});
	if (result.outcome !== 'created') throw new Error(`not booked: ${JSON.stringify(result)}`);
	return result.created[0]!.id;
}


describe('the queue', () => {
	let curriculum: string;
	let mediationCase: string;

	beforeAll(async () => {
		clock.freeze(at('2027-01-04', '08:00'));
		// 교육과정 컨설팅 with edu2 (Mon/Wed/Fri 10–12); 학교폭력 사안 상담 needs the department's confirmation.
		curriculum = await book('교육과정 컨설팅', at('2027-01-06', '10:00'), 'video', 'edu2@center.test');
		mediationCase = await book('학교폭력 사안 상담', (await firstSlot('학교폭력 사안 상담', 'mediation@center.test', 'phone')).start, 'phone', 'mediation@center.test');
	});

	it("shows department staff their own department's consultations, never another department's", async () => {
		const mine = await queue.forDepartment(edu);
		expect(mine.all.map((c) => c.id)).toContain(curriculum);
		expect(mine.all.map((c) => c.id)).not.toContain(mediationCase);
		const theirs = await queue.forDepartment(mediation);
		expect(theirs.all.map((c) => c.id)).toEqual([mediationCase]);
	});

	it('refuses anyone without a department of their own (facility staff, a school)', async () => {
		await expect(queue.forDepartment(facility)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(queue.forDepartment(school)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('groups a request needing confirmation as pending and a confirmed future one as upcoming; lists carry no case text', async () => {
		const m = await queue.forDepartment(mediation);
		expect(m.pending.map((c) => c.id)).toEqual([mediationCase]);
		expect(m.pending[0]).not.toHaveProperty('description');
		const e = await queue.forDepartment(edu);
		expect(e.upcoming.map((c) => c.id)).toContain(curriculum);
		expect(e.consultants.map((c) => c.name).length).toBeGreaterThanOrEqual(2);
	});

	it('moves a confirmed consultation to past once it has ended', async () => {
		clock.freeze(at('2027-01-06', '12:00'));
		const e = await queue.forDepartment(edu);
		expect(e.past.map((c) => c.id)).toContain(curriculum);
		expect(e.upcoming.map((c) => c.id)).not.toContain(curriculum);
	});

	it('filters by consultant and by status', async () => {
		const byOther = await queue.forDepartment(edu, { consultantId: consultantOf['edu@center.test'] });
		expect([...byOther.pending, ...byOther.upcoming, ...byOther.past].map((c) => c.id)).not.toContain(curriculum);
		const byEdu2 = await queue.forDepartment(edu, { consultantId: consultantOf['edu2@center.test'], status: 'confirmed' });
		expect(byEdu2.upcoming.map((c) => c.id)).toContain(curriculum);
		const cancelled = await queue.forDepartment(edu, { status: 'cancelled' });
		expect(cancelled.upcoming).toEqual([]);
		expect(cancelled.total).toBeGreaterThan(0);
	});

	it("opens a case's details for its department (logged for 화해조정부) and as a missing one for another department", async () => {
		const before = (await db.select().from(caseAccessLog).where(eq(caseAccessLog.consultationId, mediationCase))).length;
		const view = await bookings.get(mediation, mediationCase, { clientAddress: '127.0.0.1' });
		expect(view.description).toContain('학생 지원');
		const after = (await db.select().from(caseAccessLog).where(eq(caseAccessLog.consultationId, mediationCase))).length;
		expect(after).toBe(before + 1);
		await expect(bookings.get(edu, mediationCase)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('offers the colleagues of the same department and free slots of the same consultant (not the consultation\'s own time)', async () => {
		const view = await bookings.get(edu, curriculum);
		const choices = await queue.handlingChoices(edu, view);
		expect(choices.colleagues.map((c) => c.id)).toEqual([consultantOf['edu@center.test']]);
		expect(choices.slots.length).toBeGreaterThan(0);
		expect(choices.slots.some((s) => s.start === Date.parse(view.start))).toBe(false);
	});
});

/** The first free slot of a topic with one consultant from Tuesday 2027-01-05 on. */
async function firstSlot(topic: string, consultantEmail: string, mode: 'visit' | 'video' | 'phone' = 'video') {
	const { loadTopic } = await import('../../src/lib/server/consultations/store');
	const { searchSlots } = await import('../../src/lib/server/consultations/search');
	const found = (await loadTopic(topics[topic]!))!;
	const { slots } = await searchSlots(found, { from: '2027-01-05', to: '2027-01-29', mode, consultantId: consultantOf[consultantEmail] }, clock.now());
	return { start: new Date(slots[0]!.start), end: new Date(slots[0]!.end), all: slots };
}

describe('the actions of the details page', () => {
	it('confirms a request; confirming it again is refused with a message', async () => {
		const slot = await firstSlot('관계회복 조정', 'mediation2@center.test', 'visit');
		const id = await book('관계회복 조정', slot.start, 'visit', 'mediation2@center.test');
		expect((await bookings.get(mediation, id)).status).toBe('requested');
		await bookings.confirm(mediation, id);
		expect((await bookings.get(mediation, id)).status).toBe('confirmed');
		await expect(bookings.confirm(mediation, id)).rejects.toBeInstanceOf(ConflictError);
		await expect(bookings.confirm(edu, id)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('reassigns to a free colleague, and refuses one who is held at that time (409) or of another department', async () => {
		// Monday 2027-01-11 10:00: both 교육지원부 consultants work then (edu Mon 10–12, edu2 Mon/Wed/Fri 10–12).
		const monday = at('2027-01-11', '10:00');
		const first = await book('교육과정 컨설팅', monday, 'video', 'edu@center.test', schools[1]);
		const moved = await bookings.reassign(edu, first, consultantOf['edu2@center.test']!);
		expect(moved.consultant.id).toBe(consultantOf['edu2@center.test']);
		const second = await book('교육과정 컨설팅', monday, 'video', 'edu@center.test', schools[2]);
		const held = await bookings.reassign(edu, second, consultantOf['edu2@center.test']!).catch((e: unknown) => e);
		expect(held).toBeInstanceOf(ConflictError);
		expect((held as ConflictError).messageKey).toBe('consultation_slot_taken');
		expect((await bookings.get(edu, second)).consultant.id).toBe(consultantOf['edu@center.test']);
		await expect(bookings.reassign(edu, second, consultantOf['mediation@center.test']!)).rejects.toBeInstanceOf(ValidationError);
	});

	it("reschedules to one of the offered slots and refuses a time the consultant's template does not offer", async () => {
		const slot = await firstSlot('교육과정 컨설팅', 'edu@center.test');
		const id = await book('교육과정 컨설팅', slot.start, 'video', 'edu@center.test', schools[3]);
		const { slots } = await queue.handlingChoices(edu, await bookings.get(edu, id));
		const target = slots[slots.length - 1]!;
		const view = await bookings.reschedule(edu, id, new Date(target.start));
		expect(Date.parse(view.start)).toBe(target.start);
		const err = await bookings.reschedule(edu, id, at('2027-01-05', '07:00')).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect((err as ValidationError).violations.map((v) => v.messageKey)).toContain('consultation_slot_not_offered');
	});

	it('cancels only with a reason, and the school is told by mail', async () => {
		const slot = await firstSlot('학생맞춤통합지원 체계 구축', 'edu@center.test');
		const id = await book('학생맞춤통합지원 체계 구축', slot.start, 'video', 'edu@center.test', schools[4]);
		const empty = await bookings.cancel(edu, id, null).catch((e: unknown) => e);
		expect(empty).toBeInstanceOf(ValidationError);
		expect((empty as ValidationError).violations[0]!.messageKey).toBe('consultation_reason_required');
		const mailsBefore = (await db.select().from(outbox).where(eq(outbox.kind, 'consultation_cancelled'))).length;
		await bookings.cancel(edu, id, '담당자 출장으로 부득이하게 취소합니다.');
		expect((await bookings.get(edu, id)).status).toBe('cancelled');
		const mails = await db.select().from(outbox).where(eq(outbox.kind, 'consultation_cancelled'));
		expect(mails.length).toBe(mailsBefore + 1);
		expect(mails.at(-1)!.bodyText).toContain('담당자 출장');
		await expect(bookings.cancel(edu, id, '다시')).rejects.toBeInstanceOf(ConflictError);
	});

	it('refuses completed before the end and no-show before the start, then accepts them after', async () => {
		const slot = await firstSlot('교육과정 컨설팅', 'edu2@center.test');
		const id = await book('교육과정 컨설팅', slot.start, 'video', 'edu2@center.test', schools[5]);
		const early = await bookings.finish(edu, id, 'no_show').catch((e: unknown) => e);
		expect(early).toBeInstanceOf(ConflictError);
		expect((early as ConflictError).messageKey).toBe('consultation_not_started');
		clock.freeze(new Date(slot.start.getTime() + 60_000));
		const notEnded = await bookings.finish(edu, id, 'completed').catch((e: unknown) => e);
		expect((notEnded as ConflictError).messageKey).toBe('consultation_not_ended');
		clock.freeze(new Date(slot.end.getTime() + 60_000));
		await bookings.finish(edu, id, 'completed');
		expect((await bookings.get(edu, id)).status).toBe('completed');
		const q = await queue.forDepartment(edu, { status: 'completed' });
		expect(q.past.map((c) => c.id)).toContain(id);
	});

	it('writes the outcome note, read by the department and never by the school', async () => {
		const slot = await firstSlot('기초학력 지원 상담', 'edu2@center.test');
		const by = schools[6]!;
		const id = await book('기초학력 지원 상담', slot.start, 'video', 'edu2@center.test', by);
		await bookings.writeNote(edu, id, '기초학력 진단 도구 안내, 후속 연락 예정');
		expect((await bookings.get(edu2, id)).outcomeNote).toBe('기초학력 진단 도구 안내, 후속 연락 예정');
		expect(await bookings.get(by, id)).not.toHaveProperty('outcomeNote');
		await expect(bookings.writeNote(mediation, id, 'x')).rejects.toBeInstanceOf(NotFoundError);
	});
});

