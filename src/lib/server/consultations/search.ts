import { addDays, mondayOf, MINUTE_MS, seoulDate, seoulInstant, type IsoDate } from '../../time/seoul';
import type { ConsultationMode } from '../../consultation-modes';
import { holidayNames } from '../engine/availability';
import type { Executor } from '../db';
import { computeSlots, searchDates, type Slot, type SlotQuery } from './slots';
import { searchData, type ConsultantRow, type ConsultationRoom, type TopicWithDepartment } from './store';

export interface SlotSearch {
	from: IsoDate;
	to: IsoDate;
	mode?: ConsultationMode;
	/** Only this consultant's slots. */
	consultantId?: string;
	/** Leave the holds out (the slots the templates would offer): tells "taken" from "never offered". */
	ignoreHolds?: boolean;
}

export interface SearchResult {
	slots: Slot[];
	consultants: ConsultantRow[];
	rooms: ConsultationRoom[];
}

/**
 * The free slots of a topic over Seoul dates [from, to]: the department's consultants (or the
 * chosen one), and in person the department's rooms, read in one statement and computed in
 * slots.ts. A mode the topic does not offer has no slots.
 */
export async function searchSlots(found: TopicWithDepartment, search: SlotSearch, now: Date, executor?: Executor): Promise<SearchResult> {
	const { topic, department } = found;
	const inPerson = search.mode === 'visit';
	// Only the dates the computation looks at (today to the horizon): the holds of the others are never read.
	const dates = searchDates({ from: search.from, to: search.to, now, topic });
	const first = dates[0] ?? search.from;
	const last = dates.at(-1) ?? search.from;
	// A day later too: a hold's buffer reaches past midnight rarely, but a closure may span the end.
	const window = {
		from: new Date(seoulInstant(first).getTime() - 240 * MINUTE_MS),
		to: new Date(seoulInstant(addDays(last, 1)).getTime() + 240 * MINUTE_MS),
		dates: { first, last }
	};
	const { consultants: all, rooms, data } = await searchData(department.id, { consultantId: search.consultantId, inPerson, ...window }, executor);
	const consultants = search.consultantId ? all.filter((c) => c.id === search.consultantId) : all;
	if (consultants.length === 0 || (search.mode && !topic.modes.includes(search.mode)) || (inPerson && rooms.length === 0))
		return { slots: [], consultants: all, rooms };
	const busy = (id: string) => (search.ignoreHolds ? [] : (data.busyOf.get(id) ?? []));
	const query: SlotQuery = {
		topic: {
			durationMinutes: topic.durationMinutes,
			bufferMinutes: topic.bufferMinutes,
			leadTimeMinutes: topic.leadTimeMinutes,
			horizonDays: topic.horizonDays
		},
		from: search.from,
		to: search.to,
		now,
		centerHours: data.centerHours,
		holidayNames,
		buildingClosures: data.buildingClosures,
		consultants: consultants.map((c) => ({
			id: c.id,
			hours: data.hoursOf.get(c.id) ?? [],
			exceptions: data.exceptionsOf.get(c.id) ?? [],
			busy: busy(c.id)
		})),
		...(inPerson
			? {
					rooms: rooms.map((r) => ({
						id: r.id,
						hours: data.roomHoursOf.get(r.id) ?? data.centerHours,
						busy: busy(r.id),
						bufferBeforeMinutes: r.bufferBeforeMinutes,
						bufferAfterMinutes: r.bufferAfterMinutes
					}))
				}
			: {})
	};
	return { slots: computeSlots(query), consultants: all, rooms };
}

/** The Seoul week [Monday, next Monday) of an instant, for the load-spreading count. */
export function weekOf(instant: Date): { from: Date; to: Date } {
	const monday = mondayOf(seoulDate(instant));
	return { from: seoulInstant(monday), to: seoulInstant(addDays(monday, 7)) };
}

/** How many free slots a refusal offers, and how far ahead it looks for them. */
export const ALTERNATIVES = 5;
const ALTERNATIVE_DAYS = 21;

/** The next free slots after a refused start (not that start), for a 409's alternatives. */
export async function nextSlots(
	found: TopicWithDepartment,
	wanted: { start: Date; mode: ConsultationMode; consultantId?: string },
	now: Date
): Promise<{ start: string; end: string }[]> {
	const from = seoulDate(wanted.start < now ? now : wanted.start);
	const { slots } = await searchSlots(found, { from, to: addDays(from, ALTERNATIVE_DAYS), mode: wanted.mode, consultantId: wanted.consultantId }, now);
	return slots
		.filter((s) => s.start !== wanted.start.getTime())
		.slice(0, ALTERNATIVES)
		.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() }));
}
