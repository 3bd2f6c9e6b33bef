import { and, asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { auditLog, closure, openingHours, outbox, reservation, roomRule } from '../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/server/errors';
import * as approvals from '../../src/lib/server/facility/approvals';
import * as closures from '../../src/lib/server/facility/closures';
import * as facilityRooms from '../../src/lib/server/facility/rooms';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { DEFAULT_RULES } from '../../src/lib/server/rooms/rules';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
});

// Monday 2026-11-23 08:00 Seoul; bookings go on later days.
beforeEach(() => clock.freeze(at('2026-11-23', '08:00')));

const request = (code: string, date: string, from: string, to: string, purpose = '학년 협의회') => ({
	roomId: rooms[code]!,
	start: at(date, from),
	end: at(date, to),
	purpose,
	attendees: 4
});

async function mailsTo(email: string, kind: string) {
	return db.select().from(outbox).where(and(eq(outbox.toAddress, email), eq(outbox.kind, kind)));
}

async function auditsOf(entityId: string) {
	return (await db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.id))).map((a) => a.action);
}

describe('approval queue', () => {
	it('lists pending requests soonest first with room, booker and school, leaving out those already started', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const later = await reservations.create(school, request('pc-lab', '2026-11-26', '13:00', '15:00', '정보 연수'));
		const sooner = await reservations.create(school, request('pc-lab', '2026-11-25', '10:00', '12:00', '코딩 동아리'));
		const list = await approvals.listPending(facility);
		const ids = list.map((r) => r.id);
		expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
		expect(list.find((r) => r.id === sooner.id)).toMatchObject({
			roomNameEn: 'Computer Training Room',
			bookerEmail: 'school@center.test',
			schoolNameKo: '한솔초등학교',
			purpose: '코딩 동아리',
			attendees: 4
		});
		clock.freeze(at('2026-11-25', '10:30'));
		expect((await approvals.listPending(facility)).map((r) => r.id)).not.toContain(sooner.id);
	});

	it('approves a request, e-mails the booker in their language only (Korean by default) and audits it, in one go', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const requested = await reservations.create(school, request('pc-lab', '2026-11-27', '10:00', '11:00'));
		expect(requested.status).toBe('requested');
		const decided = await approvals.approve(facility, requested.id);
		expect(decided).toMatchObject({ status: 'confirmed', roomNameKo: '전산교육실' });
		const [row] = await db.select().from(reservation).where(eq(reservation.id, requested.id));
		expect(row).toMatchObject({ status: 'confirmed', decidedBy: facility.id });
		const mails = (await mailsTo('school@center.test', 'reservation_approved')).filter((m) => m.bodyText.includes('2026년 11월 27일'));
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toContain('전산교육실');
		expect(mails[0]!.bodyText).toContain('2026년 11월 27일 (금) 10:00–11:00');
		// One language per message: nothing of the English mail in the Korean one.
		expect(mails[0]!.subject).not.toContain('Computer Training Room');
		expect(mails[0]!.bodyText).not.toContain('Dear');
		expect(mails[0]!.bodyText).not.toContain('Nov 2026');
		expect(await auditsOf(requested.id)).toEqual(['reservation.create', 'reservation.approve']);
	});

	it('rejects only with a reason, which reaches the booker and the audit log', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const requested = await reservations.create(school, request('large-meeting', '2026-11-30', '14:00', '15:00'));
		const empty = await approvals.reject(facility, requested.id, '   ').catch((e: unknown) => e);
		expect(empty).toBeInstanceOf(ValidationError);
		expect((empty as ValidationError).violations).toEqual([{ rule: 'reason', messageKey: 'facility_reason_required' }]);

		await approvals.reject(facility, requested.id, '교육청 연수 일정과 겹칩니다');
		const mails = (await mailsTo('school@center.test', 'reservation_rejected')).filter((m) => m.bodyText.includes('교육청 연수 일정과 겹칩니다'));
		expect(mails).toHaveLength(1);
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, requested.id), eq(auditLog.action, 'reservation.reject')));
		expect(audit!.after).toEqual({ status: 'rejected', reason: '교육청 연수 일정과 겹칩니다' });
		// The time is free again.
		const edu = await actor('edu@center.test');
		await expect(reservations.create(edu, request('large-meeting', '2026-11-30', '14:00', '15:00'))).resolves.toMatchObject({ status: 'requested' });
	});

	it('lets exactly one of two staff deciding the same request at once win, with one e-mail', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const admin = await actor('admin@center.test');
		const requested = await reservations.create(school, request('pc-lab', '2026-12-01', '10:00', '11:00', '동시 승인'));
		const results = await Promise.allSettled([
			approvals.approve(facility, requested.id),
			approvals.approve(admin, requested.id),
			approvals.reject(facility, requested.id, '중복'),
			approvals.approve(admin, requested.id)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results.filter((r) => r.status === 'rejected'))
			expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
		const decisions = (await auditsOf(requested.id)).filter((a) => a !== 'reservation.create');
		expect(decisions).toHaveLength(1);
		const mails = (await db.select().from(outbox).where(inArray(outbox.kind, ['reservation_approved', 'reservation_rejected']))).filter(
			(m) => m.bodyText.includes('2026년 12월 1일')
		);
		expect(mails).toHaveLength(1);
	});

	it('refuses users who may not decide', async () => {
		const school = await actor('school@center.test');
		await expect(approvals.listPending(school)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(approvals.approve(school, crypto.randomUUID())).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('closures', () => {
	const form = (over: Partial<closures.ClosureInput> = {}): closures.ClosureInput => ({
		roomId: rooms['large-meeting']!,
		fromDate: '2026-12-09',
		fromTime: '09:00',
		toDate: '2026-12-09',
		toTime: '18:00',
		reason: '천장 누수 공사',
		...over
	});
	const none = { confirm: false, shownIds: [], cancelIds: [] };

	it('lists the bookings a closure would hit first, then cancels both with an e-mail to each booker', async () => {
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		const facility = await actor('facility@center.test');
		const a = await reservations.create(school, request('large-meeting', '2026-12-09', '10:00', '11:00', '학부모 설명회'));
		const b = await reservations.create(edu, request('large-meeting', '2026-12-09', '14:00', '16:00', '컨설팅 협의'));

		const first = await closures.create(facility, form(), none);
		expect(first.status).toBe('confirm');
		const listed = first.status === 'confirm' ? first.affected.map((x) => x.id) : [];
		expect(listed).toEqual([a.id, b.id]);
		expect(await db.select().from(closure).where(eq(closure.reason, '천장 누수 공사'))).toHaveLength(0);

		const second = await closures.create(facility, form(), { confirm: true, shownIds: listed, cancelIds: listed });
		expect(second).toMatchObject({ status: 'created', cancelledIds: [a.id, b.id], keptIds: [] });
		const rows = await db.select().from(reservation).where(inArray(reservation.id, [a.id, b.id]));
		expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
		expect(rows.every((r) => r.cancelReason === '천장 누수 공사' && r.cancelledBy === facility.id)).toBe(true);
		const mails = (await db.select().from(outbox).where(eq(outbox.kind, 'reservation_cancelled_closure'))).filter((m) =>
			m.bodyText.includes('천장 누수 공사')
		);
		expect(mails.map((m) => m.toAddress).sort()).toEqual(['edu@center.test', 'school@center.test']);
		expect(await auditsOf(a.id)).toContain('reservation.cancel');
		expect(await auditsOf(second.status === 'created' ? second.closureId : '')).toEqual(['closure.create']);

		// The closed time now refuses new bookings.
		const refused = await reservations.create(edu, request('large-meeting', '2026-12-09', '10:00', '11:00')).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).violations.map((v) => v.rule)).toContain('closure');
	});

	it('keeps the bookings staff untick, and lists again when a new booking appeared after the list', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const kept = await reservations.create(school, request('pc-lab', '2026-12-10', '10:00', '11:00', '정보 연수'));
		const input = form({ roomId: rooms['pc-lab']!, fromDate: '2026-12-10', toDate: '2026-12-10', reason: 'PC 교체' });
		const first = await closures.create(facility, input, none);
		const shown = first.status === 'confirm' ? first.affected.map((x) => x.id) : [];
		expect(shown).toEqual([kept.id]);

		const late = await reservations.create(school, request('pc-lab', '2026-12-10', '13:00', '14:00', '늦은 예약'));
		const again = await closures.create(facility, input, { confirm: true, shownIds: shown, cancelIds: [] });
		expect(again.status).toBe('confirm');
		const all = again.status === 'confirm' ? again.affected.map((x) => x.id) : [];
		expect(all).toEqual([kept.id, late.id]);

		const done = await closures.create(facility, input, { confirm: true, shownIds: all, cancelIds: [late.id] });
		expect(done).toMatchObject({ status: 'created', cancelledIds: [late.id], keptIds: [kept.id] });
		const [stillThere] = await db.select().from(reservation).where(eq(reservation.id, kept.id));
		expect(stillThere!.status).toBe('requested');
	});

	it('creates a closure at once when nothing is booked, lists it as upcoming, and deletes it with an audit row', async () => {
		const facility = await actor('facility@center.test');
		const created = await closures.create(facility, form({ roomId: '', fromDate: '2026-12-31', toDate: '2027-01-01', fromTime: '00:00', toTime: '00:00', reason: '연말 휴관' }), none);
		expect(created.status).toBe('created');
		const id = created.status === 'created' ? created.closureId : '';
		expect((await closures.listUpcoming(facility)).find((c) => c.id === id)).toMatchObject({ roomId: null, reason: '연말 휴관' });
		await closures.remove(facility, id);
		expect((await closures.listUpcoming(facility)).map((c) => c.id)).not.toContain(id);
		expect(await auditsOf(id)).toEqual(['closure.create', 'closure.delete']);
	});

	it('refuses an invalid closure with every problem at once', async () => {
		const facility = await actor('facility@center.test');
		const error = await closures
			.create(facility, form({ fromDate: 'tomorrow', toTime: '', reason: '' }), none)
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).violations.map((v) => v.rule)).toEqual(['fromDate', 'toTime', 'reason']);
	});
});

describe('rooms and their rules', () => {
	const rulesForm = (over: Partial<facilityRooms.RoomRulesInput> = {}): facilityRooms.RoomRulesInput => ({
		granularityMinutes: '30',
		minLength: { hours: '1', minutes: '0' },
		maxLength: { hours: '4', minutes: '' },
		leadTime: { hours: '24', minutes: '0' },
		horizonDays: '60',
		bufferBefore: { hours: '0', minutes: '0' },
		bufferAfter: { hours: '', minutes: '30' },
		requiresApproval: true,
		allowedRoles: [],
		allowedSchoolIds: [],
		monthlyQuota: { hours: '', minutes: '' },
		closedOnHolidays: true,
		cancelCutoff: { hours: '2', minutes: '0' },
		...over
	});

	it('refuses invalid rules with all violations and leaves the stored rules alone', async () => {
		const facility = await actor('facility@center.test');
		const id = rooms['meeting-a']!;
		const [before] = await db.select().from(roomRule).where(eq(roomRule.resourceId, id));
		const error = await facilityRooms
			.saveRules(facility, id, rulesForm({
					granularityMinutes: '7',
					minLength: { hours: '0', minutes: '0' },
					maxLength: { hours: '', minutes: '30' },
					horizonDays: '0',
					bufferAfter: { hours: '8', minutes: '20' }
				}))
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).violations.map((v) => v.rule)).toEqual([
			'granularityMinutes',
			'minLength',
			'horizonDays',
			'bufferAfter'
		]);
		const [after] = await db.select().from(roomRule).where(eq(roomRule.resourceId, id));
		expect(after).toEqual(before);
	});

	it('saves valid rules with a before/after audit row, and the engine uses them', async () => {
		const facility = await actor('facility@center.test');
		const edu = await actor('edu@center.test');
		const id = rooms['meeting-b']!;
		await facilityRooms.saveRules(facility, id, rulesForm({ requiresApproval: true, monthlyQuota: { hours: '10', minutes: '' } }));
		const [stored] = await db.select().from(roomRule).where(eq(roomRule.resourceId, id));
		expect(stored).toMatchObject({ minMinutes: 60, leadTimeMinutes: 1440, cancelCutoffMinutes: 120, monthlyQuotaMinutes: 600, requiresApproval: true });
		const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'room.rules.update')));
		expect(audit!.before).toMatchObject({ requiresApproval: false, minMinutes: 30 });
		expect(audit!.after).toMatchObject({ requiresApproval: true, minMinutes: 60 });
		const error = await reservations.create(edu, request('meeting-b', '2026-11-23', '13:00', '13:30')).catch((e: unknown) => e);
		expect((error as ValidationError).violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['lead_time', 'length']));
	});

	it('saves a room’s own opening hours, which reservations.create then enforces, and goes back to the center’s', async () => {
		const facility = await actor('facility@center.test');
		const edu = await actor('edu@center.test');
		const id = rooms['small-meeting-1']!;
		const days = facilityRooms.WEEKDAYS_MONDAY_FIRST.map((weekday) => ({
			weekday,
			open: weekday === 3 || weekday === 6,
			opens: weekday === 3 ? '13:00' : '10:00',
			closes: weekday === 3 ? '17:00' : '12:00'
		}));
		await facilityRooms.saveHours(facility, id, { useCenterHours: false, days });
		const own = await db.select().from(openingHours).where(eq(openingHours.resourceId, id));
		expect(own.map((h) => [h.weekday, h.opensMinute, h.closesMinute]).sort()).toEqual([
			[3, 780, 1020],
			[6, 600, 720]
		]);

		// Wednesday morning is now outside this room's hours; the afternoon and Saturday are open.
		const morning = await reservations.create(edu, request('small-meeting-1', '2026-12-02', '10:00', '11:00')).catch((e: unknown) => e);
		expect(morning).toBeInstanceOf(ValidationError);
		expect((morning as ValidationError).violations).toContainEqual({
			rule: 'opening_hours',
			messageKey: 'rule_outside_hours',
			params: { opens: '13:00', closes: '17:00' }
		});
		await expect(reservations.create(edu, request('small-meeting-1', '2026-12-02', '14:00', '15:00'))).resolves.toMatchObject({ status: 'confirmed' });
		await expect(reservations.create(edu, request('small-meeting-1', '2026-12-05', '10:00', '11:00'))).resolves.toMatchObject({ status: 'confirmed' });
		const monday = await reservations.create(edu, request('small-meeting-1', '2026-11-30', '10:00', '11:00')).catch((e: unknown) => e);
		expect((monday as ValidationError).violations.map((v) => v.messageKey)).toContain('rule_closed_day');

		await facilityRooms.saveHours(facility, id, { useCenterHours: true, days });
		expect(await db.select().from(openingHours).where(eq(openingHours.resourceId, id))).toHaveLength(0);
		await expect(reservations.create(edu, request('small-meeting-1', '2026-12-02', '10:00', '11:00'))).resolves.toMatchObject({ status: 'confirmed' });
		expect(await auditsOf(id)).toEqual(['room.hours.update', 'room.hours.update']);
	});

	it('refuses opening hours that close before they open, naming the weekday field', async () => {
		const facility = await actor('facility@center.test');
		const days = facilityRooms.WEEKDAYS_MONDAY_FIRST.map((weekday) => ({ weekday, open: weekday === 1, opens: '18:00', closes: '09:00' }));
		const error = await facilityRooms.saveHours(facility, rooms['consult-1']!, { useCenterHours: false, days }).catch((e: unknown) => e);
		expect((error as ValidationError).violations).toEqual([{ rule: 'closes-1', messageKey: 'facility_hours_order' }]);
	});

	it('edits a room’s details and takes it out of use, auditing before and after', async () => {
		const facility = await actor('facility@center.test');
		const id = rooms['video-conference']!;
		const current = await facilityRooms.getRoom(facility, id);
		const input = { ...facilityRooms.detailsAsInput(current.room, current.active), capacity: '14', equipment: ['display', 'video_conference'], active: false };
		await facilityRooms.saveDetails(facility, id, input);
		const list = await facilityRooms.listRooms(facility);
		expect(list.find((r) => r.id === id)).toMatchObject({ capacity: 14, active: false });
		const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'room.update')));
		expect(audit!.before).toMatchObject({ capacity: 12, active: true });
		expect(audit!.after).toMatchObject({ capacity: 14, active: false, equipment: ['display', 'video_conference'] });
		const bad = await facilityRooms.saveDetails(facility, id, { ...input, nameKo: '', capacity: 'many' }).catch((e: unknown) => e);
		expect((bad as ValidationError).violations.map((v) => v.rule)).toEqual(['nameKo', 'capacity']);
	});

	it('saves the location, fee and responsible office; a room made free drops its fee note', async () => {
		const facility = await actor('facility@center.test');
		const id = rooms['large-meeting']!;
		const current = await facilityRooms.getRoom(facility, id);
		const charged = {
			...facilityRooms.detailsAsInput(current.room, current.active),
			locationKo: ' 본관 3층 엘리베이터 옆 ',
			freeOfCharge: false,
			feeNoteKo: '외부 단체는 1시간 20,000원',
			feeNoteEn: 'External groups: ₩20,000 per hour',
			officeNameKo: '시설관리팀',
			officePhone: '044-320-3099'
		};
		await facilityRooms.saveDetails(facility, id, charged);
		expect((await facilityRooms.getRoom(facility, id)).room).toMatchObject({
			locationKo: '본관 3층 엘리베이터 옆',
			freeOfCharge: false,
			feeNoteKo: '외부 단체는 1시간 20,000원',
			officePhone: '044-320-3099'
		});
		const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'room.update')));
		expect(audit!.before).toMatchObject({ freeOfCharge: true, feeNoteKo: '' });
		expect(audit!.after).toMatchObject({ freeOfCharge: false, officePhone: '044-320-3099' });
		const bad = await facilityRooms.saveDetails(facility, id, { ...charged, feeNoteEn: '', officePhone: 'none' }).catch((e: unknown) => e);
		expect((bad as ValidationError).violations.map((v) => v.rule)).toEqual(['feeNoteEn', 'officePhone']);
		await facilityRooms.saveDetails(facility, id, { ...charged, freeOfCharge: true });
		expect((await facilityRooms.getRoom(facility, id)).room).toMatchObject({ freeOfCharge: true, feeNoteKo: '', feeNoteEn: '' });
	});

	it('adds a room with the default rules and the center hours, last in the list, and it can be booked at once', async () => {
		const facility = await actor('facility@center.test');
		const edu = await actor('edu@center.test');
		const input: facilityRooms.NewRoomInput = {
			code: 'meeting-c',
			nameKo: '소회의실 3',
			nameEn: 'Small Meeting Room 3',
			floor: '4',
			capacity: '8',
			equipment: ['whiteboard', 'display'],
			accessibility: ['step_free'],
			descriptionKo: '',
			descriptionEn: '',
			locationKo: '별관 1층',
			locationEn: 'Annex, 1F',
			freeOfCharge: false,
			feeNoteKo: '1시간 10,000원',
			feeNoteEn: '₩10,000 per hour',
			officeNameKo: '시설관리팀',
			officeNameEn: 'Facilities Team',
			officePhone: '044-320-3012',
			active: true
		};
		const id = await facilityRooms.createRoom(facility, input);
		const list = await facilityRooms.listRooms(facility);
		expect(list.at(-1)).toMatchObject({ id, code: 'meeting-c', capacity: 8, active: true, requiresApproval: false, ownHours: false });
		const managed = await facilityRooms.getRoom(facility, id);
		expect(managed.room.equipment).toEqual(['display', 'whiteboard']);
		expect(facilityRooms.rulesAsInput(managed.rules)).toEqual(facilityRooms.rulesAsInput(DEFAULT_RULES));
		expect(await auditsOf(id)).toEqual(['room.create']);
		await expect(reservations.create(edu, request('meeting-b', '2026-12-21', '10:00', '11:00'))).resolves.toBeTruthy();
		await expect(reservations.create(edu, { ...request('meeting-b', '2026-12-21', '10:00', '11:00'), roomId: id })).resolves.toMatchObject({
			roomId: id,
			status: 'confirmed'
		});

		const taken = await facilityRooms.createRoom(facility, { ...input, nameKo: '다른 방' }).catch((e: unknown) => e);
		expect((taken as ValidationError).violations).toEqual([{ rule: 'code', messageKey: 'facility_code_taken', params: { code: 'meeting-c' } }]);
		const bad = await facilityRooms.createRoom(facility, { ...input, code: 'Meeting C', nameEn: '', capacity: '0' }).catch((e: unknown) => e);
		expect((bad as ValidationError).violations.map((v) => v.rule)).toEqual(['code', 'nameEn', 'capacity']);
		expect((await facilityRooms.listRooms(facility)).length).toBe(list.length);
		await expect(facilityRooms.createRoom(edu, { ...input, code: 'by-edu' })).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('lets exactly one of five simultaneous additions of one room code through', async () => {
		const facility = await actor('facility@center.test');
		const input = { ...facilityRooms.detailsAsInput((await facilityRooms.getRoom(facility, rooms['meeting-a']!)).room, true), code: 'twin-room' };
		const results = await Promise.allSettled(Array.from({ length: 5 }, () => facilityRooms.createRoom(facility, input)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
			expect((r.reason as ValidationError).violations[0]!.messageKey).toBe('facility_code_taken');
	});

	it('refuses users who may not manage rooms', async () => {
		const school = await actor('school@center.test');
		await expect(facilityRooms.listRooms(school)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(closures.listUpcoming(school)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('closures: all day, repeating, and deleting a series', () => {
	const none = { confirm: false, shownIds: [], cancelIds: [] };

	it('closes a room every week all day, lists each date, refuses bookings then, and deletes this and later dates together', async () => {
		const facility = await actor('facility@center.test');
		const school = await actor('school@center.test');
		const input = {
			roomId: rooms['meeting-b']!,
			fromDate: '2026-12-16',
			fromTime: '',
			toDate: '2026-12-16',
			toTime: '',
			reason: '주간 소독',
			allDay: true,
			repeat: 'weekly',
			repeatUntil: '2027-01-06'
		};
		const created = await closures.create(facility, input, none);
		expect(created).toMatchObject({ status: 'created', occurrences: 4 });
		const listed = (await closures.listUpcoming(facility)).filter((c) => c.reason === '주간 소독');
		expect(listed.map((c) => c.start.toISOString())).toEqual(['2026-12-15T15:00:00.000Z', '2026-12-22T15:00:00.000Z', '2026-12-29T15:00:00.000Z', '2027-01-05T15:00:00.000Z']);
		expect(listed.every((c) => c.allDay && c.repeatKind === 'weekly' && c.seriesId === listed[0]!.seriesId)).toBe(true);

		const refused = await reservations.create(school, request('meeting-b', '2026-12-23', '10:00', '11:00')).catch((e: unknown) => e);
		expect((refused as ValidationError).violations.map((v) => v.rule)).toContain('closure');

		const second = listed[1]!;
		expect(await closures.forRemoval(facility, second.id)).toMatchObject({ id: second.id, seriesAhead: 3 });
		expect(await closures.remove(facility, second.id, 'series')).toBe(3);
		expect((await closures.listUpcoming(facility)).filter((c) => c.reason === '주간 소독').map((c) => c.id)).toEqual([listed[0]!.id]);
		expect(await auditsOf(second.id)).toEqual(['closure.delete']);
		// The rest of the series takes bookings again.
		await expect(reservations.create(school, request('meeting-b', '2026-12-23', '10:00', '11:00'))).resolves.toMatchObject({ status: expect.any(String) });
	});

	it('lists the bookings any occurrence of a repeating closure would hit before closing', async () => {
		const facility = await actor('facility@center.test');
		const school = await actor('school@center.test');
		const hit = await reservations.create(school, request('small-meeting-1', '2027-01-13', '10:00', '11:00', '두 번째 주에 겹침'));
		const input = {
			roomId: rooms['small-meeting-1']!,
			fromDate: '2027-01-06',
			fromTime: '09:00',
			toDate: '2027-01-06',
			toTime: '12:00',
			reason: '정기 점검',
			repeat: 'weekly',
			repeatUntil: '2027-01-20'
		};
		const first = await closures.create(facility, input, none);
		expect(first.status === 'confirm' && first.affected.map((a) => a.id)).toEqual([hit.id]);
		const done = await closures.create(facility, input, { confirm: true, shownIds: [hit.id], cancelIds: [hit.id] });
		expect(done).toMatchObject({ status: 'created', occurrences: 3, cancelledIds: [hit.id] });
	});
});
