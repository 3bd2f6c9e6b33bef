/**
 * The edit form of a booking (/my/bookings/{id}/edit): the booking form's fields without the
 * repetition, plus the version the editor saw. The wall-clock date and times become instants as
 * on the booking form (booking-form.ts), then the one schema `editRequest` (reservations.ts)
 * parses them, as PATCH /api/v1/reservations/{id} does.
 */
import { parseInput, type Parsed } from './issues';
import { emptyValues, toRequestBody, type FormProblem } from './booking-form';
import { editRequest, type EditInput } from './reservations';
import { formatTime } from '../time/format';
import { seoulDate } from '../time/seoul';

export interface EditFormValues {
	roomId: string;
	date: string;
	start: string;
	end: string;
	purpose: string;
	attendees: string;
	version: string;
}

const FIELDS = ['roomId', 'date', 'start', 'end', 'purpose', 'attendees', 'version'] as const;
const MAX_TEXT = 500;

export function readEditForm(form: FormData): EditFormValues {
	const values = { roomId: '', date: '', start: '', end: '', purpose: '', attendees: '', version: '' };
	for (const field of FIELDS) {
		const raw = form.get(field);
		if (typeof raw === 'string') values[field] = raw.slice(0, MAX_TEXT);
	}
	return values;
}

/** The form filled with a booking as it is (Seoul wall clock). */
export function editValuesOf(booking: { roomId: string; start: string; end: string; purpose: string; attendees: number; version: string }): EditFormValues {
	return {
		roomId: booking.roomId,
		date: seoulDate(new Date(booking.start)),
		start: formatTime(booking.start),
		end: formatTime(booking.end),
		purpose: booking.purpose,
		attendees: String(booking.attendees),
		version: booking.version
	};
}

/** The edit as the service takes it, or every problem with the form at once. */
export function parseEditForm(values: EditFormValues): { input: EditInput | null; problems: FormProblem[] } {
	const { body, problems } = toRequestBody({ ...emptyValues(), ...values, repeat: 'none' });
	const parsed: Parsed<EditInput> = parseInput(editRequest, { ...body, ...(values.version ? { version: values.version } : {}) });
	const covered = new Set(problems.map((p) => p.rule));
	// A date or time that is not one is said once, by the form, not again as an unreadable instant.
	const rest = parsed.ok ? [] : parsed.problems.filter((p) => !(p.messageKey === 'booking_time_invalid' && (covered.has('date') || covered.has(p.rule))));
	const all = [...problems, ...rest];
	return { input: all.length === 0 && parsed.ok ? parsed.value : null, problems: all };
}
