/**
 * The department pages' services: topics edited by their own department only (audited), a
 * consultant's weekly template and exceptions (their own; the lead anyone's of the department),
 * the two-week preview, and the case access log for the lead with its export logged as a read.
 * On PGlite always and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consultantExceptionInput, consultationTopicInput, weeklyTemplateInput } from '../../src/lib/schemas/consultations';
import { parseInput } from '../../src/lib/schemas/issues';
import * as clock from '../../src/lib/server/clock';
import * as availability from '../../src/lib/server/consultations/availability';
import * as consultations from '../../src/lib/server/consultations/bookings';
import * as caselog from '../../src/lib/server/consultations/caselog';
import * as topics from '../../src/lib/server/consultations/topics';
import { db } from '../../src/lib/server/db';
import { auditLog, caseAccessLog, consultant, consultationTopic, department } from '../../src/lib/server/db/schema';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import { actor, at, seedDemoCenter } from './fixtures';

let eduLead: SessionUser;
let edu2: SessionUser;
let mediationLead: SessionUser;
let mediation2: SessionUser;
let schoolUser: SessionUser;
let consultantOf: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	eduLead = await actor('edu@center.test');
	edu2 = await actor('edu2@center.test');
	mediationLead = await actor('mediation@center.test');
	mediation2 = await actor('mediation2@center.test');
	schoolUser = await actor('school@center.test');
	const rows = await db.select({ id: consultant.resourceId, userId: consultant.userId }).from(consultant);
	consultantOf = Object.fromEntries(rows.map((r) => [r.userId, r.id]));
});

// Monday 2027-01-04, 08:00 Seoul.
beforeEach(() => clock.freeze(at('2027-01-04', '08:00')));

const topicForm = (over: Record<string, unknown> = {}) => ({
	nameKo: '진로교육 컨설팅',
	nameEn: 'Career education consulting',
	descriptionKo: '',
	descriptionEn: '',
	durationMinutes: '90',
	bufferMinutes: '10',
	modes: ['video', 'phone'],
	leadTimeMinutes: '2880',
	cancelCutoffMinutes: '1440',
	openLimitPerSchool: '',
	requiresConfirmation: 'on',
	active: 'on',
	...over
});

const parsed = <T>(result: { ok: true; value: T } | { ok: false; problems: unknown }) => {
	if (!result.ok) throw new Error(`not parsed: ${JSON.stringify(result.problems)}`);
	return result.value;
};

describe('topics', () => {
	it('refuses in the schema what the table would refuse: a 15-minute length, no mode, a limit of 0, a 500-minute buffer', () => {
		const result = parseInput(consultationTopicInput, topicForm({ durationMinutes: '15', modes: [], openLimitPerSchool: '0', bufferMinutes: '500', nameKo: '  ' }));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => [p.rule, p.messageKey])).toEqual([
			['nameKo', 'field_required'],
			['durationMinutes', 'dept_topics_duration_invalid'],
			['bufferMinutes', 'dept_topics_buffer_invalid'],
			['modes', 'dept_topics_modes_required'],
			['openLimitPerSchool', 'dept_topics_limit_invalid']
		]);
		expect(parseInput(consultationTopicInput, topicForm({ durationMinutes: '490' })).ok).toBe(false);
		expect(parseInput(consultationTopicInput, topicForm({ leadTimeMinutes: '90' })).ok).toBe(false);
		expect(parseInput(consultationTopicInput, topicForm({ modes: ['visit', 'fax'] })).ok).toBe(false);
	});

	it("lets department staff add a topic to their own department and change it, audited before and after", async () => {
		const id = await topics.create(edu2, parsed(parseInput(consultationTopicInput, topicForm())));
		const [made] = await db.select().from(consultationTopic).where(eq(consultationTopic.id, id));
		expect(made).toMatchObject({ departmentId: edu2.departmentId, durationMinutes: 90, modes: ['video', 'phone'], leadTimeMinutes: 2880, openLimitPerSchool: null, requiresConfirmation: true });
		await topics.update(edu2, id, parsed(parseInput(consultationTopicInput, topicForm({ durationMinutes: '60', openLimitPerSchool: '3', modes: 'visit', active: undefined }))));
		const [changed] = await db.select().from(consultationTopic).where(eq(consultationTopic.id, id));
		expect(changed).toMatchObject({ durationMinutes: 60, openLimitPerSchool: 3, modes: ['visit'], active: false });
		const trail = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'consultation_topic'), eq(auditLog.entityId, id)));
		expect(trail.map((t) => t.action).sort()).toEqual(['consultation.topic.create', 'consultation.topic.update']);
		const update = trail.find((t) => t.action === 'consultation.topic.update')!;
		expect(update.actorId).toBe(edu2.id);
		expect(update.before).toMatchObject({ durationMinutes: 90 });
		expect(update.after).toMatchObject({ durationMinutes: 60 });
		expect((await topics.listOwn(edu2)).some((t) => t.id === id)).toBe(true);
	});

	it("does not let another department's staff change a topic (404, as if it were not there), nor a school or an admin (403)", async () => {
		const [mediationTopic] = await db
			.select({ id: consultationTopic.id })
			.from(consultationTopic)
			.innerJoin(department, eq(department.id, consultationTopic.departmentId))
			.where(eq(department.code, 'mediation'));
		const input = parsed(parseInput(consultationTopicInput, topicForm()));
		await expect(topics.update(eduLead, mediationTopic!.id, input)).rejects.toBeInstanceOf(NotFoundError);
		await expect(topics.update(schoolUser, mediationTopic!.id, input)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(topics.create(await actor('admin@center.test'), input)).rejects.toBeInstanceOf(ForbiddenError);
		expect((await topics.listOwn(eduLead)).every((t) => t.departmentId === eduLead.departmentId)).toBe(true);
	});
});

describe('availability', () => {
	const template = (consultantId: string, rows: [string, string, string][]) =>
		parseInput(weeklyTemplateInput, { consultantId, weekday: rows.map((r) => r[0]), start: rows.map((r) => r[1]), end: rows.map((r) => r[2]) });

	it('refuses overlapping spans, an end before the start and times off the 30-minute grid, row by row', () => {
		const result = template(consultantOf[edu2.id]!, [
			['2', '09:00', '12:00'],
			['2', '11:30', '13:00'],
			['3', '15:00', '14:00'],
			['4', '09:15', '10:00'],
			['', '', '']
		]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => [p.rule, p.messageKey])).toEqual([
			['row1', 'dept_avail_overlap'],
			['row2', 'dept_avail_end_after_start'],
			['row3', 'dept_avail_time_invalid']
		]);
	});

	it('saves a consultant\'s own template (several spans a day) and an exception, and the preview shows the effect', async () => {
		const id = consultantOf[edu2.id]!;
		const value = parsed(template(id, [['2', '09:00', '11:00'], ['2', '13:00', '15:30'], ['', '', '']]));
		await availability.saveTemplate(edu2, id, value.spans);
		await availability.addException(edu2, parsed(parseInput(consultantExceptionInput, { consultantId: id, date: '2027-01-12', kind: 'off_day', note: '연수' })));
		await availability.addException(edu2, parsed(parseInput(consultantExceptionInput, { consultantId: id, date: '2027-01-08', kind: 'extra', start: '14:00', end: '16:00', note: '' })));
		const shown = await availability.availabilityOf(edu2, id);
		expect(shown.hours).toEqual([
			{ weekday: 2, startMinute: 540, endMinute: 660 },
			{ weekday: 2, startMinute: 780, endMinute: 930 }
		]);
		expect(shown.exceptions.map((e) => [e.date, e.kind])).toEqual([['2027-01-08', 'extra'], ['2027-01-12', 'off']]);
		const days = await availability.preview(edu2, id);
		expect(days).toHaveLength(14);
		const of = (date: string) => days.find((d) => d.date === date)!.spans;
		expect(of('2027-01-05')).toEqual([
			{ start: at('2027-01-05', '09:00').toISOString(), end: at('2027-01-05', '11:00').toISOString() },
			{ start: at('2027-01-05', '13:00').toISOString(), end: at('2027-01-05', '15:30').toISOString() }
		]);
		expect(of('2027-01-08')).toEqual([{ start: at('2027-01-08', '14:00').toISOString(), end: at('2027-01-08', '16:00').toISOString() }]);
		expect(of('2027-01-12')).toEqual([]);
		const trail = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'consultant'), eq(auditLog.entityId, id)));
		expect(trail.map((t) => t.action).sort()).toEqual(['consultant.exception.create', 'consultant.exception.create', 'consultant.hours.update']);
		await availability.removeException(edu2, id, shown.exceptions[0]!.id);
		await expect(availability.removeException(edu2, id, shown.exceptions[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('refuses an exception on a past date', async () => {
		const id = consultantOf[edu2.id]!;
		const input = parsed(parseInput(consultantExceptionInput, { consultantId: id, date: '2027-01-03', kind: 'off_day' }));
		await expect(availability.addException(edu2, input)).rejects.toBeInstanceOf(ValidationError);
		expect(parseInput(consultantExceptionInput, { consultantId: id, date: '2027-01-05', kind: 'off_hours', start: '12:00', end: '10:00' }).ok).toBe(false);
	});

	it("lets the lead edit a colleague's hours, but not a colleague another's, nor anyone another department's", async () => {
		expect((await availability.editableConsultants(eduLead)).length).toBeGreaterThanOrEqual(2);
		expect((await availability.editableConsultants(edu2)).map((c) => c.userId)).toEqual([edu2.id]);
		await availability.saveTemplate(eduLead, consultantOf[edu2.id]!, [{ weekday: 1, startMinute: 600, endMinute: 720 }]);
		await expect(availability.saveTemplate(edu2, consultantOf[eduLead.id]!, [])).rejects.toBeInstanceOf(ForbiddenError);
		await expect(availability.saveTemplate(eduLead, consultantOf[mediation2.id]!, [])).rejects.toBeInstanceOf(NotFoundError);
		await expect(availability.editableConsultants(schoolUser)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('the case access log', () => {
	it("is the lead's alone: the department's reads newest first, by date range, and an export that is itself logged", async () => {
		const [topic] = await db.select({ id: consultationTopic.id }).from(consultationTopic).where(eq(consultationTopic.nameKo, '학교폭력 사안 상담'));
		const booked = await consultations.book(schoolUser, { topicId: topic!.id, start: at('2027-01-05', '10:00'), mode: 'phone', description: '사안 처리 절차를 여쭙니다.' });
		expect(booked.outcome).toBe('created');
		if (booked.outcome !== 'created') return;
		const id = booked.created[0]!.id;
		await consultations.get(mediation2, id, { clientAddress: '10.0.0.7' });
		clock.freeze(at('2027-01-04', '09:00'));
		await consultations.get(mediationLead, id, { clientAddress: '10.0.0.8' });

		await expect(caselog.page(mediation2, {}, 1)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(caselog.page(eduLead, {}, 1)).resolves.toMatchObject({ total: 0 });
		const shown = await caselog.page(mediationLead, { from: '2027-01-04', to: '2027-01-04' }, 1);
		expect(shown.total).toBe(2);
		expect(shown.entries.map((e) => e.clientAddress)).toEqual(['10.0.0.8', '10.0.0.7']);
		expect(shown.entries[1]).toMatchObject({ purpose: 'view', actorEmail: 'mediation2@center.test' });
		expect((await caselog.page(mediationLead, { from: '2027-01-05' }, 1)).total).toBe(0);

		const exported = await caselog.exportEntries(mediationLead, { from: '2027-01-04', to: '2027-01-04' }, '10.0.0.9');
		const csv = caselog.toCsv(exported);
		expect(csv.startsWith('\uFEFF일시,사용자,이메일,상담 번호,내용,접속 주소\r\n')).toBe(true);
		expect(csv).toContain('mediation2@center.test');
		expect(csv).toContain('열람');
		const logged = await db.select().from(caseAccessLog).where(and(eq(caseAccessLog.consultationId, id), eq(caseAccessLog.purpose, 'export')));
		expect(logged).toHaveLength(1);
		expect(logged[0]).toMatchObject({ actorId: mediationLead.id, clientAddress: '10.0.0.9' });
		expect((await caselog.page(mediationLead, {}, 1)).entries[0]).toMatchObject({ purpose: 'export' });
	});

	it('defuses a cell a spreadsheet would run as a formula', () => {
		const csv = caselog.toCsv([{ id: 1, at: new Date(0), reference: 'C-1', consultationId: 'x', purpose: 'view', clientAddress: null, actorName: '=HYPERLINK("x")', actorEmail: 'a,b' }]);
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
		expect(csv).toContain('"a,b"');
	});
});
