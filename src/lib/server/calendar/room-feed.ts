import { getLocale } from '$lib/paraglide/runtime';
import { addDays, seoulDate, seoulInstant } from '../../time/seoul';
import { say } from '../i18n';
import { busyByRoom } from '../rooms/availability';
import { find } from '../rooms';
import type { IcsEvent } from './ics';

/** How far ahead a room's public feed reaches (the longest booking horizon in use). */
export const ROOM_FEED_DAYS = 90;

/**
 * A room's busy times as calendar events for anyone (a wall calendar, a school's planner): busy or
 * free only, like the public board — no booker, no purpose. Null when the room does not exist.
 */
export async function roomBusyEvents(roomId: string, now: Date, origin: string): Promise<{ events: IcsEvent[]; name: string } | null> {
	const target = await find(roomId);
	if (!target) return null;
	const today = seoulDate(now);
	const busy = (await busyByRoom(seoulInstant(today), seoulInstant(addDays(today, ROOM_FEED_DAYS)), null, [roomId])).get(roomId) ?? [];
	const host = new URL(origin).hostname;
	const name = say('room_feed_name', { room: getLocale() === 'en' ? target.nameEn : target.nameKo });
	return {
		name,
		events: busy.map((b) => ({
			// Stable while the time is unchanged: a fetch again updates rather than duplicates.
			uid: `busy-${roomId}-${new Date(b.start).getTime()}@${host}`,
			start: new Date(b.start),
			end: new Date(b.end),
			summary: say('room_feed_busy'),
			status: 'CONFIRMED' as const,
			url: `${origin}/rooms/${roomId}`
		}))
	};
}
