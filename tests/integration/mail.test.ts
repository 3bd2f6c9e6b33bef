import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { appUser, outbox } from '../../src/lib/server/db/schema';
import * as approvals from '../../src/lib/server/facility/approvals';
import * as closures from '../../src/lib/server/facility/closures';
import * as reservations from '../../src/lib/server/rooms/bookings';
import * as users from '../../src/lib/server/users';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

/**
 * Every event of a room booking mails the people it concerns, each in the language of their
 * account (Korean unless they chose English), one language per message, queued in the outbox
 * in the same transaction as the change, with links to the booking.
 */

let rooms: Record<string, string>;
const ORIGIN = process.env.ORIGIN || 'http://localhost:3000';

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
	// A second facility manager who reads English, and one who left: notices reach the active ones, each in theirs.
	await db.insert(appUser).values([
		{ email: 'facility-en@center.test', name: 'Alex Kim', role: 'facility_manager', locale: 'en' },
		{ email: 'facility-gone@center.test', name: '퇴직자', role: 'facility_manager', active: false }
	]);
	// An English-reading teacher.
	const school = await actor('school@center.test');
	await db.insert(appUser).values({ email: 'teacher-en@school.test', name: 'Jamie Lee', role: 'school_user', schoolId: school.schoolId, locale: 'en' });
});

// Monday 2026-11-23 08:00 Seoul.
beforeEach(() => clock.freeze(at('2026-11-23', '08:00')));

const input = (code: string, date: string, from: string, to: string, extra: Partial<reservations.BookingInput> = {}) => ({
	roomId: rooms[code]!,
	start: at(date, from),
	end: at(date, to),
	purpose: '학년 협의회',
	attendees: 6,
	...extra
});

async function mailsTo(email: string, kind: string) {
	return db.select().from(outbox).where(and(eq(outbox.toAddress, email), eq(outbox.kind, kind)));
}

/** Latin words outside links: an English word in a Korean mail (".ics" and URLs aside). */
const englishWords = (text: string) => text.replace(/https?:\/\/\S+/g, '').replace(/\.ics/g, '').match(/[A-Za-z]{2,}/g) ?? [];
/** Hangul in an English mail. */
const hangul = (text: string) => text.match(/[\uac00-\ud7a3]+/g) ?? [];

describe('one language per e-mail', () => {
	it('writes to an account without a chosen language in Korean only', async () => {
		const school = await actor('school@center.test');
		const booked = await reservations.create(school, input('meeting-a', '2026-11-24', '14:00', '16:00'));
		const [mail, ...more] = (await mailsTo('school@center.test', 'booking_confirmed')).filter((m) => m.bodyText.includes(booked.id));
		expect(more).toHaveLength(0);
		expect(mail!.subject).toBe('[학교지원본부] 공간 예약 확정: 중회의실 A');
		expect(mail!.bodyText).toContain('한지민 (한솔초 교사) 님,');
		expect(mail!.bodyText).toContain('일시: 2026년 11월 24일 (화) 14:00–16:00');
		expect(englishWords(mail!.subject + mail!.bodyText)).toEqual([]);
	});

	it('writes to an account that chose English in English only', async () => {
		const teacher = await actor('teacher-en@school.test');
		const booked = await reservations.create(teacher, input('meeting-a', '2026-11-25', '14:00', '15:30'));
		const [mail] = (await mailsTo('teacher-en@school.test', 'booking_confirmed')).filter((m) => m.bodyText.includes(booked.id));
		expect(mail!.subject).toBe('[School Support Center] Room booked: Meeting Room A');
		expect(mail!.bodyText).toContain('Dear Jamie Lee,');
		expect(mail!.bodyText).toContain('When: Wed, 25 Nov 2026, 14:00–15:30');
		expect(hangul(mail!.subject + mail!.bodyText.replace('Jamie Lee', ''))).toEqual([]);
	});

	it('remembers the language a signed-in user switches to, and the next mail follows it', async () => {
		const [created] = await db
			.insert(appUser)
			.values({ email: 'switcher@school.test', name: 'Sam Park', role: 'school_user', schoolId: (await actor('school@center.test')).schoolId })
			.returning();
		await users.setLocale(created!.id, 'en');
		const switcher = await actor('switcher@school.test');
		expect(switcher.locale).toBe('en');
		await reservations.create(switcher, input('meeting-b', '2026-11-24', '10:00', '11:00'));
		const [mail] = await mailsTo('switcher@school.test', 'booking_confirmed');
		expect(mail!.subject).toContain('Room booked');
		await users.setLocale(created!.id, 'ko');
		await reservations.create(await actor('switcher@school.test'), input('meeting-b', '2026-11-24', '13:00', '14:00'));
		const mails = await mailsTo('switcher@school.test', 'booking_confirmed');
		expect(mails.map((m) => m.subject).sort()).toEqual(['[School Support Center] Room booked: Meeting Room B', '[학교지원본부] 공간 예약 확정: 중회의실 B']);
	});
});

describe('a mail for every booking', () => {
	it('links each confirmation to the booking and its calendar file, with absolute URLs', async () => {
		const school = await actor('school@center.test');
		const booked = await reservations.create(school, input('meeting-a', '2026-11-26', '10:00', '11:00'));
		const [mail] = (await mailsTo('school@center.test', 'booking_confirmed')).filter((m) => m.bodyText.includes(booked.id));
		expect(mail!.bodyText).toContain(`예약 확인: ${ORIGIN}/my/bookings#booking-${booked.id}`);
		expect(mail!.bodyText).toContain(`${ORIGIN}/my/bookings/${booked.id}/ics`);
	});

	it('queues no mail for a refused booking, and one for a retried submission with the same key', async () => {
		const school = await actor('school@center.test');
		const before = (await mailsTo('school@center.test', 'booking_confirmed')).length;
		// Saturday: closed.
		await expect(reservations.create(school, input('meeting-a', '2026-11-28', '10:00', '11:00'))).rejects.toThrow();
		expect(await mailsTo('school@center.test', 'booking_confirmed')).toHaveLength(before);
		const options = { idempotency: { key: 'mail-retry-1', requestHash: 'h1' } };
		const first = await reservations.book(school, input('meeting-b', '2026-11-27', '10:00', '11:00'), options);
		const again = await reservations.book(school, input('meeting-b', '2026-11-27', '10:00', '11:00'), options);
		expect(again).toEqual(first);
		expect(await mailsTo('school@center.test', 'booking_confirmed')).toHaveLength(before + 1);
	});

	it('sends one mail for a series, listing its dates and the ones it could not book', async () => {
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		await reservations.create(edu, input('small-meeting-1', '2026-12-08', '10:00', '11:00'));
		const series = await reservations.createSeries(
			school,
			input('small-meeting-1', '2026-12-01', '10:00', '11:00', { recurrence: { kind: 'weekly', count: 3 } })
		);
		expect(series.created).toHaveLength(2);
		const mails = (await mailsTo('school@center.test', 'booking_confirmed')).filter((m) => m.bodyText.includes(series.first.id));
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toBe('[학교지원본부] 반복 예약 확정: 소회의실 1');
		expect(mails[0]!.bodyText).toContain('  - 2026년 12월 1일 (화) 10:00–11:00\n  - 2026년 12월 15일 (화) 10:00–11:00');
		expect(mails[0]!.bodyText).toContain('예약하지 못한 날짜:\n  - 2026년 12월 8일 (화) 10:00–11:00');
	});

	it('receipts a request and tells every active facility manager, each in their language, linking to the queue', async () => {
		const school = await actor('school@center.test');
		const requested = await reservations.create(school, input('pc-lab', '2026-11-30', '10:00', '12:00', { purpose: '정보 수업 연수' }));
		expect(requested.status).toBe('requested');
		const [receipt] = (await mailsTo('school@center.test', 'booking_requested')).filter((m) => m.bodyText.includes(requested.id));
		expect(receipt!.subject).toBe('[학교지원본부] 공간 예약 신청 접수: 전산교육실');
		const notices = (await db.select().from(outbox).where(eq(outbox.kind, 'staff_approval_needed'))).filter((m) =>
			m.bodyText.includes('정보 수업 연수')
		);
		expect(notices.map((n) => n.toAddress).sort()).toEqual(['facility-en@center.test', 'facility@center.test']);
		const ko = notices.find((n) => n.toAddress === 'facility@center.test')!;
		const en = notices.find((n) => n.toAddress === 'facility-en@center.test')!;
		expect(ko.subject).toBe('[학교지원본부] 승인 요청: 전산교육실, 2026년 11월 30일 (월) 10:00–12:00');
		expect(ko.bodyText).toContain('신청자: 한지민 (한솔초 교사) (한솔초등학교)');
		expect(ko.bodyText).toContain('인원: 6명');
		expect(ko.bodyText).toContain(`${ORIGIN}/facility/approvals`);
		expect(en.subject).toBe('[School Support Center] Request to decide: Computer Training Room, Mon, 30 Nov 2026, 10:00–12:00');
		expect(en.bodyText).toContain('Dear facility staff,');
		expect(en.bodyText).toContain('Hansol Elementary School');
		expect(en.bodyText).toContain(`${ORIGIN}/facility/approvals`);
	});

	it('keeps a Reconciliation & Mediation booking’s purpose out of the staff notice', async () => {
		const mediation = await actor('mediation@center.test');
		const requested = await reservations.create(mediation, input('pc-lab', '2026-12-02', '10:00', '11:00', { purpose: '학교폭력 사안 3자 면담' }));
		const notices = (await db.select().from(outbox).where(eq(outbox.kind, 'staff_approval_needed'))).filter((m) =>
			m.bodyText.includes('2026년 12월 2일 (수) 10:00–11:00') || m.bodyText.includes('Wed, 2 Dec 2026, 10:00–11:00')
		);
		expect(notices).toHaveLength(2);
		for (const n of notices) expect(n.bodyText).not.toContain('학교폭력');
		expect(notices.map((n) => n.bodyText).join('\n')).toContain('사용 목적: 화해조정부 사용');
		expect(notices.map((n) => n.bodyText).join('\n')).toContain('Purpose: In use by Reconciliation & Mediation');
		expect(await mailsTo('mediation@center.test', 'booking_requested')).toHaveLength(1);
		expect(requested.status).toBe('requested');
	});

	it('tells no facility manager about a booking that needs no approval', async () => {
		const before = (await db.select().from(outbox).where(eq(outbox.kind, 'staff_approval_needed'))).length;
		await reservations.create(await actor('school@center.test'), input('meeting-a', '2026-11-30', '10:00', '11:00'));
		expect(await db.select().from(outbox).where(eq(outbox.kind, 'staff_approval_needed'))).toHaveLength(before);
	});
});

describe('a mail for every decision', () => {
	it('approves and rejects in the booker’s language, the reason included', async () => {
		const facility = await actor('facility@center.test');
		const teacher = await actor('teacher-en@school.test');
		const a = await reservations.create(teacher, input('pc-lab', '2026-12-01', '10:00', '11:00'));
		const b = await reservations.create(teacher, input('pc-lab', '2026-12-01', '14:00', '15:00'));
		await approvals.approve(facility, a.id);
		await approvals.reject(facility, b.id, 'Exam week: the lab is reserved for tests');
		const [approved] = (await mailsTo('teacher-en@school.test', 'reservation_approved')).filter((m) => m.bodyText.includes(a.id));
		expect(approved!.subject).toBe('[School Support Center] Room booking approved: Computer Training Room');
		expect(approved!.bodyText).toContain('When: Tue, 1 Dec 2026, 10:00–11:00');
		const [rejected] = (await mailsTo('teacher-en@school.test', 'reservation_rejected')).filter((m) => m.bodyText.includes(b.id));
		expect(rejected!.bodyText).toContain('Reason: Exam week: the lab is reserved for tests');
	});

	it('tells the booker when staff cancel with a reason, and receipts a booker’s own cancel; a series’ rest is one mail', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const one = await reservations.create(school, input('meeting-a', '2026-12-02', '10:00', '11:00'));
		await reservations.cancel(facility, one.id, { reason: '소방 점검' });
		const [byStaff] = (await mailsTo('school@center.test', 'reservation_cancelled_by_staff')).filter((m) => m.bodyText.includes(one.id));
		expect(byStaff!.subject).toBe('[학교지원본부] 공간 예약 취소: 중회의실 A');
		expect(byStaff!.bodyText).toContain('시설 담당자가 아래 예약을 취소했습니다.');
		expect(byStaff!.bodyText).toContain('사유: 소방 점검');

		const series = await reservations.createSeries(
			school,
			input('meeting-b', '2026-12-03', '15:00', '16:00', { recurrence: { kind: 'weekly', count: 3 } })
		);
		await reservations.cancel(school, series.created[1]!.id, { scope: 'following' });
		const mine = (await mailsTo('school@center.test', 'reservation_cancelled')).filter((m) => m.bodyText.includes(series.created[1]!.id));
		expect(mine).toHaveLength(1);
		expect(mine[0]!.bodyText).toContain('요청하신 대로 아래 예약을 취소했습니다.');
		expect(mine[0]!.bodyText).toContain('  - 2026년 12월 10일 (목) 15:00–16:00\n  - 2026년 12월 17일 (목) 15:00–16:00');
	});

	it('tells the booker when a request lapses undecided', async () => {
		const teacher = await actor('teacher-en@school.test');
		const requested = await reservations.create(teacher, input('large-meeting', '2026-11-24', '10:00', '11:00'));
		clock.freeze(at('2026-11-24', '10:01'));
		expect(await reservations.lapseUndecided()).toBeGreaterThanOrEqual(1);
		const mails = (await mailsTo('teacher-en@school.test', 'reservation_lapsed')).filter((m) => m.bodyText.includes(requested.id));
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toBe('[School Support Center] Room request expired: Large Meeting Room');
		// The next run finds nothing more to lapse and sends nothing again.
		await reservations.lapseUndecided();
		expect((await mailsTo('teacher-en@school.test', 'reservation_lapsed')).filter((m) => m.bodyText.includes(requested.id))).toHaveLength(1);
	});

	it('tells the booker of a move (before and now) and of a closure, each in their language', async () => {
		const teacher = await actor('teacher-en@school.test');
		const facility = await actor('facility@center.test');
		const booked = await reservations.create(teacher, input('video-conference', '2026-12-04', '10:00', '11:00'));
		await reservations.move(facility, booked.id, at('2026-12-04', '13:00'), at('2026-12-04', '14:30'));
		const [moved] = (await mailsTo('teacher-en@school.test', 'booking_moved')).filter((m) => m.bodyText.includes(booked.id));
		expect(moved!.bodyText).toContain('Before: Fri, 4 Dec 2026, 10:00–11:00');
		expect(moved!.bodyText).toContain('Now: Fri, 4 Dec 2026, 13:00–14:30');
		expect(hangul(moved!.bodyText.replace('Jamie Lee', ''))).toEqual([]);

		const input2: closures.ClosureInput = {
			roomId: rooms['video-conference']!,
			fromDate: '2026-12-04',
			fromTime: '09:00',
			toDate: '2026-12-04',
			toTime: '18:00',
			reason: 'Network upgrade'
		};
		const listed = await closures.create(facility, input2, { confirm: false, shownIds: [], cancelIds: [] });
		const ids = listed.status === 'confirm' ? listed.affected.map((a) => a.id) : [];
		await closures.create(facility, input2, { confirm: true, shownIds: ids, cancelIds: ids });
		const [closed] = (await mailsTo('teacher-en@school.test', 'reservation_cancelled_closure')).filter((m) => m.bodyText.includes(booked.id));
		expect(closed!.subject).toBe('[School Support Center] Booking cancelled, room closed: Video Conference Room');
		expect(closed!.bodyText).toContain('Reason: Network upgrade');
	});

	it('queues each mail with its change: a decision that fails leaves no mail', async () => {
		const facility = await actor('facility@center.test');
		const school = await actor('school@center.test');
		const requested = await reservations.create(school, input('pc-lab', '2026-12-07', '10:00', '11:00'));
		await approvals.approve(facility, requested.id);
		await expect(approvals.approve(facility, requested.id)).rejects.toThrow();
		const mails = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.toAddress, 'school@center.test'), inArray(outbox.kind, ['reservation_approved', 'reservation_rejected'])));
		expect(mails.filter((m) => m.bodyText.includes(requested.id))).toHaveLength(1);
	});
});
