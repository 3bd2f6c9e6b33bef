/**
 * The booking form: what the page sends (Seoul wall-clock date and times, strings as typed) and
 * how it becomes the engine's request (instants), which the one schema `bookingRequest`
 * (reservations.ts) then parses. Pure, shared by the page (values, links), the live check in the
 * browser (which sends only what that schema accepts) and the form action.
 */
import { SUPPORTED_YEARS, isSupportedDate } from '../time/supported';
import { isIsoDate, seoulInstant } from '../time/seoul';
import { weekdayPosition } from '../time/weekday-of-month';

/** The repeat choices of the form: none, or a rule kind (weekly split in every week / every other week). */
export const FREQUENCIES = ['none', 'weekly', 'biweekly', 'weekdays', 'monthlyDate', 'monthlyWeekday'] as const;
export type Repeat = (typeof FREQUENCIES)[number];
/** Ordinals of a monthly-weekday rule as the form sends them ('' = the first date's own). */
export const ORDINAL_VALUES = ['1', '2', '3', '4', '-1'] as const;
/** Empty date fields for more exceptions the form always offers (more after each round trip, without JavaScript). */
export const BLANK_EXCEPTIONS = 3;
const MAX_LIST = 60;

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
	/** Weekly rules: 0 = Monday … 6 = Sunday, as ticked (none: the first date's weekday). */
	weekdays: string[];
	/** Monthly-weekday rule: which week ('1'…'4', '-1' last; '' = the first date's). */
	nth: string;
	/** Seoul dates to leave out, as typed (empty fields dropped). */
	except: string[];
}

export const FIELDS = ['roomId', 'date', 'start', 'end', 'purpose', 'attendees', 'repeat', 'repeatEnd', 'until', 'count', 'nth', 'schoolId'] as const;
const LIST_FIELDS = ['weekdays', 'except'] as const;
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
	nth: 'nth',
	schoolId: 'school'
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MAX_TEXT = 500;

export function emptyValues(): BookingFormValues {
	return {
		roomId: '',
		date: '',
		start: '',
		end: '',
		purpose: '',
		attendees: '',
		repeat: 'none',
		repeatEnd: 'count',
		until: '',
		count: '',
		weekdays: [],
		nth: '',
		except: [],
		schoolId: ''
	};
}

function normalize(get: (name: string) => string | null, getAll: (name: string) => string[]): BookingFormValues {
	const values = emptyValues();
	for (const field of FIELDS) {
		const raw = get(field);
		if (typeof raw === 'string') (values as unknown as Record<string, string>)[field] = raw.slice(0, MAX_TEXT);
	}
	for (const field of LIST_FIELDS)
		values[field] = getAll(field)
			.slice(0, MAX_LIST)
			.map((v) => v.slice(0, 20).trim())
			.filter((v) => v !== '');
	if (!(FREQUENCIES as readonly string[]).includes(values.repeat)) values.repeat = 'none';
	if (values.repeatEnd !== 'until') values.repeatEnd = 'count';
	if (!(ORDINAL_VALUES as readonly string[]).includes(values.nth)) values.nth = '';
	values.weekdays = [...new Set(values.weekdays.filter((w) => /^[0-6]$/.test(w)))].sort();
	return values;
}

export function readForm(form: FormData): BookingFormValues {
	return normalize(
		(name) => {
			const value = form.get(name);
			return typeof value === 'string' ? value : null;
		},
		(name) => form.getAll(name).filter((v): v is string => typeof v === 'string')
	);
}

/** Values from a link such as /book?room=…&date=2026-12-08&start=10:00&end=11:00. */
export function readQuery(params: URLSearchParams): BookingFormValues {
	return normalize(
		(name) => params.get(QUERY_NAMES[name as (typeof FIELDS)[number]]),
		(name) => params.getAll(name)
	);
}

/** A link that fills the form with these values (empty ones left out). */
export function bookingHref(values: Partial<BookingFormValues>): string {
	const params = new URLSearchParams();
	for (const field of FIELDS) {
		const value = values[field];
		if (!value) continue;
		if (field === 'repeat' && value === 'none') continue;
		if ((field === 'repeatEnd' || field === 'until' || field === 'count' || field === 'nth') && (values.repeat ?? 'none') === 'none') continue;
		params.set(QUERY_NAMES[field], value);
	}
	if ((values.repeat ?? 'none') !== 'none') for (const field of LIST_FIELDS) for (const value of values[field] ?? []) params.append(field, value);
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
		const end =
			values.repeatEnd === 'until'
				? { until: values.until }
				: { count: /^\s*\d{1,3}\s*$/.test(values.count) ? Number(values.count) : Number.NaN };
		body.recurrence = { ...ruleOf(values, dateOk), ...end, ...(values.except.length ? { except: values.except } : {}) };
	}
	return { body, problems };
}

/** The rule part of the request from the form's repeat choice (the ordinal defaults to the first date's). */
function ruleOf(values: BookingFormValues, dateOk: boolean): Record<string, unknown> {
	const weekdays = values.weekdays.length ? { weekdays: values.weekdays.map(Number) } : {};
	switch (values.repeat) {
		case 'weekly':
			return { kind: 'weekly', interval: 1, ...weekdays };
		case 'biweekly':
			return { kind: 'weekly', interval: 2, ...weekdays };
		case 'monthlyWeekday':
			return { kind: 'monthlyWeekday', nth: values.nth ? Number(values.nth) : dateOk ? ownOrdinal(values.date) : Number.NaN };
		default:
			return { kind: values.repeat };
	}
}

/** The first date's week of the month: 1–4, or -1 for a fifth (last) one. */
export function ownOrdinal(date: string): number {
	const { nth } = weekdayPosition(date);
	return nth <= 4 ? nth : -1;
}

/** Form field that shows a violation of this rule, or null for a booking rule shown in the list. */
export function fieldOf(rule: string): keyof BookingFormValues | 'recurrence' | null {
	if (rule === 'roomId' || rule === 'date' || rule === 'start' || rule === 'end' || rule === 'purpose' || rule === 'attendees' || rule === 'schoolId')
		return rule;
	if (rule === 'recurrence') return 'recurrence';
	return null;
}
