import { and, asc, eq, gt, gte } from 'drizzle-orm';
import { isSupportedDate } from '../../schemas/primitives';
import { seoulInstant } from '../../time/seoul';
import * as audit from '../audit';
import { can, type Actor } from '../auth/permissions';
import * as clock from '../clock';
import { db, type Executor } from '../db';
import { appUser, closure, reservation, resource, room, school } from '../db/schema';
import { ForbiddenError, NotFoundError, ValidationError, type Violation } from '../errors';
import { transitions } from '../engine';
import { bookedDuring, holding } from '../engine/holds.store';
import { parseTimeOfDay } from '../../time/time-of-day';
import { isUuid } from '../db/sql';
import { closureWords } from '../rooms/notify';
import { expandDates, mondayIndex, ruleString, type RepeatRule } from '../engine/rule-dates';
import { MAX_OCCURRENCES } from '../../schemas/reservations';
import { bookerDepartmentCode, purposeAsSeenBy } from '../rooms/purpose';

export const REASON_MAX_LENGTH = 300;

/** How a closure may repeat: not at all, every week on its weekday, every year on its date. */
export const CLOSURE_REPEATS = ['none', 'weekly', 'yearly'] as const;
export type ClosureRepeat = (typeof CLOSURE_REPEATS)[number];
/** Occurrences of one repeating closure at most (a weekly one: a year; a yearly one: 52 years). */
export const MAX_CLOSURE_OCCURRENCES = MAX_OCCURRENCES;

/** The create form as typed: Seoul dates ("2026-12-02") and times ("13:00"). */
export interface ClosureInput {
	/** A room's id, or '' for the whole building. */
	roomId: string;
	fromDate: string;
	fromTime: string;
	toDate: string;
	toTime: string;
	reason: string;
	/** Whole days: from the start of `fromDate` to the end of `toDate`; the times are not needed. */
	allDay?: boolean;
	repeat?: ClosureRepeat | string;
	/** Last Seoul date a repeating closure may start on (inclusive); required when it repeats. */
	repeatUntil?: string;
}

export interface ClosureRange {
	resourceId: string | null;
	start: Date;
	end: Date;
	reason: string;
}

export interface ClosurePlan {
	/** Every occurrence, the first first (one for a closure that does not repeat). */
	ranges: ClosureRange[];
	allDay: boolean;
	/** The RRULE of a repeating closure, else null. */
	rule: string | null;
}

const MINUTES_PER_DAY = 24 * 60;

/** Every problem with a closure form at once; the range (and every occurrence) when there is none. */
export function checkClosure(
	input: ClosureInput,
	known: { roomIds: readonly string[]; now: Date }
): { violations: Violation[]; range: ClosureRange | null; plan: ClosurePlan | null } {
	const violations: Violation[] = [];
	const allDay = input.allDay === true;
	const repeat = (CLOSURE_REPEATS as readonly string[]).includes(input.repeat ?? 'none') ? ((input.repeat ?? 'none') as ClosureRepeat) : null;
	if (input.roomId && !known.roomIds.includes(input.roomId))
		violations.push({ rule: 'roomId', messageKey: 'facility_choice_unknown' });
	// Real dates inside the supported calendar (2000–2100) only.
	const fromDateOk = isSupportedDate(input.fromDate.trim());
	const toDateOk = isSupportedDate(input.toDate.trim());
	if (!fromDateOk) violations.push({ rule: 'fromDate', messageKey: 'field_date_invalid' });
	if (!toDateOk) violations.push({ rule: 'toDate', messageKey: 'field_date_invalid' });
	// All day: midnight of the first date to midnight after the last; the times are not read.
	const fromMinute = allDay ? 0 : parseTimeOfDay(input.fromTime);
	const toMinute = allDay ? MINUTES_PER_DAY : parseTimeOfDay(input.toTime);
	if (fromMinute === null) violations.push({ rule: 'fromTime', messageKey: 'field_time_invalid' });
	if (toMinute === null) violations.push({ rule: 'toTime', messageKey: 'field_time_invalid' });
	const reason = input.reason.trim();
	if (!reason) violations.push({ rule: 'reason', messageKey: 'facility_closure_reason_required' });
	else if (reason.length > REASON_MAX_LENGTH)
		violations.push({ rule: 'reason', messageKey: 'field_too_long', params: { max: REASON_MAX_LENGTH } });
	if (repeat === null) violations.push({ rule: 'repeat', messageKey: 'facility_closure_repeat_invalid' });
	const until = (input.repeatUntil ?? '').trim();
	const repeats = repeat !== null && repeat !== 'none';
	const untilOk = repeats && isSupportedDate(until);
	if (repeats && !untilOk) violations.push({ rule: 'repeatUntil', messageKey: 'facility_closure_repeat_until_required' });
	else if (untilOk && fromDateOk && until <= input.fromDate.trim())
		violations.push({ rule: 'repeatUntil', messageKey: 'facility_closure_repeat_until_after_start' });

	let range: ClosureRange | null = null;
	if (fromDateOk && toDateOk && fromMinute !== null && toMinute !== null) {
		const start = seoulInstant(input.fromDate.trim(), fromMinute);
		const end = seoulInstant(input.toDate.trim(), toMinute);
		if (end <= start) violations.push({ rule: 'toDate', messageKey: 'facility_closure_end_before_start' });
		else if (end <= known.now && !repeats) violations.push({ rule: 'toDate', messageKey: 'facility_closure_in_past' });
		else range = { resourceId: input.roomId || null, start, end, reason };
	}
	if (violations.length || !range) return { violations, range: null, plan: null };
	if (!repeats) return { violations, range, plan: { ranges: [range], allDay, rule: null } };

	// Each occurrence lasts as the first does, shifted by whole Seoul days (Seoul keeps no summer time).
	const first = input.fromDate.trim();
	const rule: RepeatRule = repeat === 'weekly' ? { kind: 'weekly', weekdays: [mondayIndex(first)], interval: 1 } : { kind: 'yearly' };
	// A rule that runs past the limit before its last date is refused, never cut short quietly.
	const { dates, more } = expandDates(first, rule, { until, count: MAX_CLOSURE_OCCURRENCES });
	if (more)
		return { violations: [{ rule: 'repeatUntil', messageKey: 'facility_closure_repeat_too_many', params: { max: MAX_CLOSURE_OCCURRENCES } }], range: null, plan: null };
	const lengthMs = range.end.getTime() - range.start.getTime();
	const ranges = dates
		.map((date) => ({ ...range!, start: seoulInstant(date, fromMinute!), end: new Date(seoulInstant(date, fromMinute!).getTime() + lengthMs) }))
		.filter((r) => r.end > known.now);
	if (ranges.length === 0) return { violations: [{ rule: 'toDate', messageKey: 'facility_closure_in_past' }], range: null, plan: null };
	return { violations, range: ranges[0]!, plan: { ranges, allDay, rule: ruleString(first, rule, { until }) } };
}

export interface AffectedBooking {
	id: string;
	roomNameKo: string | null;
	roomNameEn: string | null;
	start: Date;
	end: Date;
	status: string;
	bookerName: string;
	bookerEmail: string;
	schoolNameKo: string | null;
	schoolNameEn: string | null;
	purpose: string;
	purposeWithheld?: true;
	bookedBy: string;
	bookerDepartmentCode: string | null;
	schoolId: string | null;
}

/** Holding bookings that overlap any of the ranges (the occurrences of a repeating closure), in time order, once each. */
export async function affectedByAll(ranges: ClosureRange[], executor: Executor = db): Promise<AffectedBooking[]> {
	const seen = new Map<string, AffectedBooking>();
	for (const range of ranges) for (const booking of await affectedBookings(range, executor)) seen.set(booking.id, booking);
	return [...seen.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Holding bookings that overlap the range: of the room, or of every resource for the building. */
export function affectedBookings(range: Pick<ClosureRange, 'resourceId' | 'start' | 'end'>, executor: Executor = db): Promise<AffectedBooking[]> {
	return executor
		.select({
			id: reservation.id,
			roomNameKo: room.nameKo,
			roomNameEn: room.nameEn,
			start: reservation.startsAt,
			end: reservation.endsAt,
			status: reservation.status,
			bookerName: appUser.name,
			bookerEmail: appUser.email,
			schoolNameKo: school.nameKo,
			schoolNameEn: school.nameEn,
			purpose: reservation.purpose,
			bookedBy: reservation.bookedBy,
			bookerDepartmentCode,
			schoolId: reservation.schoolId
		})
		.from(reservation)
		.innerJoin(appUser, eq(appUser.id, reservation.bookedBy))
		.leftJoin(room, eq(room.resourceId, reservation.resourceId))
		.leftJoin(school, eq(school.id, reservation.schoolId))
		.where(
			and(
				holding,
				range.resourceId ? eq(reservation.resourceId, range.resourceId) : undefined,
				bookedDuring(range.start, range.end)
			)
		)
		.orderBy(asc(reservation.startsAt), asc(room.sortOrder));
}

function ensureMayManage(actor: Actor) {
	if (!can(actor, 'rooms.manage')) throw new ForbiddenError();
}

export interface UpcomingClosure {
	id: string;
	roomId: string | null;
	roomNameKo: string | null;
	roomNameEn: string | null;
	start: Date;
	end: Date;
	reason: string;
	allDay: boolean;
	seriesId: string | null;
	/** A repeating closure's rule (RRULE), to say how it repeats. */
	rule: string | null;
	/** How it repeats, read off the rule: every week on its weekday, every year on its date. */
	repeatKind: 'weekly' | 'yearly' | null;
}

/** Closures that have not ended yet, soonest first. */
export async function listUpcoming(actor: Actor): Promise<UpcomingClosure[]> {
	ensureMayManage(actor);
	const rows = await db
		.select({
			id: closure.id,
			roomId: closure.resourceId,
			roomNameKo: room.nameKo,
			roomNameEn: room.nameEn,
			start: closure.startsAt,
			end: closure.endsAt,
			reason: closure.reason,
			allDay: closure.allDay,
			seriesId: closure.seriesId,
			rule: closure.rule
		})
		.from(closure)
		.leftJoin(room, eq(room.resourceId, closure.resourceId))
		.where(gt(closure.endsAt, clock.now()))
		.orderBy(asc(closure.startsAt));
	return rows.map((r) => ({ ...r, repeatKind: r.rule?.includes('FREQ=WEEKLY') ? 'weekly' : r.rule?.includes('FREQ=YEARLY') ? 'yearly' : null }));
}

/** Rooms a closure may name (inactive ones too: they may come back). */
export function roomChoices() {
	return db
		.select({ id: room.resourceId, nameKo: room.nameKo, nameEn: room.nameEn })
		.from(room)
		.innerJoin(resource, eq(resource.id, room.resourceId))
		.orderBy(asc(room.sortOrder));
}

export interface CreateOptions {
	/** The second submit: staff saw the affected bookings and chose which to cancel. */
	confirm: boolean;
	/** Bookings listed on the confirmation step. */
	shownIds: string[];
	/** Of those, the ones to cancel. */
	cancelIds: string[];
}

export type CreateOutcome =
	| { status: 'confirm'; affected: AffectedBooking[] }
	| { status: 'created'; closureId: string; occurrences: number; cancelledIds: string[]; keptIds: string[] };

/**
 * Close a room or the building. When holding bookings overlap, the first call only lists them;
 * the confirmed call creates the closure and cancels the chosen bookings, with an e-mail to each
 * booker and audit rows, in one transaction. A booking made after the list was shown sends staff
 * back to the list, so nothing is cancelled unseen or kept unnoticed.
 */
export async function create(actor: Actor, input: ClosureInput, options: CreateOptions): Promise<CreateOutcome> {
	ensureMayManage(actor);
	const rooms = await roomChoices();
	const now = clock.now();
	const { violations, range, plan } = checkClosure(input, { roomIds: rooms.map((r) => r.id), now });
	if (violations.length || !range || !plan) throw new ValidationError(violations);

	return db.transaction(async (tx) => {
		const affected = await affectedByAll(plan.ranges, tx);
		const unseen = affected.some((a) => !options.shownIds.includes(a.id));
		// Listed to facility staff: each purpose as they may read it (a mediation booking's is withheld).
		if (affected.length && (!options.confirm || unseen))
			return { status: 'confirm', affected: affected.map((a) => ({ ...a, ...purposeAsSeenBy(actor, a) })) } as const;

		const seriesId = plan.rule ? crypto.randomUUID() : null;
		const rows = await tx
			.insert(closure)
			.values(
				plan.ranges.map((r) => ({
					resourceId: r.resourceId,
					startsAt: r.start,
					endsAt: r.end,
					reason: r.reason,
					allDay: plan.allDay,
					seriesId,
					rule: plan.rule,
					createdBy: actor.id
				}))
			)
			.returning();
		const created = rows[0];
		const chosen = affected.filter((a) => options.cancelIds.includes(a.id));
		const cancelledIds = await transitions.cancelForClosure(tx, actor.id, chosen, {
			reason: range.reason,
			closureId: created!.id,
			words: closureWords(range.reason)
		});
		const keptIds = affected.filter((a) => !cancelledIds.includes(a.id)).map((a) => a.id);
		await audit.record(tx, {
			actorId: actor.id,
			action: 'closure.create',
			entity: 'closure',
			entityId: created!.id,
			after: {
				resourceId: range.resourceId,
				start: range.start.toISOString(),
				end: range.end.toISOString(),
				reason: range.reason,
				allDay: plan.allDay,
				...(plan.rule ? { rule: plan.rule, seriesId, occurrences: rows.map((r) => r.id) } : {}),
				cancelled: cancelledIds,
				kept: keptIds
			}
		});
		return { status: 'created', closureId: created!.id, occurrences: rows.length, cancelledIds, keptIds } as const;
	});
}

/** What a delete removes: this occurrence, or every occurrence of its repeating closure still ahead. */
export type RemoveScope = 'one' | 'series';

/** A closure as the delete confirmation shows it (with how many occurrences its series still has ahead). */
export async function forRemoval(actor: Actor, id: string): Promise<(UpcomingClosure & { seriesAhead: number }) | null> {
	ensureMayManage(actor);
	if (!isUuid(id)) return null;
	const list = await listUpcoming(actor);
	const found = list.find((c) => c.id === id);
	if (!found) return null;
	return { ...found, seriesAhead: found.seriesId ? list.filter((c) => c.seriesId === found.seriesId && c.start >= found.start).length : 1 };
}

/** Delete a closure (or the rest of its series from it on), audited; bookings may be made again then. */
export async function remove(actor: Actor, id: string, scope: RemoveScope = 'one'): Promise<number> {
	ensureMayManage(actor);
	if (!isUuid(id)) throw new NotFoundError();
	return db.transaction(async (tx) => {
		const [target] = await tx.select().from(closure).where(eq(closure.id, id)).for('update');
		if (!target) throw new NotFoundError();
		const gone =
			scope === 'series' && target.seriesId
				? await tx
						.delete(closure)
						.where(and(eq(closure.seriesId, target.seriesId), gte(closure.startsAt, target.startsAt)))
						.returning()
				: await tx.delete(closure).where(eq(closure.id, id)).returning();
		await audit.record(tx, {
			actorId: actor.id,
			action: 'closure.delete',
			entity: 'closure',
			entityId: id,
			before: {
				resourceId: target.resourceId,
				start: target.startsAt.toISOString(),
				end: target.endsAt.toISOString(),
				reason: target.reason,
				...(target.seriesId ? { seriesId: target.seriesId, scope, deleted: gone.map((g) => g.id) } : {})
			}
		});
		return gone.length;
	});
}
