import { and, eq, gte, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { auditLog, closure, reservation, roomRule } from '../../src/lib/server/db/schema';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/server/errors';
import * as approvals from '../../src/lib/server/facility/approvals';
import * as idempotency from '../../src/lib/server/idempotency';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { ruleContext } from '../../src/lib/server/rooms/rule-context';
import { loadBookingContext, loadRoom } from '../../src/lib/server/rooms/store';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
});

// Monday 2026-11-23 08:00 Seoul; bookings go on Tuesday and later.
beforeEach(() => clock.freeze(at('2026-11-23', '08:00')));

const input = (code: string, date: string, from: string, to: string, extra: Partial<reservations.BookingInput> = {}) => ({
	roomId: rooms[code]!,
	start: at(date, from),
	end: at(date, to),
	purpose: '학년 협의회',
	attendees: 4,
	...extra
});

describe('booking a room', () => {
	it('confirms a booking in a room that needs no approval and audits it', async () => {
		const school = await actor('school@center.test');
		const created = await reservations.create(school, input('meeting-a', '2026-11-24', '10:00', '11:00'));
		expect(created).toMatchObject({ roomId: rooms['meeting-a'], status: 'confirmed', start: at('2026-11-24', '10:00').toISOString() });
		const [row] = await db.select().from(reservation).where(eq(reservation.id, created.id));
		expect(row!.schoolId).toBe(school.schoolId);
		const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
		expect(audits.map((a) => a.action)).toEqual(['reservation.create']);
	});

	it('allows a booking that touches another end to start', async () => {
		const school = await actor('school@center.test');
		await reservations.create(school, input('meeting-b', '2026-11-24', '10:00', '11:00'));
		await expect(reservations.create(school, input('meeting-b', '2026-11-24', '11:00', '12:00'))).resolves.toMatchObject({
			status: 'confirmed'
		});
	});

	it('refuses a one-minute overlap with a conflict naming the clashing time, and offers alternatives', async () => {
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		await reservations.create(school, input('small-meeting-1', '2026-11-25', '10:00', '11:00'));
		const error = await reservations
			.create(edu, input('small-meeting-1', '2026-11-25', '10:30', '11:30'))
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConflictError);
		const details = (error as ConflictError).details as { conflicts: unknown; alternatives: { kind: string }[] };
		expect(details.conflicts).toEqual([
			{ start: at('2026-11-25', '10:00').toISOString(), end: at('2026-11-25', '11:00').toISOString() }
		]);
		expect(details.alternatives.some((a) => a.kind === 'same_room')).toBe(true);
		expect(details.alternatives.some((a) => a.kind === 'similar_room')).toBe(true);
	});

	it('lets the database refuse an overlap by one minute even when the app does not look', async () => {
		const school = await actor('school@center.test');
		const first = await reservations.create(school, input('meeting-a', '2026-11-26', '14:00', '15:00'));
		const error = await db
			.insert(reservation)
			.values({
				resourceId: rooms['meeting-a']!,
				startsAt: at('2026-11-26', '14:59'),
				endsAt: at('2026-11-26', '16:00'),
				heldFrom: at('2026-11-26', '14:59'),
				heldUntil: at('2026-11-26', '16:00'),
				status: 'requested',
				bookedBy: school.id,
				purpose: 'x',
				attendees: 1
			})
			.catch((e: unknown) => e);
		expect((error as { cause: { code: string } }).cause.code).toBe('23P01');
		expect(first.status).toBe('confirmed');
	});

	it('holds the clean-up buffer: the next booking must wait for it', async () => {
		const edu = await actor('edu@center.test');
		// The mediation room has a 15-minute clean-up buffer.
		await reservations.create(edu, input('mediation', '2026-11-24', '10:00', '11:00'));
		await expect(reservations.create(edu, input('mediation', '2026-11-24', '11:00', '12:00'))).rejects.toBeInstanceOf(
			ConflictError
		);
		await expect(reservations.create(edu, input('mediation', '2026-11-24', '11:30', '12:30'))).resolves.toMatchObject({
			status: 'confirmed'
		});
	});

	it('lists every broken rule at once in the user-facing order', async () => {
		const school = await actor('school@center.test');
		const error = await reservations
			.create(school, input('meeting-a', '2026-11-28', '08:15', '08:20', { attendees: 99 }))
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).violations.map((v) => v.messageKey)).toEqual([
			'rule_closed_day',
			'rule_granularity',
			'rule_too_short',
			'rule_capacity'
		]);
	});

	it('refuses a public holiday (Christmas) and a closure', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const christmas = await reservations.create(school, input('meeting-a', '2026-12-25', '10:00', '11:00')).catch((e: unknown) => e);
		expect((christmas as ValidationError).violations).toEqual([
			{ rule: 'holiday', messageKey: 'rule_holiday', params: { date: '2026-12-25', holiday: '기독탄신일' } }
		]);
		await db.insert(closure).values({
			resourceId: rooms['meeting-b']!,
			startsAt: at('2026-11-27', '13:00'),
			endsAt: at('2026-11-27', '18:00'),
			reason: '바닥 공사',
			createdBy: facility.id
		});
		const closed = await reservations.create(school, input('meeting-b', '2026-11-27', '12:30', '13:30')).catch((e: unknown) => e);
		expect((closed as ValidationError).violations.map((v) => v.messageKey)).toEqual(['rule_closure']);
		await expect(reservations.create(school, input('meeting-b', '2026-11-27', '12:00', '13:00'))).resolves.toBeTruthy();
	});

	it('keeps consultation rooms to staff', async () => {
		const school = await actor('school@center.test');
		const error = await reservations.create(school, input('consult-1', '2026-11-24', '10:00', '11:00')).catch((e: unknown) => e);
		expect((error as ValidationError).violations.map((v) => v.messageKey)).toEqual(['rule_not_allowed']);
	});

	it('counts the monthly quota per school', async () => {
		const school = await actor('school@center.test');
		await db.update(roomRule).set({ monthlyQuotaMinutes: 120, requiresApproval: false }).where(eq(roomRule.resourceId, rooms['large-meeting']!));
		await reservations.create(school, input('large-meeting', '2026-11-24', '09:00', '10:30'));
		const error = await reservations.create(school, input('large-meeting', '2026-11-25', '09:00', '10:00')).catch((e: unknown) => e);
		expect((error as ValidationError).violations).toEqual([
			{ rule: 'quota', messageKey: 'rule_quota', params: { quotaMinutes: 120, remainingMinutes: 30 } }
		]);
		// December is a new month.
		await expect(reservations.create(school, input('large-meeting', '2026-12-01', '09:00', '10:00'))).resolves.toBeTruthy();
	});
});

describe('the booking hot path', () => {
	it('loads room, rules, closures and quota use in one query that agrees with the step-by-step context', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		await db.update(roomRule).set({ monthlyQuotaMinutes: 600 }).where(eq(roomRule.resourceId, rooms['seminar-hall']!));
		await reservations.create(school, input('seminar-hall', '2027-01-18', '09:00', '10:30'));
		await db.insert(closure).values([
			{ resourceId: rooms['seminar-hall']!, startsAt: at('2027-01-19', '13:00'), endsAt: at('2027-01-19', '15:00'), reason: '점검', createdBy: facility.id },
			{ resourceId: null, startsAt: at('2027-01-19', '14:00'), endsAt: at('2027-01-19', '16:00'), reason: '소방 훈련', createdBy: facility.id },
			{ resourceId: rooms['large-meeting']!, startsAt: at('2027-01-19', '13:00'), endsAt: at('2027-01-19', '18:00'), reason: '다른 방', createdBy: facility.id }
		]);
		const request = { start: at('2027-01-19', '14:30'), end: at('2027-01-19', '15:30'), attendees: 4 };
		for (const who of [school, facility]) {
			const loaded = await loadBookingContext(rooms['seminar-hall']!, who, request, clock.now());
			const stepByStep = await ruleContext((await loadRoom(rooms['seminar-hall']!))!, who, request, clock.now());
			const byStart = (a: { startsAt: Date }, b: { startsAt: Date }) => a.startsAt.getTime() - b.startsAt.getTime();
			expect({ ...loaded!.context, closures: loaded!.context.closures.sort(byStart) }).toEqual({
				...stepByStep,
				closures: stepByStep.closures.sort(byStart)
			});
			expect(loaded!.context.closures.map((c) => c.reason)).toEqual(['점검', '소방 훈련']);
			expect(loaded!.context.quotaUsedMinutes).toBe(who === school ? 90 : 0);
		}
		expect(await loadBookingContext('00000000-0000-0000-0000-000000000000', school, request, clock.now())).toBeNull();
		expect(await loadBookingContext('not-a-uuid', school, request, clock.now())).toBeNull();
	});

	it('books once for 20 simultaneous identical requests with one key, and every request gets the stored answer', async () => {
		const school = await actor('school@center.test');
		const booking = input('seminar-hall', '2027-01-21', '10:00', '11:00');
		const attempt = () =>
			idempotency.once(school.id, 'same-booking-01', 'h', async (claim) => {
				try {
					const created = await reservations.create(school, booking, { alsoWrite: (c) => claim.insert({ status: 201, body: c }) });
					return { status: 201, body: created, kept: true };
				} catch (error) {
					if (error instanceof ConflictError) return { status: 409, body: { refused: error.messageKey } };
					throw error;
				}
			});
		const answers = await Promise.all(Array.from({ length: 20 }, attempt));
		const rows = await db.select().from(reservation).where(and(eq(reservation.resourceId, rooms['seminar-hall']!), eq(reservation.startsAt, at('2027-01-21', '10:00'))));
		expect(rows).toHaveLength(1);
		for (const answer of answers) expect(answer).toEqual({ status: 201, body: expect.objectContaining({ id: rows[0]!.id, status: 'requested' }) });
	});

	it('books one series for 10 simultaneous identical series requests with one key', async () => {
		const school = await actor('school@center.test');
		const series = input('seminar-hall', '2027-01-22', '13:00', '14:00', { recurrence: { kind: 'weekly', count: 3 } });
		const answers = await Promise.all(
			Array.from({ length: 10 }, () =>
				idempotency.once(school.id, 'same-series-01', 'h', async (claim) => {
					try {
						const made = await reservations.createSeries(school, series, { alsoWrite: (s) => claim.insert({ status: 201, body: s }) });
						return { status: 201, body: made, kept: true };
					} catch (error) {
						if (error instanceof ConflictError) return { status: 409, body: { refused: error.messageKey } };
						throw error;
					}
				})
			)
		);
		const rows = await db.select().from(reservation).where(and(eq(reservation.resourceId, rooms['seminar-hall']!), gte(reservation.startsAt, at('2027-01-22', '00:00'))));
		expect(rows).toHaveLength(3);
		expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);
		for (const answer of answers) expect(answer).toMatchObject({ status: 201, body: { seriesId: rows[0]!.seriesId } });
	});

	it('makes no booking under an idempotency key that was already answered: key and booking are one write', async () => {
		const school = await actor('school@center.test');
		const first = await idempotency.once(school.id, 'booked-elsewhere-1', 'h', async () => ({ status: 422, body: { first: true } }));
		const again = await idempotency.once(school.id, 'booked-elsewhere-1', 'h', async (claim) => {
			const created = await reservations.create(school, input('seminar-hall', '2027-01-20', '10:00', '11:00'), {
				alsoWrite: (c) => claim.insert({ status: 201, body: c })
			});
			return { status: 201, body: created, kept: true };
		});
		expect(again).toEqual(first);
		const rows = await db.select().from(reservation).where(and(eq(reservation.resourceId, rooms['seminar-hall']!), eq(reservation.startsAt, at('2027-01-20', '10:00'))));
		expect(rows).toEqual([]);
	});
});

describe('approval', () => {
	it('keeps a request for a room that needs approval until facility staff decide, holding the time meanwhile', async () => {
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		const facility = await actor('facility@center.test');
		const requested = await reservations.create(school, input('pc-lab', '2026-11-30', '10:00', '12:00'));
		expect(requested.status).toBe('requested');
		await expect(reservations.create(edu, input('pc-lab', '2026-11-30', '11:00', '12:00'))).rejects.toBeInstanceOf(ConflictError);
		await expect(approvals.approve(school, requested.id)).rejects.toBeInstanceOf(ForbiddenError);
		const approved = await approvals.approve(facility, requested.id);
		expect(approved.status).toBe('confirmed');
		await expect(approvals.approve(facility, requested.id)).rejects.toBeInstanceOf(ConflictError);
	});

	it('rejects with a reason, which frees the time', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const requested = await reservations.create(school, input('pc-lab', '2026-12-01', '10:00', '12:00'));
		await expect(approvals.reject(facility, requested.id, ' ')).rejects.toBeInstanceOf(ValidationError);
		expect((await approvals.reject(facility, requested.id, '교육청 연수 일정과 겹칩니다')).status).toBe('rejected');
		await expect(reservations.create(school, input('pc-lab', '2026-12-01', '10:00', '12:00'))).resolves.toMatchObject({
			status: 'requested'
		});
	});

	it('lets a request nobody decided lapse at its start', async () => {
		const school = await actor('school@center.test');
		const requested = await reservations.create(school, input('pc-lab', '2026-12-02', '10:00', '11:00'));
		clock.freeze(at('2026-12-02', '10:01'));
		expect(await reservations.lapseUndecided()).toBeGreaterThanOrEqual(1);
		const [row] = await db.select().from(reservation).where(eq(reservation.id, requested.id));
		expect(row).toMatchObject({ status: 'rejected', decisionReason: 'lapsed' });
	});
});

describe('cancelling', () => {
	it('lets the booker cancel before the cutoff but not after, and staff at any time', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const a = await reservations.create(school, input('meeting-b', '2026-11-30', '14:00', '15:00'));
		const b = await reservations.create(school, input('meeting-b', '2026-11-30', '15:00', '16:00'));
		await expect(reservations.cancel(school, a.id)).resolves.toEqual({ cancelled: [a.id] });
		clock.freeze(at('2026-11-30', '14:30'));
		await expect(reservations.cancel(school, b.id)).rejects.toBeInstanceOf(ConflictError);
		await expect(reservations.cancel(facility, b.id)).resolves.toEqual({ cancelled: [b.id] });
	});

	it('does not let another school see or cancel a booking', async () => {
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		const mine = await reservations.create(school, input('meeting-b', '2026-12-03', '10:00', '11:00'));
		await expect(reservations.cancel(edu, mine.id)).rejects.toThrow();
		await expect(reservations.get(edu, mine.id)).rejects.toThrow();
	});
});

describe('recurring bookings', () => {
	it('previews each occurrence as free or in conflict and books the free ones in one go', async () => {
		const school = await actor('school@center.test');
		const edu = await actor('edu@center.test');
		await reservations.create(edu, input('video-conference', '2026-12-08', '15:00', '16:00'));
		const series = input('video-conference', '2026-12-01', '15:00', '16:00', {
			recurrence: { kind: 'weekly', until: '2026-12-22' }
		});
		const preview = await reservations.previewSeries(school, series);
		expect(preview.map((o) => o.state)).toEqual(['free', 'conflict', 'free', 'free']);
		const created = await reservations.createSeries(school, series);
		expect(created.created).toHaveLength(3);
		// Skipped with why: the held time it overlaps (the other booking with its 10-minute set-up).
		expect(created.skipped).toEqual([
			{
				start: at('2026-12-08', '15:00').toISOString(),
				end: at('2026-12-08', '16:00').toISOString(),
				state: 'conflict',
				violations: [],
				conflicts: [{ resourceId: expect.any(String), start: at('2026-12-08', '14:50').toISOString(), end: at('2026-12-08', '16:00').toISOString() }]
			}
		]);
		const rows = await db.select().from(reservation).where(eq(reservation.seriesId, created.seriesId));
		expect(rows).toHaveLength(3);

		// Cancel the rest of the series from the second occurrence on.
		const second = created.created[1]!;
		const result = await reservations.cancel(school, second.id, { scope: 'following' });
		expect(result.cancelled).toHaveLength(2);
		const active = await db
			.select()
			.from(reservation)
			.where(and(eq(reservation.seriesId, created.seriesId), eq(reservation.status, 'confirmed')));
		expect(active.map((r) => r.id)).toEqual([created.created[0]!.id]);
	});

	it('marks a holiday occurrence invalid and skips it', async () => {
		const school = await actor('school@center.test');
		const series = input('meeting-a', '2026-12-11', '10:00', '11:00', { recurrence: { kind: 'weekly', count: 3 } });
		const preview = await reservations.previewSeries(school, series);
		// 2026-12-25 is Christmas.
		expect(preview.map((o) => o.state)).toEqual(['free', 'free', 'invalid']);
		expect(preview[2]!.violations.map((v) => v.messageKey)).toEqual(['rule_holiday']);
		const created = await reservations.createSeries(school, series);
		expect(created.created).toHaveLength(2);
		expect(created.skipped.map((s) => s.state)).toEqual(['invalid']);
	});
});

describe('concurrency', () => {
	it('lets exactly one of 50 simultaneous bookings of the same room and time win', async () => {
		const users = await Promise.all(['school@center.test', 'edu@center.test', 'visits@center.test', 'facility@center.test'].map(actor));
		const attempts = Array.from({ length: 50 }, (_, i) =>
			reservations.create(users[i % users.length]!, input('meeting-a', '2026-12-04', '13:00', '14:00'))
		);
		const results = await Promise.allSettled(attempts);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(49);
		for (const r of lost) expect(r.reason).toBeInstanceOf(ConflictError);
		const [{ n }] = (await db
			.select({ n: sql<number>`count(*)::int` })
			.from(reservation)
			.where(and(eq(reservation.resourceId, rooms['meeting-a']!), eq(reservation.startsAt, at('2026-12-04', '13:00'))))) as [
			{ n: number }
		];
		expect(n).toBe(1);
	});
});

describe('moving a booking (facility staff, calendar drag and resize)', () => {
	it('moves a booking to a free time, audits it and e-mails the booker', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const booked = await reservations.create(school, input('meeting-a', '2026-12-09', '10:00', '11:00'));
		const moved = await reservations.move(facility, booked.id, at('2026-12-09', '13:00'), at('2026-12-09', '14:30'));
		expect(moved).toMatchObject({ start: at('2026-12-09', '13:00').toISOString(), end: at('2026-12-09', '14:30').toISOString() });
		const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, booked.id));
		expect(audits.map((a) => a.action)).toContain('reservation.move');
		const mails = await db.execute(sql`select kind, to_address from outbox where kind = 'booking_moved'`);
		const rows = (Array.isArray(mails) ? mails : (mails as { rows: unknown[] }).rows) as { to_address: string }[];
		expect(rows.map((r) => r.to_address)).toContain('school@center.test');
	});

	it('refuses a move onto another booking and keeps the original time', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const a = await reservations.create(school, input('meeting-a', '2026-12-10', '10:00', '11:00'));
		await reservations.create(school, input('meeting-a', '2026-12-10', '13:00', '14:00'));
		await expect(reservations.move(facility, a.id, at('2026-12-10', '13:30'), at('2026-12-10', '14:30'))).rejects.toBeInstanceOf(
			ConflictError
		);
		const [row] = await db.select().from(reservation).where(eq(reservation.id, a.id));
		expect(row!.startsAt).toEqual(at('2026-12-10', '10:00'));
	});

	it('refuses a move outside opening hours, and schools may not move at all', async () => {
		const school = await actor('school@center.test');
		const facility = await actor('facility@center.test');
		const a = await reservations.create(school, input('meeting-a', '2026-12-14', '10:00', '11:00'));
		await expect(reservations.move(facility, a.id, at('2026-12-14', '17:30'), at('2026-12-14', '18:30'))).rejects.toBeInstanceOf(
			ValidationError
		);
		await expect(reservations.move(school, a.id, at('2026-12-14', '11:00'), at('2026-12-14', '12:00'))).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});
});
