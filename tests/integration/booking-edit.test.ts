import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { auditLog, reservation, roomRule, school } from '../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import * as reminders from '../../src/lib/server/reminders';
import * as approvals from '../../src/lib/server/facility/approvals';
import * as bookings from '../../src/lib/server/rooms/bookings';
import { roomReminders } from '../../src/lib/server/rooms/reminders';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;
let hansol: string;
let dodam: string;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
	const schools = await db.select().from(school);
	hansol = schools.find((s) => s.code === '9300101')!.id;
	dodam = schools.find((s) => s.code === '9300102')!.id;
	// Two hours a month in meeting room B for each school, to see the quota counted again.
	await db.update(roomRule).set({ monthlyQuotaMinutes: 120 }).where(eq(roomRule.resourceId, rooms['meeting-b']!));
});

// Monday 2031-03-10 08:00 Seoul, far from any real today; bookings go on later days of that month.
beforeEach(() => clock.freeze(at('2031-03-10', '08:00')));

const book = (code: string, date: string, from: string, to: string, email = 'school@center.test') =>
	actor(email).then((who) =>
		bookings.create(who, { roomId: rooms[code]!, start: at(date, from), end: at(date, to), purpose: '학년 협의회', attendees: 4 })
	);
const rowOf = async (id: string) => (await db.select().from(reservation).where(eq(reservation.id, id)))[0]!;
const editsOf = (id: string) =>
	db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'reservation.edit'))).orderBy(auditLog.id);
const rows = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
async function mails(kind: string, address?: string): Promise<{ to_address: string; body_text: string }[]> {
	return rows(
		await db.execute(
			sql`select to_address, body_text from outbox where kind = ${kind} ${address ? sql`and to_address = ${address}` : sql``} order by created_at, id`
		)
	);
}
const edit = (code: string, date: string, from: string, to: string, more: { purpose?: string; attendees?: number; version?: string } = {}) => ({
	roomId: rooms[code]!,
	start: at(date, from),
	end: at(date, to),
	purpose: more.purpose ?? '학년 협의회',
	attendees: more.attendees ?? 4,
	...(more.version ? { version: more.version } : {})
});

describe('editing a booking in place', () => {
	it('changes room, time, purpose and people, keeps the id, audits before/after and mails the booker', async () => {
		const school = await actor('school@center.test');
		const booked = await book('meeting-a', '2031-03-11', '10:00', '11:00');
		const mailed = (await mails('booking_edited', 'school@center.test')).length;
		const edited = await bookings.edit(school, booked.id, edit('video-conference', '2031-03-12', '14:00', '15:30', { purpose: '학부모 상담 준비', attendees: 6 }));
		expect(edited).toMatchObject({ id: booked.id, roomId: rooms['video-conference'], status: 'confirmed', purpose: '학부모 상담 준비', attendees: 6 });
		const row = await rowOf(booked.id);
		expect(row).toMatchObject({ resourceId: rooms['video-conference'], purpose: '학부모 상담 준비', attendees: 6, status: 'confirmed' });
		expect(row.startsAt).toEqual(at('2031-03-12', '14:00'));
		// The video-conference room's own buffer (10 minutes before).
		expect(row.heldFrom).toEqual(at('2031-03-12', '13:50'));
		const [trail] = await editsOf(booked.id);
		expect(trail!.actorId).toBe(school.id);
		expect(trail!.before).toMatchObject({ start: at('2031-03-11', '10:00').toISOString(), resourceId: rooms['meeting-a'], purpose: '학년 협의회', attendees: 4, status: 'confirmed' });
		expect(trail!.after).toMatchObject({ start: at('2031-03-12', '14:00').toISOString(), resourceId: rooms['video-conference'], purpose: '학부모 상담 준비', attendees: 6 });
		const sent = await mails('booking_edited', 'school@center.test');
		expect(sent).toHaveLength(mailed + 1);
		expect(sent.at(-1)!.body_text).toContain('화상회의실');
		expect(sent.at(-1)!.body_text).toContain('중회의실 A');
		// The old place is free again.
		await expect(book('meeting-a', '2031-03-11', '10:00', '11:00', 'edu@center.test')).resolves.toMatchObject({ status: 'confirmed' });
	});

	it('refuses an edit onto another booking with a conflict naming its time, and changes nothing', async () => {
		const school = await actor('school@center.test');
		const booked = await book('meeting-a', '2031-03-13', '10:00', '11:00');
		await book('meeting-a', '2031-03-13', '13:00', '14:00', 'edu@center.test');
		const before = await rowOf(booked.id);
		const error = await bookings.edit(school, booked.id, edit('meeting-a', '2031-03-13', '13:30', '14:30', { purpose: '바뀐 목적' })).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConflictError);
		expect((error as ConflictError).details).toEqual({
			conflicts: [{ resourceId: rooms['meeting-a'], start: at('2031-03-13', '13:00').toISOString(), end: at('2031-03-13', '14:00').toISOString() }]
		});
		expect(await rowOf(booked.id)).toEqual(before);
		expect(await editsOf(booked.id)).toHaveLength(0);
	});

	it('sends a booking moved into a room that needs approval back to pending, and tells facility staff', async () => {
		const school = await actor('school@center.test');
		const booked = await book('meeting-a', '2031-03-14', '10:00', '11:00');
		const staffMails = (await mails('staff_approval_needed', 'facility@center.test')).length;
		const edited = await bookings.edit(school, booked.id, edit('large-meeting', '2031-03-14', '10:00', '11:00'));
		expect(edited.status).toBe('requested');
		expect((await rowOf(booked.id)).status).toBe('requested');
		expect(await mails('staff_approval_needed', 'facility@center.test')).toHaveLength(staffMails + 1);
		expect((await mails('booking_edited', 'school@center.test')).at(-1)!.body_text).toContain('승인');
		// Its purpose alone changes afterwards: still pending, and staff are not told again.
		const again = await bookings.edit(school, booked.id, edit('large-meeting', '2031-03-14', '10:00', '11:00', { purpose: '학년 협의회 (2차)', version: edited.version }));
		expect(again.status).toBe('requested');
		expect(await mails('staff_approval_needed', 'facility@center.test')).toHaveLength(staffMails + 1);
	});

	it('asks again when the purpose or the people of an approved booking change in a room that needs approval', async () => {
		const school = await actor('school@center.test');
		const booked = await book('large-meeting', '2031-03-20', '10:00', '11:00');
		expect(booked.status).toBe('requested');
		await approvals.approve(await actor('facility@center.test'), booked.id);
		const staffMails = (await mails('staff_approval_needed', 'facility@center.test')).length;
		const edited = await bookings.edit(school, booked.id, edit('large-meeting', '2031-03-20', '10:00', '11:00', { attendees: 30 }));
		expect(edited.status).toBe('requested');
		expect((await rowOf(booked.id)).decidedBy).toBeNull();
		expect(await mails('staff_approval_needed', 'facility@center.test')).toHaveLength(staffMails + 1);
	});

	it('refuses a new time or room inside the cancellation cutoff, as a late cancellation would be, but lets the purpose change', async () => {
		const school = await actor('school@center.test');
		await db.update(roomRule).set({ cancelCutoffMinutes: 24 * 60 }).where(eq(roomRule.resourceId, rooms['meeting-a']!));
		try {
			const booked = await book('meeting-a', '2031-03-11', '15:00', '16:00');
			// 23 hours before its start: inside the day-long cutoff.
			clock.freeze(at('2031-03-10', '16:00'));
			const late = bookings.edit(school, booked.id, edit('meeting-a', '2031-03-18', '15:00', '16:00'));
			await expect(late).rejects.toBeInstanceOf(ConflictError);
			await expect(late).rejects.toMatchObject({ messageKey: 'booking_edit_cutoff', params: { cutoffMinutes: 24 * 60 } });
			expect((await rowOf(booked.id)).startsAt).toEqual(at('2031-03-11', '15:00'));
			const renamed = await bookings.edit(school, booked.id, edit('meeting-a', '2031-03-11', '15:00', '16:00', { purpose: '학년 협의회 (장소 안내 추가)' }));
			expect(renamed.purpose).toBe('학년 협의회 (장소 안내 추가)');
			// Staff who approve are not bound by it.
			const moved = await bookings.edit(await actor('facility@center.test'), booked.id, edit('meeting-a', '2031-03-18', '15:00', '16:00', { purpose: renamed.purpose }));
			expect(moved.start).toEqual(at('2031-03-18', '15:00').toISOString());
		} finally {
			await db.update(roomRule).set({ cancelCutoffMinutes: 0 }).where(eq(roomRule.resourceId, rooms['meeting-a']!));
		}
	});

	it('refuses an edit that would take the school over its monthly quota, counted again with the booking’s own hours, and changes nothing', async () => {
		const school = await actor('school@center.test');
		const first = await book('meeting-b', '2031-03-17', '10:00', '11:00');
		await book('meeting-b', '2031-03-18', '10:00', '11:00');
		// Two of two hours used: lengthening one by 30 minutes goes over.
		const error = await bookings.edit(school, first.id, edit('meeting-b', '2031-03-17', '10:00', '11:30')).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).violations.map((v) => v.rule)).toContain('quota');
		expect((await rowOf(first.id)).endsAt).toEqual(at('2031-03-17', '11:00'));
		// Moving it within the room and month uses nothing more: allowed.
		await expect(bookings.edit(school, first.id, edit('meeting-b', '2031-03-19', '15:00', '16:00'))).resolves.toMatchObject({ status: 'confirmed' });
	});

	it('answers 409 to an edit of a booking someone else changed meanwhile, and keeps their change', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const booked = await book('meeting-a', '2031-03-20', '10:00', '11:00');
		const seen = bookings.editedOf(await rowOf(booked.id)).version;
		clock.advance(1000);
		await bookings.edit(facility, booked.id, edit('meeting-a', '2031-03-20', '10:00', '11:00', { attendees: 8, version: seen }));
		const error = await bookings.edit(school, booked.id, edit('meeting-a', '2031-03-20', '15:00', '16:00', { version: seen })).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConflictError);
		expect((error as ConflictError).status).toBe(409);
		expect((error as ConflictError).messageKey).toBe('booking_changed_meanwhile');
		const row = await rowOf(booked.id);
		expect(row.attendees).toBe(8);
		expect(row.startsAt).toEqual(at('2031-03-20', '10:00'));
		// Staff editing someone's booking: the booker hears it from staff.
		expect((await mails('booking_edited', 'school@center.test')).at(-1)!.body_text).toContain('시설 담당자');
	});

	it('refuses an edit by someone else, of a cancelled booking, and of one that has started', async () => {
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		const booked = await book('meeting-a', '2031-03-21', '10:00', '11:00');
		await expect(bookings.edit(edu, booked.id, edit('meeting-a', '2031-03-21', '13:00', '14:00'))).rejects.toBeInstanceOf(NotFoundError);
		clock.freeze(at('2031-03-21', '10:00'));
		await expect(bookings.edit(school, booked.id, edit('meeting-a', '2031-03-21', '13:00', '14:00'))).rejects.toMatchObject({ messageKey: 'booking_edit_started' });
		clock.freeze(at('2031-03-10', '08:00'));
		await bookings.cancel(school, booked.id);
		await expect(bookings.edit(school, booked.id, edit('meeting-a', '2031-03-21', '13:00', '14:00'))).rejects.toMatchObject({ messageKey: 'booking_edit_not_holding' });
	});

	it('checks who may book the new room for the booker: a school user cannot edit into a staff-only room', async () => {
		const school = await actor('school@center.test');
		const booked = await book('meeting-a', '2031-03-24', '10:00', '11:00');
		const error = await bookings.edit(school, booked.id, edit('consult-1', '2031-03-24', '10:00', '11:00')).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).violations.map((v) => v.rule)).toContain('eligibility');
	});

	it('withdraws a reminder waiting for the old time and reminds of the new one', async () => {
		const school = await actor('school@center.test');
		const booked = await book('meeting-a', '2031-03-11', '15:00', '16:00');
		// The day before, after 09:00: the reminder is queued.
		clock.freeze(at('2031-03-10', '10:00'));
		await reminders.sendDue([roomReminders]);
		const queued = async () =>
			rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from outbox where kind = 'reservation_reminder' and status = 'pending' and to_address = 'school@center.test'`))[0]!.n;
		const before = await queued();
		expect(before).toBeGreaterThan(0);
		await bookings.edit(school, booked.id, edit('meeting-a', '2031-03-11', '16:00', '17:00'));
		expect(await queued()).toBe(before - 1);
		await reminders.sendDue([roomReminders]);
		expect(await queued()).toBe(before);
		const [claim] = rows<{ starts_at: string | Date }>(await db.execute(sql`select starts_at from reminder where subject_id = ${booked.id}::uuid`));
		expect(new Date(claim!.starts_at)).toEqual(at('2031-03-11', '16:00'));
	});
});

describe('two bookings edited into one free slot at once', () => {
	it('of 20 simultaneous edits of two bookings into the same time exactly one wins; the rest are refused and change nothing', async () => {
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		const a = await book('meeting-a', '2031-03-25', '09:00', '10:00');
		const b = await book('meeting-a', '2031-03-25', '11:00', '12:00', 'edu@center.test');
		const versions = { [a.id]: bookings.editedOf(await rowOf(a.id)).version, [b.id]: bookings.editedOf(await rowOf(b.id)).version };
		const results = await Promise.allSettled(
			Array.from({ length: 20 }, (_, i) => {
				const [who, id] = i % 2 === 0 ? [school, a.id] : [edu, b.id];
				return bookings.edit(who, id, edit('meeting-a', '2031-03-25', '15:00', '16:00', { attendees: 1 + (i % 5), version: versions[id] }));
			})
		);
		const won = results.filter((r) => r.status === 'fulfilled');
		expect(won).toHaveLength(1);
		for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
		const inSlot = await db
			.select()
			.from(reservation)
			.where(and(eq(reservation.resourceId, rooms['meeting-a']!), eq(reservation.startsAt, at('2031-03-25', '15:00'))));
		expect(inSlot).toHaveLength(1);
		const loser = inSlot[0]!.id === a.id ? b : a;
		expect((await rowOf(loser.id)).startsAt).toEqual(new Date(loser.start));
		expect((await editsOf(a.id)).length + (await editsOf(b.id)).length).toBe(1);
	});
});

describe('booking on behalf of a school', () => {
	it('books in the school’s name: its quota is charged, its users are mailed, the audit names the staff member', async () => {
		const facility = await actor('facility@center.test');
		const schoolMails = (await mails('school_booking_confirmed', 'school@center.test')).length;
		const booked = await bookings.create(facility, {
			roomId: rooms['meeting-b']!,
			start: at('2031-04-01', '10:00'),
			end: at('2031-04-01', '12:00'),
			purpose: '학교 운영위원회',
			attendees: 8,
			schoolId: hansol
		});
		const row = await rowOf(booked.id);
		expect(row).toMatchObject({ schoolId: hansol, bookedBy: facility.id, status: 'confirmed' });
		const [created] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, booked.id), eq(auditLog.action, 'reservation.create')));
		expect(created!.actorId).toBe(facility.id);
		const sent = await mails('school_booking_confirmed', 'school@center.test');
		expect(sent).toHaveLength(schoolMails + 1);
		expect(sent.at(-1)!.body_text).toContain('한솔초등학교');
		// The school's two hours of April in room B are used: its own user can book no more there.
		const school = await actor('school@center.test');
		const refused = await bookings
			.create(school, { roomId: rooms['meeting-b']!, start: at('2031-04-02', '10:00'), end: at('2031-04-02', '10:30'), purpose: '협의', attendees: 2 })
			.catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		// Nor can staff book over it on the school's behalf.
		await expect(
			bookings.create(facility, { roomId: rooms['meeting-b']!, start: at('2031-04-03', '10:00'), end: at('2031-04-03', '10:30'), purpose: '협의', attendees: 2, schoolId: hansol })
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('refuses a school user naming another school (403) and takes their own school as if unnamed', async () => {
		const school = await actor('school@center.test');
		const input = { roomId: rooms['meeting-a']!, start: at('2031-04-07', '10:00'), end: at('2031-04-07', '11:00'), purpose: '협의', attendees: 2 };
		await expect(bookings.create(school, { ...input, schoolId: dodam })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await db.select().from(reservation).where(eq(reservation.startsAt, input.start))).toHaveLength(0);
		const own = await bookings.create(school, { ...input, schoolId: hansol });
		expect((await rowOf(own.id)).schoolId).toBe(hansol);
		// Department staff may not book for a school either.
		const edu = await actor('edu@center.test');
		await expect(bookings.create(edu, { ...input, start: at('2031-04-08', '10:00'), end: at('2031-04-08', '11:00'), schoolId: hansol })).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('refuses an unknown school with a field error', async () => {
		const facility = await actor('facility@center.test');
		const result = await bookings.book(facility, {
			roomId: rooms['meeting-a']!,
			start: at('2031-04-09', '10:00'),
			end: at('2031-04-09', '11:00'),
			purpose: '협의',
			attendees: 2,
			schoolId: '00000000-0000-4000-8000-000000000000'
		});
		expect(result).toMatchObject({ outcome: 'invalid', violations: [{ rule: 'schoolId', messageKey: 'booking_school_unknown' }] });
	});
});
