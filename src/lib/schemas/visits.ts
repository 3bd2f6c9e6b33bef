/**
 * Request shapes of benchmarking visits: the public request (POST /api/v1/visits and the form on
 * /visits/request, which maps its fields to the same object), shared with the OpenAPI document.
 */
import * as z from 'zod';
import { REGION_CODES } from '../regions';
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN, isPhoneNumber, PHONE_MAX_LENGTH } from './contact';
import { problemsOf, type Parsed } from './issues';
import { boundedInt, calendarDate, oneOf, safeText, uuid } from './primitives';
import { PRESENTERS_MAX, SEGMENT_KINDS, SEGMENTS_MAX } from '../visit-segments';

export const VISIT_ORGANIZATION_KINDS = ['office', 'school', 'other'] as const;
export const VISIT_PERIODS = ['am', 'pm'] as const;
export const VISIT_DEPARTMENT_CODES = ['education', 'administration', 'mediation', 'facility'] as const;
export const VISIT_MAX_PREFERRED_DATES = 3;
export const VISIT_GROUP_SIZE = { min: 1, max: 200 } as const;
export const VISIT_TEXT_MAX = { organization: 100, contactName: 50, purpose: 2000, accessibilityNeeds: 1000 } as const;

const email = safeText({ max: EMAIL_MAX_LENGTH })
	.refine((v) => v === '' || EMAIL_PATTERN.test(v), { error: 'visit_email_invalid' })
	.transform((v) => v.toLowerCase())
	.meta({ format: 'email' });
// An empty field says only that it is required (safeText), not also that it is malformed.
const phone = safeText({ max: PHONE_MAX_LENGTH }).refine((v) => v === '' || isPhoneNumber(v), { error: 'visit_phone_invalid' });

const preferredDate = z.object({
	date: calendarDate('visit_date_invalid'),
	period: oneOf(VISIT_PERIODS, 'visit_period_invalid').meta({ description: 'am: morning, pm: afternoon' })
});

/** POST /api/v1/visits */
export const visitRequestInput = z
	.object({
		organization: safeText({ max: VISIT_TEXT_MAX.organization }).meta({ description: 'e.g. 전라남도교육청 학생생활과' }),
		organizationKind: oneOf(VISIT_ORGANIZATION_KINDS, 'visit_kind_invalid'),
		region: oneOf(REGION_CODES, 'visit_region_invalid').meta({ description: 'One of the 17 metropolitan and provincial offices of education' }),
		contactName: safeText({ max: VISIT_TEXT_MAX.contactName }),
		email,
		phone,
		groupSize: boundedInt(VISIT_GROUP_SIZE.min, VISIT_GROUP_SIZE.max, 'visit_group_size_invalid'),
		preferredDates: z
			.array(preferredDate, { error: 'visit_dates_required' })
			.min(1, { error: 'visit_dates_required' })
			.max(VISIT_MAX_PREFERRED_DATES, { error: 'visit_dates_too_many' })
			.refine((dates) => new Set(dates.map((d) => `${d.date}/${d.period}`)).size === dates.length, { error: 'visit_dates_repeated' }),
		departments: z.array(oneOf(VISIT_DEPARTMENT_CODES, 'visit_department_invalid'), { error: 'input_invalid' }).max(4).default([]),
		topicIds: z.array(uuid('visit_topic_invalid'), { error: 'input_invalid' }).max(20).default([]),
		purpose: safeText({ max: VISIT_TEXT_MAX.purpose, multiline: true }),
		accessibilityNeeds: safeText({ max: VISIT_TEXT_MAX.accessibilityNeeds, optional: true, multiline: true }).default(''),
		consent: z.literal(true, { error: 'visit_consent_required' }).meta({ description: 'Consent to the collection and use of personal data (개인정보 수집·이용 동의); required' })
	})
	.meta({ id: 'VisitRequest' });
export type VisitRequestInput = z.output<typeof visitRequestInput>;

/** The private link's token as it appears in a path: base32, lower case. */
export const visitToken = z.string().regex(/^[a-z2-7]{32,64}$/);

export const visitMessageInput = z.object({ body: safeText({ max: 2000, multiline: true }) }).meta({ id: 'VisitMessage' });

// ---------- The form on /visits/request: flat fields mapped to the same request ----------

/** The form's field of a preferred date's part (`date1`, `period2` …), n from 1. */
export const dateField = (n: number, part: 'date' | 'period') => `${part}${n}`;

/** The fields of the request form, as posted, mapped to the API's request object (then parsed by visitRequestInput). */
export function visitRequestFromForm(form: { get(name: string): unknown; getAll(name: string): unknown[] }): Record<string, unknown> {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : v === null ? '' : v;
	};
	const preferredDates: { date: unknown; period: unknown }[] = [];
	for (let n = 1; n <= VISIT_MAX_PREFERRED_DATES; n++) {
		const date = text(dateField(n, 'date'));
		const period = text(dateField(n, 'period'));
		if (date !== '' || n === 1) preferredDates.push({ date, period: period === '' ? undefined : period });
	}
	const size = text('groupSize');
	return {
		organization: text('organization'),
		organizationKind: text('organizationKind') || undefined,
		region: text('region') || undefined,
		contactName: text('contactName'),
		email: text('email'),
		phone: text('phone'),
		groupSize: typeof size === 'string' && /^\s*\d{1,4}\s*$/.test(size) ? Number(size) : size,
		preferredDates,
		departments: form.getAll('departments'),
		topicIds: form.getAll('topicIds'),
		purpose: text('purpose'),
		accessibilityNeeds: text('accessibilityNeeds'),
		consent: form.get('consent') === 'on'
	};
}

/**
 * Where a problem of the request belongs on the form: a preferred date's problems on its own
 * date or time-of-day field (the first date's when the list itself is wrong), the rest on the
 * field of the same name.
 */
export function formFieldOf(path: readonly PropertyKey[]): string {
	const [head, index, part] = path;
	if (head !== 'preferredDates') return typeof head === 'string' ? head : 'body';
	const n = typeof index === 'number' ? index + 1 : 1;
	return dateField(n, part === 'period' ? 'period' : 'date');
}

/** The form's fields in the order a person fills them (the error summary lists problems in it). */
export const VISIT_FORM_FIELDS = [
	'organization', 'organizationKind', 'region', 'contactName', 'email', 'phone', 'groupSize',
	'date1', 'period1', 'date2', 'period2', 'date3', 'period3', 'departments', 'topicIds', 'purpose', 'accessibilityNeeds', 'consent'
] as const;

/** Parse the posted form: the request, or every problem at once keyed by the form's own field names. */
export function parseVisitForm(form: { get(name: string): unknown; getAll(name: string): unknown[] }): Parsed<VisitRequestInput> {
	const result = visitRequestInput.safeParse(visitRequestFromForm(form), { reportInput: true });
	if (result.success) return { ok: true, value: result.data };
	const issues = result.error.issues.map((issue) => ({ ...issue, path: [formFieldOf(issue.path)] }));
	return { ok: false, problems: problemsOf(issues, VISIT_FORM_FIELDS) };
}

// ---------- The coordinators' decisions (/visits/{id}) ----------

/** A visit date chosen by a coordinator: one of the preferred ones ("2027-03-10/am") or a date and a half day. */
export const visitDateChoice = z
	.object({
		date: calendarDate('visit_date_invalid'),
		period: oneOf(VISIT_PERIODS, 'visit_period_invalid')
	})
	.meta({ id: 'VisitDate' });
export const visitProposeForm = visitDateChoice
	.extend({ message: safeText({ max: 2000, optional: true, multiline: true }).default('').meta({ description: 'Sent with the proposal (optional)' }) })
	.meta({ id: 'VisitProposal' });
export const visitDeclineForm = z.object({ reason: safeText({ max: 2000, multiline: true }).meta({ description: 'The delegation reads it' }) }).meta({ id: 'VisitReason' });

/** GET /api/v1/visit-requests?status= */
export const visitInboxQuery = z.object({
	status: oneOf(['new', 'waiting', 'confirmed', 'done', 'declined', 'cancelled'], 'visit_status_invalid').default('new')
});

/** POST /api/v1/visit-requests/check-in: the reference read from the QR code or typed. */
export const visitCheckInByCode = z.object({ code: safeText({ max: 40 }).meta({ example: 'V-2027-0042', description: 'Any case; hyphens optional' }) }).meta({ id: 'VisitCheckInCode' });
/** POST /api/v1/visit-requests/{id}/check-in */
export const visitCheckInMark = z
	.object({ attendance: oneOf(['arrived', 'no_show'], 'visit_attendance_invalid').meta({ description: 'arrived: on the visit day; no_show: on the day or after (releases the holds)' }) })
	.meta({ id: 'VisitCheckIn' });

// ---------- The itinerary of a confirmed visit (/visits/{id}/itinerary, PUT /api/v1/visit-requests/{id}/itinerary) ----------

/** A wall-clock time of the visit day (24-hour "HH:MM", Asia/Seoul). */
const clockTime = z
	.string({ error: 'visit_time_invalid' })
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'visit_time_invalid' })
	.meta({ description: '24-hour HH:MM, Asia/Seoul, on the visit day', example: '10:00' });

export const itinerarySegment = z
	.object({
		kind: oneOf(SEGMENT_KINDS, 'visit_segment_kind_invalid'),
		title: safeText({ max: 100 }).meta({ example: '환영 인사와 센터 소개' }),
		start: clockTime,
		end: clockTime,
		roomId: uuid('visit_room_invalid').nullable().default(null).meta({ description: "A room of the center; null for a segment that holds none (a tour)" }),
		presenterIds: z
			.array(uuid('visit_presenter_invalid'), { error: 'input_invalid' })
			.max(PRESENTERS_MAX, { error: 'visit_presenters_too_many' })
			.refine((ids) => new Set(ids).size === ids.length, { error: 'visit_presenters_repeated' })
			.default([])
			.meta({ description: 'Consultants of the departments (GET /api/v1/consultants), held for the segment' })
	})
	.superRefine((s, ctx) => {
		if (typeof s.start === 'string' && typeof s.end === 'string' && s.start >= s.end) ctx.addIssue({ code: 'custom', message: 'visit_segment_order', path: ['end'] });
	});
export type ItinerarySegmentInput = z.output<typeof itinerarySegment>;

/** The whole itinerary: saved all or nothing. */
export const itineraryInput = z
	.object({
		segments: z
			.array(itinerarySegment, { error: 'visit_segments_required' })
			.min(1, { error: 'visit_segments_required' })
			.max(SEGMENTS_MAX, { error: 'visit_segments_too_many' })
	})
	.meta({ id: 'VisitItinerary' });
export type ItineraryInput = z.output<typeof itineraryInput>;

/** The form's field of a segment's part (`s0-title`, `s2-start` …), i from 0. */
export const segmentField = (i: number, part: keyof ItinerarySegmentInput) => `s${i}-${part}`;
/** Rows the form offers beyond the segments it shows (blank rows are left out). */
export const BLANK_SEGMENT_ROWS = 2;

/**
 * The itinerary form's rows as the API's object, as typed (the page shows them again after a
 * refusal): a row with neither title nor times is blank and left out, as is a row marked removed.
 */
export function itineraryFromForm(form: { get(name: string): unknown; getAll(name: string): unknown[] }, rows: number): ItinerarySegmentInput[] {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	const segments: ItinerarySegmentInput[] = [];
	for (let i = 0; i < Math.min(rows, SEGMENTS_MAX + BLANK_SEGMENT_ROWS); i++) {
		const title = text(segmentField(i, 'title'));
		const start = text(segmentField(i, 'start'));
		const end = text(segmentField(i, 'end'));
		if (form.get(`s${i}-remove`) === 'on' || (!title.trim() && !start && !end)) continue;
		const room = text(segmentField(i, 'roomId'));
		segments.push({
			kind: (text(segmentField(i, 'kind')) || 'other') as ItinerarySegmentInput['kind'],
			title,
			start,
			end,
			roomId: room === '' ? null : room,
			presenterIds: form.getAll(segmentField(i, 'presenterIds')).filter((v): v is string => typeof v === 'string' && v !== '')
		});
	}
	return segments;
}

/**
 * Parse the typed rows (itineraryFromForm): the itinerary, or every problem keyed by its row's
 * field as the page shows the rows again (`s2-end`: the third row kept), the service's own
 * refusals (`segments.2.end`) mapped the same way by segmentFieldOf.
 */
export function parseItineraryRows(segments: ItinerarySegmentInput[]): Parsed<ItineraryInput> {
	const result = itineraryInput.safeParse({ segments }, { reportInput: true });
	if (result.success) return { ok: true, value: result.data };
	const issues = result.error.issues.map((issue) => ({ ...issue, path: [segmentFieldOf(issue.path.map(String).join('.'))] }));
	return { ok: false, problems: problemsOf(issues) };
}

/** A rule or path `segments.2.end` as the form's field `s2-end` (a segment's own problem on its title); the list's own: `segments`. */
export function segmentFieldOf(rule: string): string {
	const match = /^segments\.(\d+)(?:\.(\w+))?/.exec(rule);
	return match ? segmentField(Number(match[1]), (match[2] ?? 'title') as keyof ItinerarySegmentInput) : 'segments';
}

/**
 * A typed or scanned visit reference in its stored form: "v-2027-42", "V20270042", " 2027-0042 " →
 * "V-2027-0042"; null when it cannot be one.
 */
export function normaliseReference(code: string): string | null {
	const match = /^\s*v?\s*-?\s*(\d{4})\s*-?\s*(\d{1,6})\s*$/i.exec(code);
	return match ? `V-${match[1]}-${match[2]!.padStart(4, '0')}` : null;
}

/** /visits/status: the reference and the e-mail address of a request whose private link was lost. */
export const visitLinkForm = z.object({
	reference: safeText({ max: 20 })
		.refine((v) => v === '' || normaliseReference(v) !== null, { error: 'visit_checkin_code_invalid' })
		.transform((v) => normaliseReference(v) ?? v),
	email
});
