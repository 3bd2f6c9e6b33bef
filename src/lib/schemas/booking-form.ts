/**
 * The booking form: what the page sends (Seoul wall-clock date and times, strings as typed) and
 * how it becomes the engine's request (instants), which the one schema `bookingRequest`
 * (reservations.ts) then parses. Pure, shared by the page (values, links), the live check in the
 * browser (which sends only what that schema accepts) and the form action.
 */
import { SUPPORTED_YEARS, isSupportedDate } from '../time/supported';
import { isIsoDate, seoulInstant } from '../time/seoul';

export const FREQUENCIES = ['none', 'weekly', 'biweekly'] as const;
export type Repeat = (typeof FREQUENCIES)[number];

export interface BookingFormValues {
	roomId: string;
	/** YYYY-MM-DD, Seoul calendar date. */
	date: string;
	/** HH:MM, Seoul wall clock. */
	start: string;
	end: string;
	purpose: string;
	attendees: string;
	repeat: Repeat;
	repeatEnd: 'until' | 'count';
	until: string;
	count: string;
	/** Facility staff booking on behalf of a school: its id, or '' for none. */
	schoolId: string;
}

export const FIELDS = ['roomId', 'date', 'start', 'end', 'purpose', 'attendees', 'repeat', 'repeatEnd', 'until', 'count', 'schoolId'] as const;
/** Query parameter names of links that fill the form (room=…&date=…&start=…&end=…). */
const QUERY_NAMES: Record<(typeof FIELDS)[number], string> = {
	roomId: 'room',
	date: 'date',
	start: 'start',
	end: 'end',
	purpose: 'purpose',
	attendees: 'attendees',
	repeat: 'repeat',
	repeatEnd: 'repeatEnd',
	until: 'until',
	count: 'count',
	schoolId: 'school'
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MAX_TEXT = 500;

export function emptyValues(): BookingFormValues {
	return { roomId: '', date: '', start: '', end: '', purpose: '', attendees: '', repeat: 'none', repeatEnd: 'count', until: '', count: '', schoolId: '' };
}

function normalize(get: (name: string) => string | null): BookingFormValues {
	const values = emptyValues();
	for (const field of FIELDS) {
		const raw = get(field);
		if (typeof raw === 'string') (values as unknown as Record<string, string>)[field] = raw.slice(0, MAX_TEXT);
	}
	if (!(FREQUENCIES as readonly string[]).includes(values.repeat)) values.repeat = 'none';
	if (values.repeatEnd !== 'until') values.repeatEnd = 'count';
	return values;
}

export function readForm(form: FormData): BookingFormValues {
	return normalize((name) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : null;
	});
}

/** Values from a link such as /book?room=…&date=2026-12-08&start=10:00&end=11:00. */
export function readQuery(params: URLSearchParams): BookingFormValues {
	return normalize((name) => params.get(QUERY_NAMES[name as (typeof FIELDS)[number]]));
}

/** A link that fills the form with these values (empty ones left out). */
export function bookingHref(values: Partial<BookingFormValues>): string {
	const params = new URLSearchParams();
	for (const field of FIELDS) {
		const value = values[field];
		if (!value) continue;
		if (field === 'repeat' && value === 'none') continue;
		if ((field === 'repeatEnd' || field === 'until' || field === 'count') && (values.repeat ?? 'none') === 'none') continue;
		params.set(QUERY_NAMES[field], value);
	}
	const query = params.toString();
	return query ? `/book?${query}` : '/book';
}

/** "14:30" → 870, or null. */
export function minutesOf(time: string): number | null {
	const match = TIME.exec(time);
	return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export interface FormProblem {
	rule: string;
	messageKey: string;
	params?: Record<string, string | number>;
}

/**
 * The engine's request body (as POST /api/v1/reservations takes it) from the form's values,
 * with the form-only problems (a date or time that is not one). Seoul wall clock → instants.
 */
export function toRequestBody(values: BookingFormValues): { body: Record<string, unknown>; problems: FormProblem[] } {
	const problems: FormProblem[] = [];
	const dateOk = isSupportedDate(values.date);
	if (!dateOk)
		problems.push(
			isIsoDate(values.date)
				? { rule: 'date', messageKey: 'input_date_out_of_range', params: { ...SUPPORTED_YEARS } }
				: { rule: 'date', messageKey: 'field_date_invalid' }
		);
	const startMinute = minutesOf(values.start);
	const endMinute = minutesOf(values.end);
	if (startMinute === null) problems.push({ rule: 'start', messageKey: 'book_time_required' });
	if (endMinute === null) problems.push({ rule: 'end', messageKey: 'book_time_required' });
	const at = (minute: number | null) => (dateOk && minute !== null ? seoulInstant(values.date, minute).toISOString() : undefined);
	const attendees = /^\s*\d{1,6}\s*$/.test(values.attendees) ? Number(values.attendees) : Number.NaN;
	const body: Record<string, unknown> = {
		roomId: values.roomId,
		start: at(startMinute),
		end: at(endMinute),
		purpose: values.purpose,
		attendees,
		...(values.schoolId ? { schoolId: values.schoolId } : {})
	};
	if (values.repeat !== 'none') {
		body.recurrence =
			values.repeatEnd === 'until'
				? { frequency: values.repeat, until: values.until }
				: { frequency: values.repeat, count: /^\s*\d{1,3}\s*$/.test(values.count) ? Number(values.count) : Number.NaN };
	}
	return { body, problems };
}

/** Form field that shows a violation of this rule, or null for a booking rule shown in the list. */
export function fieldOf(rule: string): keyof BookingFormValues | 'recurrence' | null {
	if (rule === 'roomId' || rule === 'date' || rule === 'start' || rule === 'end' || rule === 'purpose' || rule === 'attendees' || rule === 'schoolId')
		return rule;
	if (rule === 'recurrence') return 'recurrence';
	return null;
}
