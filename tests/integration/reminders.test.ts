import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { appUser, outbox, reminder } from '../../src/lib/server/db/schema';
import * as approvals from '../../src/lib/server/facility/approvals';
import * as reminders from '../../src/lib/server/reminders';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { roomReminders } from '../../src/lib/server/rooms/reminders';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

/**
 * A confirmed room booking is reminded once, on the day before it starts (from 09:00 Seoul until
 * midnight): never twice (two workers racing, a restart), never for a booking cancelled or still
 * pending, and for a moved one at its new time.
 */

let rooms: Record<string, string>;
const SOURCES = [roomReminders];

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
	const school = await actor('school@center.test');
	await db.insert(appUser).values({ email: 'teacher-en@school.test', name: 'Jamie Lee', role: 'school_user', schoolId: school.schoolId, locale: 'en' });
});

// Monday 2026-11-23 08:00 Seoul.
beforeEach(() => clock.freeze(at('2026-11-23', '08:00')));

const input = (code: string, date: string, from: string, to: string) => ({
	roomId: rooms[code]!,
	start: at(date, from),
	end: at(date, to),
	purpose: '학년 협의회',
	attendees: 4
});

const remindersOf = async (bookingId: string) =>
	(await db.select().from(outbox).where(eq(outbox.kind, 'reservation_reminder'))).filter((m) => m.bodyText.includes(bookingId));

const run = () => reminders.sendDue(SOURCES);

describe('the reminder the day before', () => {
	it('goes out from 09:00 Seoul the day before, once, in the booker’s language, linking to the booking', async () => {
		const school = await actor('school@center.test');
		const teacher = await actor('teacher-en@school.test');
		const ko = await reservations.create(school, input('meeting-a', '2026-11-25', '14:00', '16:00'));
		const en = await reservations.create(teacher, input('meeting-b', '2026-11-25', '10:00', '11:30'));

		clock.freeze(at('2026-11-24', '08:59'));
		await run();
		expect(await remindersOf(ko.id)).toHaveLength(0);

		clock.freeze(at('2026-11-24', '09:00'));
		await run();
		const [koMail, ...moreKo] = await remindersOf(ko.id);
		expect(moreKo).toHaveLength(0);
		expect(koMail!.toAddress).toBe('school@center.test');
		expect(koMail!.subject).toBe('[학교지원본부] 내일 공간 예약 안내: 중회의실 A');
		expect(koMail!.bodyText).toContain('일시: 2026년 11월 25일 (수) 14:00–16:00');
		expect(koMail!.bodyText).toContain(`/my/bookings#booking-${ko.id}`);
		const [enMail] = await remindersOf(en.id);
		expect(enMail!.subject).toBe('[School Support Center] Reminder: Meeting Room B tomorrow');
		expect(enMail!.bodyText).toContain('When: Wed, 25 Nov 2026, 10:00–11:30');

		// Later polls, or a restarted process, find them sent.
		clock.freeze(at('2026-11-24', '15:00'));
		expect(await run()).toBe(0);
		expect(await remindersOf(ko.id)).toHaveLength(1);
		expect(await remindersOf(en.id)).toHaveLength(1);
	});

	it('reminds a booking made later on the day before at the next poll, but not one made for the same day', async () => {
		const school = await actor('school@center.test');
		clock.freeze(at('2026-11-24', '15:00'));
		const tomorrow = await reservations.create(school, input('small-meeting-1', '2026-11-25', '09:00', '10:00'));
		const today = await reservations.create(school, input('small-meeting-1', '2026-11-24', '17:00', '18:00'));
		clock.freeze(at('2026-11-24', '15:01'));
		await run();
		expect(await remindersOf(tomorrow.id)).toHaveLength(1);
		expect(await remindersOf(today.id)).toHaveLength(0);
	});

	it('catches up after a pause until midnight, and not after', async () => {
		const school = await actor('school@center.test');
		const early = await reservations.create(school, input('small-meeting-1', '2026-11-26', '09:00', '10:00'));
		const later = await reservations.create(school, input('small-meeting-1', '2026-11-27', '09:00', '10:00'));
		// No worker ran on Wednesday 2026-11-25; it is back at 23:59 for the first, at 00:00 for the second.
		clock.freeze(at('2026-11-25', '23:59'));
		await run();
		expect(await remindersOf(early.id)).toHaveLength(1);
		clock.freeze(at('2026-11-27', '00:00'));
		await run();
		expect(await remindersOf(later.id)).toHaveLength(0);
	});

	it('sends nothing for a booking cancelled before its reminder, nor for a request until it is approved', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const cancelled = await reservations.create(school, input('meeting-a', '2026-11-26', '10:00', '11:00'));
		await reservations.cancel(school, cancelled.id);
		const requested = await reservations.create(school, input('pc-lab', '2026-11-26', '13:00', '14:00'));
		const stillPending = await reservations.create(school, input('pc-lab', '2026-11-26', '15:00', '16:00'));
		clock.freeze(at('2026-11-25', '09:00'));
		await run();
		expect(await remindersOf(cancelled.id)).toHaveLength(0);
		expect(await remindersOf(requested.id)).toHaveLength(0);
		await approvals.approve(facility, requested.id);
		clock.freeze(at('2026-11-25', '09:01'));
		await run();
		expect(await remindersOf(requested.id)).toHaveLength(1);
		expect(await remindersOf(stillPending.id)).toHaveLength(0);
	});

	it('reminds a moved booking of its new time, on the day before the new date', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const booked = await reservations.create(school, input('video-conference', '2026-11-26', '10:00', '11:00'));
		// Moved to Friday before Wednesday's reminder time: nothing on Wednesday, Friday's on Thursday.
		clock.freeze(at('2026-11-25', '08:00'));
		await reservations.move(facility, booked.id, at('2026-11-27', '14:00'), at('2026-11-27', '15:00'));
		clock.freeze(at('2026-11-25', '09:00'));
		await run();
		expect(await remindersOf(booked.id)).toHaveLength(0);
		clock.freeze(at('2026-11-26', '09:00'));
		await run();
		const mails = await remindersOf(booked.id);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.bodyText).toContain('2026년 11월 27일 (금) 14:00–15:00');
		expect(mails[0]!.bodyText).not.toContain('11월 26일');
	});

	it('withdraws a reminder still waiting in the outbox when its booking is cancelled or moved, never one already sent', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const cancelled = await reservations.create(school, input('meeting-a', '2026-11-27', '10:00', '11:00'));
		const moved = await reservations.create(school, input('meeting-a', '2026-11-27', '13:00', '14:00'));
		const sent = await reservations.create(school, input('meeting-a', '2026-11-27', '15:00', '16:00'));
		clock.freeze(at('2026-11-26', '09:00'));
		await run();
		for (const b of [cancelled, moved, sent]) expect(await remindersOf(b.id)).toHaveLength(1);
		const [sentMail] = await remindersOf(sent.id);
		await db.update(outbox).set({ status: 'sent' }).where(eq(outbox.id, sentMail!.id));

		clock.freeze(at('2026-11-26', '10:00'));
		await reservations.cancel(school, cancelled.id);
		await reservations.move(facility, moved.id, at('2026-11-27', '16:30'), at('2026-11-27', '17:30'));
		await reservations.cancel(facility, sent.id, { reason: '점검' });
		expect(await remindersOf(cancelled.id)).toHaveLength(0);
		expect(await remindersOf(sent.id)).toHaveLength(1);
		// The moved one's stale reminder is gone; the next poll reminds it of the new time.
		expect(await remindersOf(moved.id)).toHaveLength(0);
		clock.freeze(at('2026-11-26', '10:01'));
		await run();
		const again = await remindersOf(moved.id);
		expect(again).toHaveLength(1);
		expect(again[0]!.bodyText).toContain('16:30–17:30');
	});

	it('reminds a booking moved away and back (an undo) of its time again when the first reminder was withdrawn unsent', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const booked = await reservations.create(school, input('meeting-b', '2026-11-27', '10:00', '11:00'));
		clock.freeze(at('2026-11-26', '09:00'));
		await run();
		expect(await remindersOf(booked.id)).toHaveLength(1);
		await reservations.move(facility, booked.id, at('2026-11-27', '13:00'), at('2026-11-27', '14:00'));
		// The stale mail and its claim are gone together.
		expect(await remindersOf(booked.id)).toHaveLength(0);
		expect(await db.select().from(reminder).where(eq(reminder.subjectId, booked.id))).toHaveLength(0);
		await reservations.undoMove(facility, booked.id);
		clock.freeze(at('2026-11-26', '09:01'));
		await run();
		const mails = await remindersOf(booked.id);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.bodyText).toContain('10:00–11:00');
	});

	it('sends exactly one reminder per booking when several workers poll at the same moment', async () => {
		const people = await Promise.all(['school@center.test', 'edu@center.test', 'visits@center.test', 'facility@center.test'].map(actor));
		const made: string[] = [];
		for (const code of ['meeting-a', 'meeting-b']) {
			for (let slot = 0; slot < 16; slot++) {
				const from = 9 * 60 + slot * 30;
				const hhmm = (mins: number) => `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;
				const who = people[(slot + made.length) % people.length]!;
				made.push((await reservations.create(who, input(code, '2026-12-02', hhmm(from), hhmm(from + 30)))).id);
			}
		}
		clock.freeze(at('2026-12-01', '09:00'));
		// Five workers (as five app processes would), small batches so they meet on the same rows.
		const queued = await Promise.all(Array.from({ length: 5 }, () => reminders.sendDue(SOURCES, { batchSize: 4 })));
		// Whatever a worker left for the next poll is sent then.
		const later = await run();
		expect(queued.reduce((a, b) => a + b, 0) + later).toBe(made.length);
		for (const id of made) expect(await remindersOf(id), id).toHaveLength(1);
		const [{ n }] = (await db
			.select({ n: sql<number>`count(*)::int` })
			.from(reminder)
			.where(and(eq(reminder.source, 'rooms'), sql`${reminder.subjectId} in ${made}`))) as [{ n: number }];
		expect(n).toBe(made.length);
	});

	it('queues one mail per reminder even when workers read the same due list: the database key decides', async () => {
		const school = await actor('school@center.test');
		const subjects = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
		// A source that neither locks nor skips: every worker reads the same list, then waits, so all try to claim all.
		const unlocked: reminders.ReminderSource = {
			name: 'test-unlocked',
			async due(tx) {
				const queued = await tx.select({ id: reminder.subjectId }).from(reminder).where(eq(reminder.source, 'test-unlocked'));
				await new Promise((resolve) => setTimeout(resolve, 50));
				return subjects
					.filter((id) => !queued.some((q) => q.id === id))
					.map((id) => ({
						subjectId: id,
						startsAt: at('2026-12-03', '10:00'),
						userId: school.id,
						mail: { kind: 'test_unlocked', compose: () => ({ subject: '알림', text: id }) }
					}));
			}
		};
		const queued = await Promise.all(Array.from({ length: 5 }, () => reminders.sendDue([unlocked])));
		expect(queued.reduce((a, b) => a + b, 0)).toBe(subjects.length);
		const mails = await db.select().from(outbox).where(eq(outbox.kind, 'test_unlocked'));
		expect(mails.map((m) => m.bodyText).sort()).toEqual([...subjects].sort());
	});
});
