import { and, gt, lt } from 'drizzle-orm';
import { addDays, seoulDate, seoulInstant, seoulMinuteOfDay } from '../../time/seoul';
import type { SessionUser } from '../auth/sessions';
import { db } from '../db';
import { closure, reservation } from '../db/schema';
import { heldDuring, holding } from '../engine/holds.store';
import { loadRooms, type RoomWithRules } from './store';
import { heldInterval, overlaps } from '../engine/held';
import { holidayNames } from '../engine/availability';
import { schoolOf, type BookingInput } from './input';
import { onGridLength, onGridStart } from './grid';
import { checkBooking } from './rules';

export interface Alternative {
	roomId: string;
	start: string;
	end: string;
	/** Same room at another time, or another room at the same time. */
	kind: 'same_room' | 'similar_room';
}

const SEARCH_DAYS = 14;
const PER_KIND = 3;

type Busy = { resourceId: string; start: Date; end: Date };

/** The nearest free times in the same room, then rooms of similar size at the asked time. */
export async function suggestAlternatives(
	actor: SessionUser,
	target: RoomWithRules,
	input: BookingInput,
	now: Date
): Promise<Alternative[]> {
	const firstDay = seoulDate(input.start > now ? input.start : now);
	const from = seoulInstant(firstDay);
	const to = seoulInstant(addDays(firstDay, SEARCH_DAYS));
	const [rooms, busyRows, closureRows] = await Promise.all([
		loadRooms(),
		db
			.select({ resourceId: reservation.resourceId, start: reservation.heldFrom, end: reservation.heldUntil })
			.from(reservation)
			.where(and(holding, heldDuring(from, to))),
		db
			.select({ resourceId: closure.resourceId, startsAt: closure.startsAt, endsAt: closure.endsAt, reason: closure.reason })
			.from(closure)
			.where(and(lt(closure.startsAt, to), gt(closure.endsAt, from)))
	]);
	const askedMs = input.end.getTime() - input.start.getTime();

	const fits = (room: RoomWithRules, start: Date, busy: Busy[], lengthMs = onGridLength(askedMs, room.rules.granularityMinutes)) => {
		const end = new Date(start.getTime() + lengthMs);
		const violations = checkBooking({
			now,
			request: { start, end, attendees: input.attendees },
			room: { capacity: room.room.capacity },
			rules: room.rules,
			openingHours: room.hours,
			closures: closureRows.filter((c) => c.resourceId === null || c.resourceId === room.room.resourceId),
			holidayNames,
			actor: { role: actor.role, schoolId: schoolOf(actor, input) },
			// Alternatives do not know the month's use in other rooms; the booking itself re-checks.
			quotaUsedMinutes: 0
		});
		if (violations.length) return null;
		const held = heldInterval(start, end, room.rules);
		const clash = busy.some(
			(b) => b.resourceId === room.room.resourceId && overlaps({ start: held.heldFrom, end: held.heldUntil }, b)
		);
		return clash ? null : end;
	};

	const result: Alternative[] = [];
	// Same room: walk the grid forward from the asked start, nearest first. An off-grid request
	// (11:59–12:30 on a 30-minute grid) is looked for at the nearest on-grid times and length.
	const step = target.rules.granularityMinutes;
	const lengthMs = onGridLength(askedMs, step);
	const askedMinute = Math.round(seoulMinuteOfDay(input.start) / step) * step;
	outer: for (let day = 0; day < SEARCH_DAYS; day++) {
		const date = addDays(firstDay, day);
		const hours = target.hours.find((h) => h.weekday === new Date(`${date}T00:00:00Z`).getUTCDay());
		if (!hours) continue;
		const minutes: number[] = [];
		for (let m = hours.opensMinute; m + lengthMs / 60_000 <= hours.closesMinute; m += step) minutes.push(m);
		minutes.sort((a, b) => Math.abs(a - askedMinute) - Math.abs(b - askedMinute));
		for (const minute of minutes) {
			const start = seoulInstant(date, minute);
			if (start.getTime() === input.start.getTime() && lengthMs === askedMs) continue;
			const end = fits(target, start, busyRows);
			if (end) result.push({ roomId: target.room.resourceId, start: start.toISOString(), end: end.toISOString(), kind: 'same_room' });
			if (result.length >= PER_KIND) break outer;
		}
	}
	// Other rooms big enough, closest in size first, at the asked time.
	const similar = rooms
		.filter((r) => r.room.resourceId !== target.room.resourceId && r.room.capacity >= input.attendees)
		.sort((a, b) => Math.abs(a.room.capacity - target.room.capacity) - Math.abs(b.room.capacity - target.room.capacity));
	let found = 0;
	for (const room of similar) {
		const start = onGridStart(input.start, room.rules.granularityMinutes);
		const end = fits(room, start, busyRows);
		if (!end) continue;
		result.push({ roomId: room.room.resourceId, start: start.toISOString(), end: end.toISOString(), kind: 'similar_room' });
		if (++found >= PER_KIND) break;
	}
	return result;
}

