import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { auditLog, reservation } from '../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import * as bookings from '../../src/lib/server/rooms/bookings';
import * as details from '../../src/lib/server/rooms/details';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
});

// Monday 2031-03-10 08:00 Seoul, far from any real today; bookings go on later days of that week.
beforeEach(() => clock.freeze(at('2031-03-10', '08:00')));

const book = (code: string, date: string, from: string, to: string, email = 'school@center.test') =>
	actor(email).then((who) =>
		bookings.create(who, { roomId: rooms[code]!, start: at(date, from), end: at(date, to), purpose: '학년 협의회', attendees: 4 })
	);

const rowOf = async (id: string) => (await db.select().from(reservation).where(eq(reservation.id, id)))[0]!;
const movesOf = (id: string) =>
	db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'reservation.move'))).orderBy(auditLog.id);
async function mailsTo(address: string, kind: string): Promise<number> {
	const result = await db.execute(sql`select count(*)::int as n from outbox where to_address = ${address} and kind = ${kind}`);
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
	return rows[0]!.n;
}

describe('moving a booking to another room', () => {
	it('moves it to another room at another time, with the new room’s buffers, audited before/after and the booker e-mailed', async () => {
		const facility = await actor('facility@center.test');
		const booked = await book('meeting-a', '2031-03-11', '10:00', '11:00');
		const mailsBefore = await mailsTo('school@center.test', 'booking_moved');
		const moved = await bookings.move(facility, booked.id, at('2031-03-11', '14:00'), at('2031-03-11', '15:00'), rooms['video-conference']);
		expect(moved).toMatchObject({ roomId: rooms['video-conference'], start: at('2031-03-11', '14:00').toISOString() });
		expect(Date.parse(moved.undoUntil) - clock.now().getTime()).toBe(bookings.UNDO_MOVE_MINUTES * 60_000);
		const row = await rowOf(booked.id);
		expect(row.resourceId).toBe(rooms['video-conference']);
		// The video-conference room keeps 10 minutes before each booking free.
		expect(row.heldFrom).toEqual(at('2031-03-11', '13:50'));
		expect(row.heldUntil).toEqual(at('2031-03-11', '15:00'));
		const [trail] = await movesOf(booked.id);
		expect(trail!.before).toEqual({ start: at('2031-03-11', '10:00').toISOString(), end: at('2031-03-11', '11:00').toISOString(), resourceId: rooms['meeting-a'] });
		expect(trail!.after).toMatchObject({ start: at('2031-03-11', '14:00').toISOString(), resourceId: rooms['video-conference'] });
		expect(await mailsTo('school@center.test', 'booking_moved')).toBe(mailsBefore + 1);
		// The mail names the room it was in and the room it is in now.
		const mail = await db.execute(sql`select body_text from outbox where to_address = 'school@center.test' and kind = 'booking_moved' order by created_at desc limit 1`);
		const body = ((Array.isArray(mail) ? mail : (mail as { rows: unknown[] }).rows) as { body_text: string }[])[0]!.body_text;
		expect(body).toContain('중회의실 A');
		expect(body).toContain('화상회의실');
		// The old room is free again at the old time.
		await expect(book('meeting-a', '2031-03-11', '10:00', '11:00', 'edu@center.test')).resolves.toMatchObject({ status: 'confirmed' });
	});

	it('refuses a move onto a booking in the other room with a conflict naming its held time, and changes nothing', async () => {
		const facility = await actor('facility@center.test');
		const booked = await book('meeting-a', '2031-03-12', '10:00', '11:00');
		await book('meeting-b', '2031-03-12', '13:00', '14:00', 'edu@center.test');
		const error = await bookings
			.move(facility, booked.id, at('2031-03-12', '13:30'), at('2031-03-12', '14:30'), rooms['meeting-b'])
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConflictError);
		expect((error as ConflictError).details).toEqual({
			conflicts: [{ resourceId: rooms['meeting-b'], start: at('2031-03-12', '13:00').toISOString(), end: at('2031-03-12', '14:00').toISOString() }]
		});
		const row = await rowOf(booked.id);
		expect(row.resourceId).toBe(rooms['meeting-a']);
		expect(row.startsAt).toEqual(at('2031-03-12', '10:00'));
		expect(await movesOf(booked.id)).toHaveLength(0);
	});

	it('checks the other room’s rules: too many people for it is refused', async () => {
		const facility = await actor('facility@center.test');
		const school = await actor('school@center.test');
		const booked = await bookings.create(school, {
			roomId: rooms['meeting-a']!,
			start: at('2031-03-13', '10:00'),
			end: at('2031-03-13', '11:00'),
			purpose: '학부모 설명회',
			attendees: 10
		});
		await expect(bookings.move(facility, booked.id, at('2031-03-13', '10:00'), at('2031-03-13', '11:00'), rooms['consult-1'])).rejects.toBeInstanceOf(
			ValidationError
		);
		expect((await rowOf(booked.id)).resourceId).toBe(rooms['meeting-a']);
	});

	it('the board’s two steps: the plan names a taken time and changes nothing; the confirmed move moves', async () => {
		const facility = await actor('facility@center.test');
		const booked = await book('meeting-a', '2031-03-14', '10:00', '11:00');
		await book('meeting-b', '2031-03-14', '15:00', '16:00', 'edu@center.test');
		const taken = await details
			.planMove(facility, booked.id, { date: '2031-03-14', start: '15:30', end: '16:30', roomId: rooms['meeting-b']! })
			.catch((e: unknown) => e);
		expect(taken).toBeInstanceOf(ValidationError);
		expect((taken as ValidationError).violations[0]).toMatchObject({ messageKey: 'boardops_move_taken', params: { from: '15:00', to: '16:00' } });
		const plan = await details.planMove(facility, booked.id, { date: '2031-03-14', start: '13:00', end: '14:00', roomId: rooms['meeting-b']! });
		expect(plan.to).toEqual({ start: at('2031-03-14', '13:00').toISOString(), end: at('2031-03-14', '14:00').toISOString(), roomId: rooms['meeting-b'] });
		expect((await rowOf(booked.id)).resourceId).toBe(rooms['meeting-a']);
		await details.moveConfirmed(facility, booked.id, plan.values);
		expect((await rowOf(booked.id)).resourceId).toBe(rooms['meeting-b']);
	});
});

describe('undoing a move', () => {
	it('puts the booking back in its room and time within the window, audited as an undo, and tells the booker', async () => {
		const facility = await actor('facility@center.test');
		const booked = await book('meeting-a', '2031-03-11', '15:00', '16:00');
		await bookings.move(facility, booked.id, at('2031-03-11', '16:00'), at('2031-03-11', '17:00'), rooms['meeting-b']);
		const mailsBefore = await mailsTo('school@center.test', 'booking_moved');
		clock.advance((bookings.UNDO_MOVE_MINUTES - 1) * 60_000);
		await bookings.undoMove(facility, booked.id);
		const row = await rowOf(booked.id);
		expect(row.resourceId).toBe(rooms['meeting-a']);
		expect(row.startsAt).toEqual(at('2031-03-11', '15:00'));
		const moves = await movesOf(booked.id);
		expect(moves).toHaveLength(2);
		expect(moves[1]!.after).toMatchObject({ resourceId: rooms['meeting-a'], undoOf: moves[0]!.id });
		expect(await mailsTo('school@center.test', 'booking_moved')).toBe(mailsBefore + 1);
		// An undo is not undone again.
		await expect(bookings.undoMove(facility, booked.id)).rejects.toBeInstanceOf(ConflictError);
	});

	it('refuses once the window has passed, and leaves the booking where it was moved', async () => {
		const facility = await actor('facility@center.test');
		const booked = await book('meeting-a', '2031-03-12', '15:00', '16:00');
		await bookings.move(facility, booked.id, at('2031-03-12', '16:00'), at('2031-03-12', '17:00'));
		clock.advance(bookings.UNDO_MOVE_MINUTES * 60_000 + 1);
		const error = await bookings.undoMove(facility, booked.id).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConflictError);
		expect((error as ConflictError).messageKey).toBe('boardops_undo_expired');
		expect((await rowOf(booked.id)).startsAt).toEqual(at('2031-03-12', '16:00'));
	});

	it('refuses when the old time was taken meanwhile, naming it', async () => {
		const facility = await actor('facility@center.test');
		const booked = await book('meeting-a', '2031-03-13', '09:00', '10:00');
		await bookings.move(facility, booked.id, at('2031-03-13', '16:00'), at('2031-03-13', '17:00'));
		await book('meeting-a', '2031-03-13', '09:00', '10:00', 'edu@center.test');
		const error = await bookings.undoMove(facility, booked.id).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConflictError);
		expect((error as ConflictError).details).toMatchObject({ conflicts: [{ start: at('2031-03-13', '09:00').toISOString() }] });
		expect((await rowOf(booked.id)).startsAt).toEqual(at('2031-03-13', '16:00'));
	});

	it('is for facility staff only', async () => {
		const facility = await actor('facility@center.test');
		const school = await actor('school@center.test');
		const booked = await book('meeting-a', '2031-03-14', '09:00', '10:00');
		await bookings.move(facility, booked.id, at('2031-03-14', '11:00'), at('2031-03-14', '12:00'));
		await expect(bookings.undoMove(school, booked.id)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('two staff moving one booking at once', () => {
	it('of many simultaneous moves to different free times exactly one wins; the others are told it changed meanwhile', async () => {
		const facility = await actor('facility@center.test');
		const booked = await book('meeting-a', '2031-03-17', '09:00', '10:00');
		const hours = ['11', '12', '13', '14', '15', '16'];
		const results = await Promise.allSettled(
			// Every one of them saw the booking at 09:00–10:00 and asks to move it from there.
			hours.map((h) =>
				bookings.move(facility, booked.id, at('2031-03-17', `${h}:00`), at('2031-03-17', `${h}:30`), undefined, {
					start: at('2031-03-17', '09:00'),
					end: at('2031-03-17', '10:00'),
					roomId: rooms['meeting-a']!
				})
			)
		);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(hours.length - 1);
		for (const r of lost) {
			expect(r.reason).toBeInstanceOf(ConflictError);
			expect((r.reason as ConflictError).messageKey).toBe('booking_moved_meanwhile');
		}
		// One move audited, and the row is where the winner put it.
		const moves = await movesOf(booked.id);
		expect(moves).toHaveLength(1);
		const row = await rowOf(booked.id);
		expect(row.startsAt.toISOString()).toBe((moves[0]!.after as { start: string }).start);
	});

	it('a second staff member confirming a move from a stale view is told it changed meanwhile, and the first move stands', async () => {
		const first = await actor('facility@center.test');
		const booked = await book('meeting-a', '2031-03-18', '09:00', '10:00');
		// Both open the move confirmation while it is at 09:00 in meeting-a.
		const planA = await details.planMove(first, booked.id, { date: '2031-03-18', start: '11:00', end: '12:00', roomId: rooms['meeting-a']! });
		const planB = await details.planMove(first, booked.id, { date: '2031-03-18', start: '13:00', end: '14:00', roomId: rooms['meeting-b']! });
		const seenOf = (plan: typeof planA) =>
			details.seenPlace({ fromStart: plan.from.start, fromEnd: plan.from.end, fromRoomId: plan.from.roomId });
		expect(seenOf(planA)).toEqual({ start: at('2031-03-18', '09:00'), end: at('2031-03-18', '10:00'), roomId: rooms['meeting-a'] });
		await details.moveConfirmed(first, booked.id, planA.values, seenOf(planA));
		const late = await details.moveConfirmed(first, booked.id, planB.values, seenOf(planB)).catch((e: unknown) => e);
		expect(late).toBeInstanceOf(ConflictError);
		expect((late as ConflictError).messageKey).toBe('booking_moved_meanwhile');
		const row = await rowOf(booked.id);
		expect(row.resourceId).toBe(rooms['meeting-a']);
		expect(row.startsAt).toEqual(at('2031-03-18', '11:00'));
		expect(await movesOf(booked.id)).toHaveLength(1);
		// Hidden fields that are missing or garbled compare with the booking as it is now.
		expect(details.seenPlace({ fromStart: '', fromEnd: '', fromRoomId: '' })).toBeUndefined();
		expect(details.seenPlace({ fromStart: 'yesterday', fromEnd: planA.from.end, fromRoomId: planA.from.roomId })).toBeUndefined();
	});

	it('of many simultaneous undos of one move exactly one wins', async () => {
		const facility = await actor('facility@center.test');
		const booked = await book('meeting-a', '2031-03-13', '14:00', '15:00');
		await bookings.move(facility, booked.id, at('2031-03-13', '15:00'), at('2031-03-13', '16:00'), rooms['meeting-b']);
		const results = await Promise.allSettled(Array.from({ length: 5 }, () => bookings.undoMove(facility, booked.id)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
			expect(r.reason).toBeInstanceOf(ConflictError);
			// However far each got before the winner committed, the loser hears that the undo is over.
			expect((r.reason as ConflictError).messageKey).toBe('boardops_undo_expired');
		}
		expect(await movesOf(booked.id)).toHaveLength(2);
		const row = await rowOf(booked.id);
		expect(row.resourceId).toBe(rooms['meeting-a']);
		expect(row.startsAt).toEqual(at('2031-03-13', '14:00'));
	});
});

describe('a booking’s details from the board', () => {
	it('shows staff who booked, the school and its phone; the booker sees their own with only its edit; others get a 404', async () => {
		const facility = await actor('facility@center.test');
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		const booked = await book('meeting-a', '2031-03-11', '11:00', '12:00');
		const staffView = await details.details(facility, booked.id);
		expect(staffView.booker).toMatchObject({ email: 'school@center.test' });
		expect(staffView.school).toMatchObject({ nameKo: '한솔초등학교', phone: '044-000-0101' });
		expect(staffView.may).toMatchObject({ move: true, cancel: true, trail: true, edit: true });
		const own = await details.details(school, booked.id);
		expect(own.booker).toBeUndefined();
		// The booker's one action here is editing it (before it starts).
		expect(own.may).toEqual({ decide: false, move: false, cancel: false, trail: false, edit: true });
		await expect(details.details(edu, booked.id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(details.trail(school, booked.id)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('lists the audit trail with before/after, and cancels only with a reason', async () => {
		const facility = await actor('facility@center.test');
		const booked = await book('meeting-a', '2031-03-12', '11:00', '12:00');
		await bookings.move(facility, booked.id, at('2031-03-12', '13:00'), at('2031-03-12', '14:00'));
		await expect(details.cancelWithReason(facility, booked.id, '  ')).rejects.toBeInstanceOf(ValidationError);
		await details.cancelWithReason(facility, booked.id, '정전 점검');
		const { entries } = await details.trail(facility, booked.id);
		expect(entries.map((e) => e.action)).toEqual(['reservation.create', 'reservation.move', 'reservation.cancel']);
		expect(entries[1]!.actorName).toBe(facility.name);
		expect(entries[1]!.before).toMatchObject({ start: at('2031-03-12', '11:00').toISOString() });
		expect((await rowOf(booked.id)).cancelReason).toBe('정전 점검');
	});
});
