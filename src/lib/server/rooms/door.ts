import { and, asc, eq } from 'drizzle-orm';
import { roomDay } from '../../board';
import { addDays, MINUTE_MS, seoulDate, seoulInstant, seoulMinuteOfDay } from '../../time/seoul';
import { db } from '../db';
import { reservation } from '../db/schema';
import { closuresOverlapping, holidayNames } from '../engine/availability';
import { bookedDuring, holding } from '../engine/holds.store';
import { loadRoom } from './store';

/** A booking as the door shows it: its own time, nothing of who or why. */
export interface DoorSlot {
	start: string;
	end: string;
}

export type DoorState = 'free' | 'busy' | 'closed' | 'closure';

/**
 * What the tablet beside a room's door shows: is it free now, what is on and what comes next,
 * the rest of today; busy/free only, for anyone passing by (no sign-in).
 */
export interface DoorDisplay {
	room: { id: string; code: string; nameKo: string; nameEn: string; floor: number; capacity: number };
	date: string;
	now: string;
	state: DoorState;
	/** The booking under way, when busy. */
	current: DoorSlot | null;
	/** The first booking still to start today. */
	next: DoorSlot | null;
	/** Today's bookings after the next one. */
	later: DoorSlot[];
	/** Today's opening hours (minutes of the day); null when the room does not open today. */
	hours: { opensMinute: number; closesMinute: number } | null;
	holiday: string | null;
	/** The closure in force now. */
	closure: { end: string; reason: string } | null;
}

/** How often the door display asks again (in place with JavaScript, by a <noscript> refresh without). */
export const DOOR_REFRESH_SECONDS = 60;

export async function doorDisplay(roomId: string, now: Date): Promise<DoorDisplay | null> {
	const target = await loadRoom(roomId);
	if (!target) return null;
	const date = seoulDate(now);
	const dayStart = seoulInstant(date);
	const dayEnd = seoulInstant(addDays(date, 1));
	const [bookings, closures] = await Promise.all([
		db
			.select({ start: reservation.startsAt, end: reservation.endsAt })
			.from(reservation)
			.where(and(eq(reservation.resourceId, roomId), holding, bookedDuring(dayStart, dayEnd)))
			.orderBy(asc(reservation.startsAt)),
		closuresOverlapping(roomId, now, new Date(now.getTime() + 1))
	]);
	const holidays = holidayNames(date);
	const holiday = holidays ? holidays.join(', ') : null;
	// The board's own reading of a room's day: its weekly hours, none on a holiday it closes for.
	const { open: openToday } = roomDay(date, { hours: target.hours, closedOnHolidays: target.rules.closedOnHolidays }, [], [], holiday);
	const opensMinute = openToday ? seoulMinuteOfDay(new Date(openToday.start)) : 0;
	// Counted from the opening, so a room open until midnight reads 24:00, not 00:00.
	const hours = openToday ? { opensMinute, closesMinute: opensMinute + (openToday.end - openToday.start) / MINUTE_MS } : null;
	const slots = bookings.map((b) => ({ start: b.start.toISOString(), end: b.end.toISOString(), startMs: b.start.getTime(), endMs: b.end.getTime() }));
	const t = now.getTime();
	const current = slots.find((s) => s.startMs <= t && t < s.endMs) ?? null;
	const upcoming = slots.filter((s) => s.startMs > t);
	const open = openToday !== null && t >= openToday.start && t < openToday.end;
	const closure = closures[0] ?? null;
	const state: DoorState = closure ? 'closure' : current ? 'busy' : open ? 'free' : 'closed';
	const plain = (s: (typeof slots)[number] | undefined | null): DoorSlot | null => (s ? { start: s.start, end: s.end } : null);
	return {
		room: {
			id: target.room.resourceId,
			code: target.room.code,
			nameKo: target.room.nameKo,
			nameEn: target.room.nameEn,
			floor: target.room.floor,
			capacity: target.room.capacity
		},
		date,
		now: now.toISOString(),
		state,
		current: plain(current),
		next: plain(upcoming[0]),
		later: upcoming.slice(1).map((s) => plain(s)!),
		hours,
		holiday,
		closure: closure ? { end: closure.endsAt.toISOString(), reason: closure.reason } : null
	};
}
