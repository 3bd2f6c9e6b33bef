import { isSupportedDate } from '../../schemas/primitives';
import { seoulInstant } from '../../time/seoul';
import type { Violation } from '../errors';

/** The board's move form as typed: a Seoul date, 24-hour start and end times, the room. */
export interface MoveFormValues {
	date: string;
	start: string;
	end: string;
	roomId: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minuteOf = (time: string) => {
	const match = TIME.exec(time);
	return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

/**
 * The form's date and times as instants (Asia/Seoul wall clock), or every problem at once:
 * an impossible or unsupported date, a time that is not HH:MM, an end not after the start.
 */
export function moveInstants(values: MoveFormValues): { start: Date | null; end: Date | null; problems: Violation[] } {
	const problems: Violation[] = [];
	const dateOk = isSupportedDate(values.date.trim());
	if (!dateOk) problems.push({ rule: 'date', messageKey: 'input_date_invalid' });
	const from = minuteOf(values.start.trim());
	const to = minuteOf(values.end.trim());
	if (from === null) problems.push({ rule: 'start', messageKey: 'field_time_invalid' });
	if (to === null) problems.push({ rule: 'end', messageKey: 'field_time_invalid' });
	if (from !== null && to !== null && to <= from) problems.push({ rule: 'end', messageKey: 'booking_end_after_start' });
	if (problems.length || from === null || to === null) return { start: null, end: null, problems };
	const date = values.date.trim();
	return { start: seoulInstant(date, from), end: seoulInstant(date, to), problems };
}
