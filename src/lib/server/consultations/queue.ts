/**
 * A department's queue as its staff read it: the department's consultations (bookings.list) in
 * three groups — requests waiting for the department's confirmation, upcoming and past — with the
 * filters a staff member picks, and what the details page offers: the colleagues a consultation
 * may go to and the free slots it may move to.
 */
import { addDays, seoulDate } from '../../time/seoul';
import type { ConsultationMode } from '../../consultation-modes';
import type { SessionUser } from '../auth/sessions';
import { can } from '../auth/permissions';
import * as clock from '../clock';
import { ForbiddenError, NotFoundError } from '../errors';
import { isHolding } from '../engine/holds.store';
import { list, type ConsultationView } from './bookings';
import { searchSlots } from './search';
import { departmentConsultants, loadTopic, type ConsultantRow } from './store';

/** The statuses a staff member filters by (the reservation's). */
export const QUEUE_STATUSES = ['requested', 'confirmed', 'completed', 'no_show', 'cancelled', 'rejected'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface QueueFilters {
	consultantId?: string;
	status?: QueueStatus;
}

export type QueueItem = Omit<ConsultationView, 'description' | 'outcomeNote'>;

export interface Queue {
	/** Requests that wait for the department's confirmation (by start). */
	pending: QueueItem[];
	/** Confirmed ones that have not ended yet (by start). */
	upcoming: QueueItem[];
	/** Everything else, the latest first: ended, completed, no-show, cancelled, rejected. */
	past: QueueItem[];
	/** Every consultation of the department before filtering (the calendar shows these). */
	total: number;
	consultants: Pick<ConsultantRow, 'id' | 'name' | 'titleKo' | 'titleEn'>[];
}

/** Which group a consultation belongs in at `now`. */
export function groupOf(item: Pick<QueueItem, 'status' | 'end'>, now: Date): 'pending' | 'upcoming' | 'past' {
	if (item.status === 'requested') return 'pending';
	if (item.status === 'confirmed' && Date.parse(item.end) > now.getTime()) return 'upcoming';
	return 'past';
}

/** Does an item pass the filters? */
export const matches = (item: QueueItem, filters: QueueFilters) =>
	(!filters.consultantId || item.consultant.id === filters.consultantId) && (!filters.status || item.status === filters.status);

/** The actor's department's queue; only department staff with a department have one. */
export async function forDepartment(actor: SessionUser, filters: QueueFilters = {}): Promise<Queue & { all: QueueItem[] }> {
	const departmentId = actor.departmentId;
	if (!departmentId || !can(actor, 'consultations.handle', { departmentId })) throw new ForbiddenError();
	const [all, consultants] = await Promise.all([list(actor, { departmentId }), departmentConsultants(departmentId)]);
	const now = clock.now();
	const result: Queue & { all: QueueItem[] } = {
		pending: [],
		upcoming: [],
		past: [],
		total: all.length,
		all,
		consultants: consultants.map(({ id, name, titleKo, titleEn }) => ({ id, name, titleKo, titleEn }))
	};
	for (const item of all) if (matches(item, filters)) result[groupOf(item, now)].push(item);
	result.past.reverse();
	return result;
}

/** How far ahead the details page offers slots to move a consultation to. */
export const RESCHEDULE_DAYS = 21;
/** At most this many slots in the reschedule list. */
export const RESCHEDULE_MAX_SLOTS = 60;

export interface HandlingChoices {
	/** Colleagues of the same department it may be handed to (not its consultant). */
	colleagues: Pick<ConsultantRow, 'id' | 'name' | 'titleKo' | 'titleEn'>[];
	/** Free slots of the same topic, mode and consultant (epoch ms). */
	slots: { start: number; end: number }[];
}

/**
 * What the department may do with an open consultation: hand it to a colleague (the service checks
 * the colleague's holds when asked) and move it to a free slot of the same topic, mode and
 * consultant over the next weeks. Its own hold still counts in the search, so a slot overlapping
 * its current time is not offered (the same time is no move at all).
 */
export async function handlingChoices(actor: SessionUser, view: ConsultationView): Promise<HandlingChoices> {
	if (!view.may.handle) throw new ForbiddenError();
	if (!isHolding(view.status)) return { colleagues: [], slots: [] };
	const found = await loadTopic(view.topic.id);
	if (!found) throw new NotFoundError();
	const now = clock.now();
	const from = seoulDate(now);
	const [consultants, search] = await Promise.all([
		departmentConsultants(view.department.id),
		searchSlots(found, { from, to: addDays(from, RESCHEDULE_DAYS), mode: view.mode as ConsultationMode, consultantId: view.consultant.id }, now)
	]);
	return {
		colleagues: consultants.filter((c) => c.id !== view.consultant.id).map(({ id, name, titleKo, titleEn }) => ({ id, name, titleKo, titleEn })),
		slots: search.slots.slice(0, RESCHEDULE_MAX_SLOTS).map((s) => ({ start: s.start, end: s.end }))
	};
}
