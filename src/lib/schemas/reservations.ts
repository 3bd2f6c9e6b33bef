/**
 * Request shapes of the reservation engine, shared by the API routes, the booking form's action,
 * the live check in the browser and the generated OpenAPI document.
 */
import * as z from 'zod';
import { seoulDate } from '../time/seoul';
import { mondayIndex, weekdayPosition } from '../time/weekday-of-month';
import { boundedInt, calendarDate, instant, oneOf, safeText, uuid, whenValid } from './primitives';

export const PURPOSE_MAX_LENGTH = 200;
export const ATTENDEES_MAX = 2000;
export const REASON_MAX_LENGTH = 500;
export const MAX_OCCURRENCES = 52;
export const FREQUENCIES = ['weekly', 'biweekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
/** The repeat kinds a series may have (`engine/rule-dates.ts` expands each). */
export const REPEAT_KINDS = ['weekly', 'weekdays', 'monthlyDate', 'monthlyWeekday'] as const;
export type RepeatKind = (typeof REPEAT_KINDS)[number];
/** Which weekday of the month: first … fourth, or -1 for the last. */
export const ORDINALS = [1, 2, 3, 4, -1] as const;
export type Ordinal = (typeof ORDINALS)[number];
/** Dates a series may leave out; more than its occurrences would be a typo. */
export const MAX_EXCEPTIONS = MAX_OCCURRENCES;

/** A number that must be one of a fixed list (1 or 2; an ordinal). */
function oneOfNumbers<const T extends readonly number[]>(values: T, invalidKey: string) {
	return z
		.unknown()
		.superRefine((n, ctx) => {
			if (!values.includes(n as number)) ctx.addIssue({ code: 'custom', message: invalidKey });
		})
		.transform((n) => n as T[number])
		.meta({ override: { type: 'integer', enum: [...values] } });
}

const weekdayIndex = oneOfNumbers([0, 1, 2, 3, 4, 5, 6] as const, 'recurrence_weekdays_invalid');

/** The end of a series and the dates it leaves out, the same for every kind. */
const bounds = {
	/** Last Seoul date an occurrence may fall on (inclusive). */
	until: calendarDate('recurrence_until_or_count').optional().meta({ description: 'Last Seoul date (inclusive); exactly one of until and count' }),
	/** Number of occurrences, the first included (left-out dates do not count). */
	count: boundedInt(2, MAX_OCCURRENCES, 'recurrence_count_range')
		.optional()
		.meta({ description: `Number of occurrences, the first included (2–${MAX_OCCURRENCES}); exceptions are not counted` }),
	except: z
		.array(calendarDate('recurrence_except_invalid'), { error: 'recurrence_except_invalid' })
		.max(MAX_EXCEPTIONS, { error: 'recurrence_except_too_many' })
		.optional()
		.meta({ description: 'Seoul dates to leave out of the series' })
};

const weeklyRule = z
	.object({
		kind: z.literal('weekly'),
		interval: z
			.unknown()
			.superRefine((n, ctx) => {
				if (n === LEGACY_FREQUENCY_INVALID) ctx.addIssue({ code: 'custom', message: 'recurrence_frequency_invalid' });
				else if (n !== 1 && n !== 2) ctx.addIssue({ code: 'custom', message: 'recurrence_interval_invalid' });
			})
			.transform((n) => n as 1 | 2)
			.meta({ override: { type: 'integer', enum: [1, 2] } })
			.optional().meta({ description: '1: every week (default), 2: every other week' }),
		weekdays: z
			.array(weekdayIndex, { error: 'recurrence_weekdays_invalid' })
			.min(1, { error: 'recurrence_weekdays_invalid' })
			.max(7, { error: 'recurrence_weekdays_invalid' })
			.optional()
			.meta({ description: '0 = Monday … 6 = Sunday; default: the weekday of the first booking, which must be among them' }),
		...bounds
	})
	.meta({ id: 'WeeklyRepeat', description: 'Every week or every other week, on the first booking’s weekday or on chosen weekdays' });

const weekdaysRule = z.object({ kind: z.literal('weekdays'), ...bounds }).meta({ id: 'WeekdaysRepeat', description: 'Every weekday, Monday to Friday' });

const monthlyDateRule = z
	.object({ kind: z.literal('monthlyDate'), ...bounds })
	.meta({ id: 'MonthlyDateRepeat', description: 'Every month on the first booking’s day of the month; months without that day (31 April) are skipped' });

const monthlyWeekdayRule = z
	.object({
		kind: z.literal('monthlyWeekday'),
		nth: oneOfNumbers(ORDINALS, 'recurrence_nth_invalid').meta({ description: 'Which weekday of the month: 1–4, or -1 for the last; must be the first booking’s' }),
		...bounds
	})
	.meta({ id: 'MonthlyWeekdayRepeat', description: 'Every month on the nth (or last) weekday of the first booking, e.g. the second Tuesday' });

/**
 * The old shape `{ frequency: 'weekly' | 'biweekly', until | count }` (before `kind`), still
 * accepted: read as a weekly rule every one or two weeks. An unknown frequency keeps its own message.
 */
function fromLegacy(value: unknown): unknown {
	if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.hasOwn(value, 'kind') || !Object.hasOwn(value, 'frequency'))
		return value;
	const { frequency, ...rest } = value as Record<string, unknown>;
	const interval = frequency === 'weekly' ? 1 : frequency === 'biweekly' ? 2 : null;
	return interval === null ? { ...rest, kind: 'weekly', interval: LEGACY_FREQUENCY_INVALID } : { ...rest, kind: 'weekly', interval };
}
/** Stands for a legacy frequency that is neither weekly nor biweekly (refused with its own key). */
const LEGACY_FREQUENCY_INVALID = 'legacy-frequency-invalid';

export const repeatRule = z
	.discriminatedUnion('kind', [weeklyRule, weekdaysRule, monthlyDateRule, monthlyWeekdayRule], { error: 'recurrence_kind_invalid' })
	.refine((r) => (r.until === undefined) !== (r.count === undefined), {
		error: 'recurrence_until_or_count',
		when: whenValid('until', 'count')
	})
	.meta({
		id: 'Recurrence',
		description: `How a series repeats (discriminated on kind), with exactly one of until (Seoul date, inclusive) and count (2–${MAX_OCCURRENCES}). The older {"frequency": "weekly" | "biweekly"} is still accepted and read as kind weekly, interval 1 or 2.`
	});

export const recurrence = z.preprocess(fromLegacy, repeatRule);
export type Recurrence = z.output<typeof repeatRule>;

/**
 * Whether the first booking is itself an occurrence of its rule: a weekly rule on its weekday, a
 * weekday series on a weekday, the second-Tuesday rule on a second Tuesday.
 */
export function fitsFirstDate(rule: Recurrence, first: string): boolean {
	switch (rule.kind) {
		case 'weekly':
			return !rule.weekdays || (rule.weekdays as readonly number[]).includes(mondayIndex(first));
		case 'weekdays':
			return mondayIndex(first) < 5;
		case 'monthlyDate':
			return true;
		case 'monthlyWeekday': {
			const position = weekdayPosition(first);
			return rule.nth === -1 ? position.last : position.nth === rule.nth;
		}
	}
}

/** What every booking names, new or edited: the room, its time and its details. */
const bookingFields = {
	roomId: uuid('booking_room_required'),
	start: instant('booking_time_invalid'),
	end: instant('booking_time_invalid'),
	purpose: safeText({ max: PURPOSE_MAX_LENGTH }),
	attendees: boundedInt(1, ATTENDEES_MAX, 'field_number_range')
};
const endAfterStart: [(b: { start: Date; end: Date }) => boolean, { path: string[]; error: string; when: ReturnType<typeof whenValid> }] = [
	(b) => b.end > b.start,
	{ path: ['end'], error: 'booking_end_after_start', when: whenValid('start', 'end') }
];

/** A booking of a room, or the first of a weekly series (POST /api/v1/reservations, /preview, the booking form). */
export const bookingRequest = z
	.object({
		...bookingFields,
		schoolId: uuid('booking_school_unknown')
			.optional()
			.meta({
				description:
					"Facility staff only: book on behalf of this school (its monthly quota is charged, its users are e-mailed). A school user sending another school's id gets 403; their own school's id is the same as leaving it out."
			}),
		recurrence: recurrence
			.nullish()
			.transform((r) => r ?? undefined)
			.optional()
	})
	// Cross-field rules run even when another field is wrong: every problem at once.
	.refine(...endAfterStart)
	.refine((b) => !b.recurrence?.until || b.recurrence.until > seoulDate(b.start), {
		path: ['recurrence'],
		error: 'recurrence_until_after_start',
		when: whenValid('start', 'recurrence')
	})
	.refine((b) => !b.recurrence || fitsFirstDate(b.recurrence, seoulDate(b.start)), {
		path: ['recurrence'],
		error: 'recurrence_first_date_mismatch',
		when: whenValid('start', 'recurrence')
	})
	.refine((b) => !b.recurrence?.except?.some((d) => d <= seoulDate(b.start)), {
		path: ['recurrence'],
		error: 'recurrence_except_after_start',
		when: whenValid('start', 'recurrence')
	})
	.meta({ id: 'BookingRequest' });
export type BookingInput = z.output<typeof bookingRequest>;

export const cancelRequest = z
	.object({
		scope: oneOf(['one', 'following']).optional().meta({ description: 'one (default) or this and the rest of its series' }),
		reason: safeText({ max: REASON_MAX_LENGTH, optional: true, multiline: true }).optional()
	})
	.meta({ id: 'CancelRequest' });

/** The reason is required; the service says so after checking who asks (403 before 422). */
export const rejectRequest = z
	.object({ reason: safeText({ max: REASON_MAX_LENGTH, optional: true, multiline: true }).default('') })
	.meta({ id: 'RejectRequest' });

export const moveRequest = z
	.object({
		start: instant('booking_time_invalid'),
		end: instant('booking_time_invalid'),
		roomId: uuid('booking_room_required').optional().meta({ description: 'Another room to move the booking to (default: the same room)' }),
		from: z
			.object({
				start: instant('booking_time_invalid'),
				end: instant('booking_time_invalid'),
				roomId: uuid('booking_room_required')
			})
			.optional()
			.meta({
				description:
					'Where the mover saw the booking. When it has moved since (someone else moved it), the move is refused with 409 booking_moved_meanwhile instead of applied over that move.'
			})
	})
	.meta({ id: 'MoveRequest' });

/**
 * Change a booking in place (PATCH /api/v1/reservations/{id}, the edit form): the whole booking as
 * it should be. `version` is the one the editor saw (GET answers and the edit form carry it): when
 * someone changed the booking since, the edit is refused with 409 booking_changed_meanwhile.
 */
export const editRequest = z
	.object({
		...bookingFields,
		version: z
			.string({ error: 'input_invalid' })
			.max(100, { error: 'input_invalid' })
			.optional()
			.meta({ description: 'The booking version the editor saw (from a previous answer); omitted: the edit applies to the booking as it is now.' })
	})
	.refine(...endAfterStart)
	.meta({ id: 'EditRequest' });
export type EditInput = z.output<typeof editRequest>;

export const reservationId = z.object({ id: uuid().meta({ description: 'Reservation id' }) });
