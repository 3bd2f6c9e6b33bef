/**
 * What happens to a consultation after it is booked: the department confirms, reassigns,
 * reschedules, cancels with a reason, marks it completed or a no-show, writes its note; the school
 * cancels before the cutoff; the reminder the day before; and the erasure of mediation case text
 * past its retention. On PGlite always and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import * as clock from '../../src/lib/server/clock';
import * as consultations from '../../src/lib/server/consultations/bookings';
import { consultationReminders } from '../../src/lib/server/consultations/reminders';
import { eraseExpiredCases } from '../../src/lib/server/consultations/retention';
import { db } from '../../src/lib/server/db';
import { auditLog, caseAccessLog, consultation, department, outbox, reminder, reservation } from '../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import * as reminders from '../../src/lib/server/reminders';
import { roomReminders } from '../../src/lib/server/rooms/reminders';
import { actor, at, consultationIds, schoolUsers, seedDemoCenter } from './fixtures';

let topics: Record<string, string>;
let consultantOf: Record<string, string>;
let schools: SessionUser[];

beforeAll(async () => {
	await seedDemoCenter();
	({ topics, consultantOf } = await consultationIds());
	schools = await schoolUsers();
});

// Monday 2027-01-04, 08:00 Seoul.
beforeEach(() => clock.freeze(at('2027-01-04', '08:00')));

async function booked(who: SessionUser, topic: string, start: Date, mode: 'visit' | 'video' | 'phone', consultantId?: string): Promise<string> {
	const result = await consultations.book(who, { topicId: topics[topic]!, start, mode, description: '상담 요청 내용', ...(consultantId ? { consultantId } : {}) });
	if (result.outcome !== 'created') throw new Error(`not booked: ${JSON.stringify(result)}`);
	return result.created[0]!.id;
}

const holdsOf = (id: string) => db.select().from(reservation).where(eq(reservation.bookingId, id));
const mailsTo = (who: SessionUser, kind: string) => db.select().from(outbox).where(and(eq(outbox.kind, kind), eq(outbox.toAddress, who.email)));

describe('the department confirms a request', () => {
	it("only the department's staff may; the school is told, and the consultation holds as confirmed", async () => {
		// 학교폭력 사안 상담 needs 화해조정부's confirmation.
		const school = schools[0]!;
		const id = await booked(school, '학교폭력 사안 상담', at('2027-01-05', '11:00'), 'phone');
		expect((await consultations.get(school, id)).status).toBe('requested');
		await expect(consultations.confirm(school, id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(consultations.confirm(await actor('edu@center.test'), id)).rejects.toBeInstanceOf(NotFoundError);
		await consultations.confirm(await actor('mediation2@center.test'), id);
		expect((await holdsOf(id)).map((h) => h.status)).toEqual(['confirmed']);
		const [mail] = await mailsTo(school, 'consultation_confirmed');
		expect(mail!.subject).toContain('확정');
		expect(mail!.bodyText).not.toContain('상담 요청 내용');
	});
});

describe('cancelling', () => {
	it('the school before the cutoff, not after; both holds of an in-person consultation go together', async () => {
		const school = schools[1]!;
		// 시설 보수 상담: cancellable until a day before. Tuesday 10:00 is 26 hours away.
		const id = await booked(school, '시설 보수 상담', at('2027-01-05', '10:00'), 'visit');
		const late = await booked(school, '시설 보수 상담', at('2027-01-05', '11:00'), 'video');
		expect(await holdsOf(id)).toHaveLength(2);
		await consultations.cancel(school, id, null);
		expect((await holdsOf(id)).map((h) => h.status)).toEqual(['cancelled', 'cancelled']);
		clock.freeze(at('2027-01-04', '11:30'));
		const refusal = await consultations.cancel(school, late, null).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(ValidationError);
		expect((refusal as ValidationError).violations[0]!.messageKey).toBe('consultation_cancel_cutoff');
		expect((await consultations.get(school, late)).may.cancel).toBe(false);
		await expect(consultations.cancel(school, id, null)).rejects.toBeInstanceOf(ConflictError);
	});

	it('the department until the start, with a reason the school reads in its mail', async () => {
		const school = schools[2]!;
		const id = await booked(school, '안전점검', at('2027-01-05', '15:00'), 'video');
		const staff = await actor('facility-support@center.test');
		const noReason = await consultations.cancel(staff, id, null).catch((e: unknown) => e);
		expect((noReason as ValidationError).violations[0]!.messageKey).toBe('consultation_reason_required');
		clock.freeze(at('2027-01-05', '14:00'));
		await consultations.cancel(staff, id, '담당자 출장으로 취소합니다');
		const [mail] = await mailsTo(school, 'consultation_cancelled');
		expect(mail!.bodyText).toContain('담당자 출장으로 취소합니다');
	});
});

describe('rescheduling', () => {
	it('moves the consultant and the room together, each hold keeping its own buffer; a time off the template is refused', async () => {
		// 관계회복 조정: 90 minutes in person, 30 minutes kept free after; two days' lead time.
		const school = schools[3]!;
		const id = await booked(school, '관계회복 조정', at('2027-01-07', '10:00'), 'visit');
		const before = await holdsOf(id);
		const margins = (h: (typeof before)[number]) => [h.startsAt.getTime() - h.heldFrom.getTime(), h.heldUntil.getTime() - h.endsAt.getTime()];
		const marginsBefore = new Map(before.map((h) => [h.resourceId, margins(h)]));
		const principal = before.find((h) => h.id === id)!;
		expect(margins(principal)).toEqual([0, 30 * 60_000]);
		const staff = await actor('mediation@center.test');
		const off = await consultations.reschedule(staff, id, at('2027-01-07', '17:00')).catch((e: unknown) => e);
		expect((off as ValidationError).violations[0]!.messageKey).toBe('consultation_slot_not_offered');
		const moved = await consultations.reschedule(staff, id, at('2027-01-07', '13:00'));
		expect(moved.start).toBe(at('2027-01-07', '13:00').toISOString());
		const after = await holdsOf(id);
		expect(after).toHaveLength(2);
		for (const h of after) {
			expect(h.startsAt.getTime()).toBe(at('2027-01-07', '13:00').getTime());
			expect(h.endsAt.getTime()).toBe(at('2027-01-07', '14:30').getTime());
			expect(margins(h)).toEqual(marginsBefore.get(h.resourceId));
		}
		expect(await mailsTo(school, 'consultation_rescheduled')).toHaveLength(1);
	});

	it('by the school moves it without a mail to itself; a taken time answers 409 with the next free ones', async () => {
		const [a, b] = [schools[4]!, schools[5]!];
		const mine = await booked(a, '시설 보수 상담', at('2027-01-06', '10:00'), 'video', consultantOf['facility-support@center.test']);
		await booked(b, '시설 보수 상담', at('2027-01-06', '11:00'), 'video', consultantOf['facility-support@center.test']);
		const taken = await consultations.reschedule(a, mine, at('2027-01-06', '11:00')).catch((e: unknown) => e);
		expect(taken).toBeInstanceOf(ConflictError);
		expect((taken as ConflictError).messageKey).toBe('consultation_slot_taken');
		const alternatives = (taken as ConflictError<{ alternatives: { start: string }[] }>).details?.alternatives ?? [];
		expect(alternatives.length).toBeGreaterThan(0);
		expect(alternatives.map((s) => s.start)).not.toContain(at('2027-01-06', '11:00').toISOString());
		await consultations.reschedule(a, mine, at('2027-01-06', '11:30'));
		expect((await consultations.get(a, mine)).start).toBe(at('2027-01-06', '11:30').toISOString());
		expect(await mailsTo(a, 'consultation_rescheduled')).toHaveLength(0);
	});
});

describe('reassigning', () => {
	it("to a colleague of the department who works then and is free; the consultation's record follows its hold", async () => {
		// 교육과정 컨설팅, Thursday 2027-01-14 14:00: only edu works then.
		const [a, b] = [schools[6]!, schools[5]!];
		const edu = await actor('edu@center.test');
		const start = at('2027-01-14', '14:00');
		const id = await booked(a, '교육과정 컨설팅', start, 'video', consultantOf['edu@center.test']);
		const notWorking = await consultations.reassign(edu, id, consultantOf['edu2@center.test']!).catch((e: unknown) => e);
		expect((notWorking as ValidationError).violations[0]!.messageKey).toBe('consultation_slot_not_offered');
		const otherDepartment = await consultations.reassign(edu, id, consultantOf['facility-support@center.test']!).catch((e: unknown) => e);
		expect((otherDepartment as ValidationError).violations[0]!.messageKey).toBe('consultation_consultant_unknown');
		// edu2 gets extra hours that afternoon, and another school takes them at 14:00.
		await db.execute(
			sql`insert into consultant_exception (consultant_id, date, kind, start_minute, end_minute) values (${consultantOf['edu2@center.test']!}::uuid, '2027-01-14', 'extra', 840, 1020)`
		);
		const other = await booked(b, '교육과정 컨설팅', start, 'video', consultantOf['edu2@center.test']);
		const busy = await consultations.reassign(edu, id, consultantOf['edu2@center.test']!).catch((e: unknown) => e);
		expect((busy as ConflictError).messageKey).toBe('consultation_slot_taken');
		await consultations.cancel(b, other, null);
		const done = await consultations.reassign(edu, id, consultantOf['edu2@center.test']!);
		expect(done.consultant.id).toBe(consultantOf['edu2@center.test']);
		const [record] = await db.select().from(consultation).where(eq(consultation.id, id));
		expect(record!.consultantId).toBe(consultantOf['edu2@center.test']);
		const [hold] = await db.select().from(reservation).where(eq(reservation.id, id));
		expect(hold!.resourceId).toBe(consultantOf['edu2@center.test']);
		const [mail] = await mailsTo(a, 'consultation_reassigned');
		expect(mail!.bodyText).toContain('오지훈');
		await expect(consultations.reassign(a, id, consultantOf['edu@center.test']!)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('after the time', () => {
	it('no-show from the start, completed from the end, by the department only; the note is for the department', async () => {
		const school = schools[1]!;
		const id = await booked(school, '회계·계약', at('2027-01-05', '14:00'), 'phone');
		const staff = await actor('admin-support@center.test');
		const early = await consultations.finish(staff, id, 'no_show').catch((e: unknown) => e);
		expect((early as ConflictError).messageKey).toBe('consultation_not_started');
		clock.freeze(at('2027-01-05', '14:10'));
		const notEnded = await consultations.finish(staff, id, 'completed').catch((e: unknown) => e);
		expect((notEnded as ConflictError).messageKey).toBe('consultation_not_ended');
		clock.freeze(at('2027-01-05', '15:00'));
		await expect(consultations.finish(school, id, 'completed')).rejects.toBeInstanceOf(ForbiddenError);
		await consultations.finish(staff, id, 'completed');
		expect((await consultations.get(staff, id)).status).toBe('completed');
		await expect(consultations.writeNote(school, id, '학교가 쓴 메모')).rejects.toBeInstanceOf(ForbiddenError);
		await expect(consultations.writeNote(await actor('edu@center.test'), id, '다른 부서')).rejects.toBeInstanceOf(NotFoundError);
		await consultations.writeNote(staff, id, '계약 방법 안내 완료, 추가 자료 메일 발송');
		expect((await consultations.get(staff, id)).outcomeNote).toBe('계약 방법 안내 완료, 추가 자료 메일 발송');
		expect('outcomeNote' in (await consultations.get(school, id))).toBe(false);
		const [trail] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'consultation.note'), eq(auditLog.entityId, id)));
		expect(JSON.stringify(trail!.after)).not.toContain('계약');
	});
});

describe('the reminder the day before', () => {
	it('goes once to the booker of a confirmed consultation, through the one reminder mechanism; none for a request', async () => {
		const school = schools[2]!;
		const confirmed = await booked(school, '복무·인사', at('2027-01-07', '09:30'), 'video');
		const requested = await booked(school, '학교폭력 사안 상담', at('2027-01-07', '10:00'), 'phone');
		clock.freeze(at('2027-01-06', '08:59'));
		await reminders.sendDue([consultationReminders]);
		expect(await db.select().from(reminder).where(inArray(reminder.subjectId, [confirmed, requested]))).toHaveLength(0);
		clock.freeze(at('2027-01-06', '09:05'));
		await reminders.sendDue([roomReminders, consultationReminders]);
		await reminders.sendDue([roomReminders, consultationReminders]);
		const claimed = await db.select().from(reminder).where(inArray(reminder.subjectId, [confirmed, requested]));
		expect(claimed.map((r) => [r.source, r.subjectId])).toEqual([['consultations', confirmed]]);
		const mails = await mailsTo(school, 'consultation_reminder');
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toContain('복무·인사');
		expect(mails[0]!.bodyText).toContain('/consultations/' + confirmed);
	});
});

describe('retention of mediation case text', () => {
	it('erases the description and note of mediation cases past retention, keeps the row, and reads of it log nothing', async () => {
		const school = schools[4]!;
		const mediation = await actor('mediation2@center.test');
		const id = await booked(school, '학교폭력 사안 상담', at('2027-01-12', '10:00'), 'phone');
		const other = await booked(school, '기초학력 지원 상담', at('2027-01-12', '14:00'), 'phone');
		await consultations.confirm(mediation, id);
		clock.freeze(at('2027-01-12', '12:00'));
		await consultations.finish(mediation, id, 'completed');
		await consultations.writeNote(mediation, id, '관계 회복 프로그램 연계');
		// 180 days after the end: not yet; 181: erased.
		clock.freeze(new Date(at('2027-01-12', '11:00').getTime() + 179 * 86_400_000));
		await eraseExpiredCases();
		expect((await consultations.get(mediation, id)).description).toBe('상담 요청 내용');
		clock.freeze(new Date(at('2027-01-12', '11:00').getTime() + 181 * 86_400_000));
		expect(await eraseExpiredCases()).toBeGreaterThanOrEqual(1);
		const [row] = await db.select().from(consultation).where(eq(consultation.id, id));
		expect(row).toMatchObject({ description: null, outcomeNote: null });
		expect(row!.caseErasedAt).not.toBeNull();
		const [kept] = await db.select().from(consultation).where(eq(consultation.id, other));
		expect(kept!.description).toBe('상담 요청 내용');
		const logged = (await db.select().from(caseAccessLog).where(eq(caseAccessLog.consultationId, id))).length;
		const view = await consultations.get(mediation, id);
		expect(view).toMatchObject({ caseErased: true, description: null, status: 'completed' });
		expect(await db.select().from(caseAccessLog).where(eq(caseAccessLog.consultationId, id))).toHaveLength(logged);
		await expect(consultations.writeNote(mediation, id, '다시')).rejects.toBeInstanceOf(ConflictError);
	});

	it('run by two processes at once, erases each case exactly once', async () => {
		const mediation = await actor('mediation@center.test');
		const dept = (await db.select().from(department).where(eq(department.code, 'mediation')))[0]!;
		const ids: string[] = [];
		// Six mediation cases on Friday mornings, each ended long ago by the time the job runs.
		// Schools with no open mediation case yet (the limit is two per school).
		const bookers = [schools[1]!, schools[5]!, schools[6]!];
		for (const [i, date] of ['2027-01-15', '2027-01-22', '2027-01-29'].entries())
			for (const time of ['09:00', '10:30']) {
				clock.freeze(at('2027-01-04', '08:00'));
				ids.push(await booked(bookers[i]!, '학교폭력 사안 상담', at(date, time), 'phone', consultantOf['mediation@center.test']));
			}
		expect(ids).toHaveLength(6);
		clock.freeze(new Date(at('2027-01-29', '12:00').getTime() + 200 * 86_400_000));
		const erasures = () => db.select().from(auditLog).where(eq(auditLog.action, 'consultation.case_erased'));
		const earlier = new Set((await erasures()).map((t) => t.id));
		const counts = await Promise.all([eraseExpiredCases({ batchSize: 2 }), eraseExpiredCases({ batchSize: 2 })]);
		const erased = await db.select().from(consultation).where(inArray(consultation.id, ids));
		expect(erased.every((c) => c.caseErasedAt !== null && c.description === null)).toBe(true);
		expect(erased.every((c) => c.departmentId === dept.id)).toBe(true);
		const trails = (await erasures()).filter((t) => !earlier.has(t.id));
		const references = trails.flatMap((t) => (t.after as { references: string[] }).references);
		expect(new Set(references).size).toBe(references.length);
		expect(counts[0]! + counts[1]!).toBe(references.length);
		expect(references).toEqual(expect.arrayContaining(erased.map((c) => c.reference)));
		expect((await consultations.get(mediation, ids[0]!)).caseErased).toBe(true);
	});
});

describe('reads without case text', () => {
	it('summary() leaves the case text out and logs no read; listFor() is the caller’s own scope', async () => {
		const school = schools[3]!;
		const mediation = await actor('mediation@center.test');
		const id = await booked(school, '학교폭력 사안 상담', at('2027-01-08', '09:00'), 'phone', consultantOf['mediation@center.test']);
		const logged = () => db.select().from(caseAccessLog).where(eq(caseAccessLog.consultationId, id));
		const seen = await consultations.summary(mediation, id);
		expect(seen.reference).toMatch(/^C-2027-\d{4}$/);
		expect('description' in seen || 'outcomeNote' in seen).toBe(false);
		expect(await logged()).toHaveLength(0);
		await expect(consultations.summary(await actor('edu@center.test'), id)).rejects.toBeInstanceOf(NotFoundError);
		expect((await consultations.listFor(school)).map((c) => c.id)).toContain(id);
		expect((await consultations.listFor(mediation)).map((c) => c.id)).toContain(id);
		expect((await consultations.listFor(await actor('edu@center.test'))).map((c) => c.id)).not.toContain(id);
		await expect(consultations.listFor(await actor('facility@center.test'))).rejects.toBeInstanceOf(ForbiddenError);
	});
});
