import type { Violation } from '../errors';
import { checkRecurrence, type Recurrence } from './recurrence';
import { isUuid } from '../db/sql';

export interface BookingInput {
	roomId: string;
	start: Date;
	end: Date;
	purpose: string;
	attendees: number;
	recurrence?: Recurrence;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const PURPOSE_MAX_LENGTH = 200;
export const ATTENDEES_MAX = 2000;

function instant(value: unknown): Date | null {
	if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** Shape of a booking request (API body or form), every problem at once. Rules come later. */
export function parseBookingInput(raw: unknown): { value: BookingInput | null; violations: Violation[] } {
	const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const violations: Violation[] = [];
	const roomId = typeof body.roomId === 'string' && isUuid(body.roomId) ? body.roomId : null;
	if (!roomId) violations.push({ rule: 'roomId', messageKey: 'booking_room_required' });
	const start = instant(body.start);
	const end = instant(body.end);
	if (!start) violations.push({ rule: 'start', messageKey: 'booking_time_invalid' });
	if (!end) violations.push({ rule: 'end', messageKey: 'booking_time_invalid' });
	if (start && end && end <= start) violations.push({ rule: 'end', messageKey: 'booking_end_after_start' });
	const purpose = typeof body.purpose === 'string' ? body.purpose.trim() : '';
	if (!purpose) violations.push({ rule: 'purpose', messageKey: 'field_required' });
	else if (purpose.length > PURPOSE_MAX_LENGTH)
		violations.push({ rule: 'purpose', messageKey: 'field_too_long', params: { max: PURPOSE_MAX_LENGTH } });
	const attendees = typeof body.attendees === 'number' ? body.attendees : Number.NaN;
	if (!Number.isInteger(attendees) || attendees < 1 || attendees > ATTENDEES_MAX)
		violations.push({ rule: 'attendees', messageKey: 'booking_attendees_invalid', params: { max: ATTENDEES_MAX } });

	let recurrence: Recurrence | undefined;
	if (body.recurrence !== undefined && body.recurrence !== null) {
		const r = (typeof body.recurrence === 'object' ? body.recurrence : {}) as Record<string, unknown>;
		recurrence = {
			frequency: r.frequency as Recurrence['frequency'],
			until: typeof r.until === 'string' ? r.until : undefined,
			count: typeof r.count === 'number' ? r.count : undefined
		};
		if (r.until !== undefined && !(typeof r.until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.until)))
			violations.push({ rule: 'recurrence', messageKey: 'recurrence_until_or_count' });
		if (start) violations.push(...checkRecurrence(recurrence, start));
	}
	if (violations.length) return { value: null, violations };
	return { value: { roomId: roomId!, start: start!, end: end!, purpose, attendees, recurrence }, violations };
}
