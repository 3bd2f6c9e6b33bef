import type { ConsultationMode } from '$lib/consultation-modes';
import { searchSlots } from '$lib/server/consultations/search';
import type { TopicWithDepartment } from '$lib/server/consultations/store';
import { addDays, isIsoDate, mondayOf, seoulDate, type IsoDate } from '$lib/time/seoul';

/** A free time as the pages show it: ISO instants, and whether a consultation room is free then too. */
export interface WeekSlot {
	start: string;
	end: string;
	inPerson: boolean;
}

export interface WeekDay {
	date: IsoDate;
	slots: WeekSlot[];
}

export interface SlotWeek {
	/** The Monday of the week shown. */
	week: IsoDate;
	previous: IsoDate | null;
	next: IsoDate | null;
	days: WeekDay[];
}

const WORKDAYS = 5;

/** The week a `week` query names (its Monday), kept between this week and the topic's horizon. */
export function weekOf(wanted: string | null, found: TopicWithDepartment, now: Date): { week: IsoDate; first: IsoDate; last: IsoDate } {
	const today = seoulDate(now);
	const first = mondayOf(today);
	const last = mondayOf(addDays(today, found.topic.horizonDays));
	const asked = wanted && isIsoDate(wanted) ? mondayOf(wanted) : first;
	const week = asked < first ? first : asked > last ? last : asked;
	return { week, first, last };
}

/**
 * The free slots of one Seoul week for a topic (any consultant, or one), by day: Monday to Friday
 * always (a day with nothing free says so), a weekend day only when it has a slot; days before
 * today are left out. In person is offered only where a room is free too.
 */
export async function slotWeek(
	found: TopicWithDepartment,
	options: { week: string | null; consultantId?: string; mode?: ConsultationMode; except?: string },
	now: Date
): Promise<SlotWeek> {
	const { week, first, last } = weekOf(options.week, found, now);
	const today = seoulDate(now);
	const from = week < today ? today : week;
	const to = addDays(week, 6);
	const search = { from, to, consultantId: options.consultantId };
	const offersVisit = found.topic.modes.includes('visit');
	const [{ slots }, visits] = await Promise.all([
		searchSlots(found, { ...search, ...(options.mode ? { mode: options.mode } : {}) }, now),
		offersVisit && options.mode !== 'visit' ? searchSlots(found, { ...search, mode: 'visit' }, now) : null
	]);
	const withRoom = new Set((visits ?? { slots }).slots.map((s) => s.start));
	const days: WeekDay[] = [];
	for (let i = 0; i < 7; i++) {
		const date = addDays(week, i);
		if (date < from) continue;
		const daySlots = slots
			.filter((s) => seoulDate(new Date(s.start)) === date)
			.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), inPerson: offersVisit && withRoom.has(s.start) }))
			.filter((s) => s.start !== options.except);
		if (i < WORKDAYS || daySlots.length) days.push({ date, slots: daySlots });
	}
	return { week, previous: week > first ? addDays(week, -7) : null, next: week < last ? addDays(week, 7) : null, days };
}
