/**
 * Request shapes of consultations, shared by the API routes, the booking form's action and the
 * generated OpenAPI document.
 */
import * as z from 'zod';
import { CONSULTATION_MODES } from '../consultation-modes';
import { calendarDate, instant, oneOf, safeText, uuid, whenValid } from './primitives';

export const DESCRIPTION_MAX_LENGTH = 1000;
export const NOTE_MAX_LENGTH = 4000;
export const CANCEL_REASON_MAX_LENGTH = 500;
/** A slot search spans at most this many days. */
export const SLOT_SEARCH_MAX_DAYS = 62;

export const consultationMode = oneOf(CONSULTATION_MODES, 'consultation_mode_invalid').meta({
	description: 'visit: in person at the center (a consultation room is held too), video, phone'
});

/** POST /api/v1/consultations and the booking form. */
export const consultationRequest = z
	.object({
		topicId: uuid('consultation_topic_required'),
		start: instant('consultation_slot_required').meta({ description: 'Start of a free slot (ISO 8601, e.g. 2027-01-05T14:00:00+09:00)' }),
		mode: consultationMode,
		description: safeText({ max: DESCRIPTION_MAX_LENGTH, multiline: true }).meta({
			description: 'What the school would like to talk about (for 화해조정부 read by its own staff only)'
		}),
		consultantId: uuid('consultation_consultant_unknown')
			.optional()
			.meta({ description: 'A chosen consultant (their consultant id); left out: any free consultant, the least busy that week' })
	})
	.meta({ id: 'ConsultationRequest' });
export type ConsultationInput = z.output<typeof consultationRequest>;

/** GET /api/v1/departments/{id}/slots */
export const slotQuery = z
	.object({
		topic: uuid('consultation_topic_required'),
		from: calendarDate(),
		to: calendarDate(),
		mode: consultationMode.optional(),
		consultant: uuid('consultation_consultant_unknown').optional()
	})
	.refine((q) => q.to >= q.from && daysBetween(q.from, q.to) < SLOT_SEARCH_MAX_DAYS, {
		path: ['to'],
		error: 'consultation_slots_range_invalid',
		params: { days: SLOT_SEARCH_MAX_DAYS },
		when: whenValid('from', 'to')
	});

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
export type SlotQueryInput = z.output<typeof slotQuery>;

export const rescheduleRequest = z.object({ start: instant('consultation_slot_required') }).meta({ id: 'ConsultationReschedule' });
export const reassignRequest = z.object({ consultantId: uuid('consultation_consultant_unknown') }).meta({ id: 'ConsultationReassign' });
export const cancelRequest = z
	.object({ reason: safeText({ max: CANCEL_REASON_MAX_LENGTH, optional: true, multiline: true }).optional() })
	.meta({ id: 'ConsultationCancel' });
export const noteRequest = z.object({ note: safeText({ max: NOTE_MAX_LENGTH, multiline: true }) }).meta({ id: 'ConsultationNote' });

// ---------- Department pages: topics, consultants' availability, the case access log ----------

/** A topic's length: 10 minutes to 8 hours in 10-minute steps (the table's check says the same). */
export const TOPIC_DURATION_MINUTES = { min: 10, max: 480, step: 10 } as const;
export const TOPIC_BUFFER_MINUTES = { min: 0, max: 120, step: 5 } as const;
/** Lead time and cancellation cutoff: whole hours, at most 30 days. */
export const TOPIC_NOTICE_MAX_MINUTES = 30 * 24 * 60;
export const TOPIC_OPEN_LIMIT_MAX = 99;
export const TOPIC_NAME_MAX_LENGTH = 100;
export const TOPIC_DESCRIPTION_MAX_LENGTH = 1000;
/** Availability is set on a 30-minute grid of the Seoul wall clock. */
export const AVAILABILITY_STEP_MINUTES = 30;
export const AVAILABILITY_MAX_SPANS = 60;
export const EXCEPTION_NOTE_MAX_LENGTH = 200;

/** A form's number as typed ("60") or a JSON number; one message for anything else. */
const minutesIn = (min: number, max: number, step: number, key: string) =>
	z.preprocess(
		(v) => (typeof v === 'string' && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v),
		z
			.number({ error: key })
			.int({ error: key })
			.refine((n) => n >= min && n <= max && n % step === 0, { error: key })
	);
/** A checkbox ("on" when ticked, absent otherwise) or a JSON boolean. */
const flag = () => z.preprocess((v) => v === true || v === 'on', z.boolean()).meta({ override: { type: 'boolean' } });
/** One value or several under one name (a checkbox group), or a JSON list. */
const listOf = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** Add or change a department's topic (its own department's staff). */
export const consultationTopicInput = z
	.object({
		nameKo: safeText({ max: TOPIC_NAME_MAX_LENGTH }),
		nameEn: safeText({ max: TOPIC_NAME_MAX_LENGTH }),
		descriptionKo: safeText({ max: TOPIC_DESCRIPTION_MAX_LENGTH, optional: true, multiline: true }).default(''),
		descriptionEn: safeText({ max: TOPIC_DESCRIPTION_MAX_LENGTH, optional: true, multiline: true }).default(''),
		durationMinutes: minutesIn(TOPIC_DURATION_MINUTES.min, TOPIC_DURATION_MINUTES.max, TOPIC_DURATION_MINUTES.step, 'dept_topics_duration_invalid'),
		bufferMinutes: minutesIn(TOPIC_BUFFER_MINUTES.min, TOPIC_BUFFER_MINUTES.max, TOPIC_BUFFER_MINUTES.step, 'dept_topics_buffer_invalid'),
		modes: listOf(consultationMode)
			.refine((modes) => modes.length > 0, { error: 'dept_topics_modes_required' })
			.transform((modes) => CONSULTATION_MODES.filter((m) => modes.includes(m))),
		leadTimeMinutes: minutesIn(0, TOPIC_NOTICE_MAX_MINUTES, 60, 'dept_topics_lead_invalid'),
		cancelCutoffMinutes: minutesIn(0, TOPIC_NOTICE_MAX_MINUTES, 60, 'dept_topics_cutoff_invalid'),
		openLimitPerSchool: z.preprocess(
			(v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : typeof v === 'string' && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : v),
			z
				.number({ error: 'dept_topics_limit_invalid' })
				.int({ error: 'dept_topics_limit_invalid' })
				.min(1, { error: 'dept_topics_limit_invalid' })
				.max(TOPIC_OPEN_LIMIT_MAX, { error: 'dept_topics_limit_invalid' })
				.nullable()
		),
		requiresConfirmation: flag(),
		active: flag()
	})
	.meta({ id: 'ConsultationTopicInput' });
export type ConsultationTopicInput = z.output<typeof consultationTopicInput>;

/** "14:30" on the 30-minute grid, "24:00" for the end of the day; minutes after midnight. */
const gridMinute = (value: string): number | null => {
	const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
	if (!match) return null;
	const minutes = Number(match[1]) * 60 + Number(match[2]);
	return minutes <= 24 * 60 && minutes % AVAILABILITY_STEP_MINUTES === 0 ? minutes : null;
};

/**
 * A consultant's weekly template as the form posts it: parallel lists of weekday, start and end,
 * one entry per row (an all-empty row is skipped). Problems are per row (`row3`): a bad time,
 * an end not after its start, two spans of one weekday that overlap.
 */
export const weeklyTemplateInput = z
	.object({
		consultantId: uuid('dept_avail_consultant_unknown'),
		weekday: listOf(z.string({ error: 'input_invalid' }).max(2)),
		start: listOf(z.string({ error: 'input_invalid' }).max(5)),
		end: listOf(z.string({ error: 'input_invalid' }).max(5)),
		/** Row numbers (0-based) ticked for removal. */
		remove: listOf(z.string({ error: 'input_invalid' }).max(3))
	})
	.transform((form, ctx) => {
		const rows = Math.max(form.weekday.length, form.start.length, form.end.length);
		if (rows > AVAILABILITY_MAX_SPANS || form.weekday.length !== rows || form.start.length !== rows || form.end.length !== rows) {
			ctx.addIssue({ code: 'custom', path: ['body'], message: 'input_invalid' });
			return z.NEVER;
		}
		const spans: { row: number; weekday: number; startMinute: number; endMinute: number }[] = [];
		for (let i = 0; i < rows; i++) {
			const [w, s, e] = [form.weekday[i]!.trim(), form.start[i]!.trim(), form.end[i]!.trim()];
			if ((!w && !s && !e) || form.remove.includes(String(i))) continue;
			const weekday = /^[0-6]$/.test(w) ? Number(w) : null;
			const startMinute = gridMinute(s);
			const endMinute = gridMinute(e);
			const path = [`row${i}`];
			if (weekday === null) ctx.addIssue({ code: 'custom', path, message: 'dept_avail_weekday_required' });
			if (startMinute === null || endMinute === null) ctx.addIssue({ code: 'custom', path, message: 'dept_avail_time_invalid' });
			else if (endMinute <= startMinute) ctx.addIssue({ code: 'custom', path, message: 'dept_avail_end_after_start' });
			else if (weekday !== null) {
				if (spans.some((b) => b.weekday === weekday && b.startMinute < endMinute && startMinute < b.endMinute))
					ctx.addIssue({ code: 'custom', path, message: 'dept_avail_overlap' });
				spans.push({ row: i, weekday, startMinute, endMinute });
			}
		}
		return {
			consultantId: form.consultantId,
			spans: spans.map(({ weekday, startMinute, endMinute }) => ({ weekday, startMinute, endMinute })).sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute)
		};
	})
	.meta({ id: 'ConsultantWeeklyTemplate' });
export type WeeklyTemplateInput = z.output<typeof weeklyTemplateInput>;

export const EXCEPTION_KINDS = ['off_day', 'off_hours', 'extra'] as const;

/** A date that differs from the template: off the whole day, off some hours, or extra hours; with a note. */
export const consultantExceptionInput = z
	.object({
		consultantId: uuid('dept_avail_consultant_unknown'),
		date: calendarDate('dept_avail_date_invalid'),
		kind: oneOf(EXCEPTION_KINDS, 'dept_avail_kind_invalid'),
		start: z.string({ error: 'input_invalid' }).max(5).default(''),
		end: z.string({ error: 'input_invalid' }).max(5).default(''),
		note: safeText({ max: EXCEPTION_NOTE_MAX_LENGTH, optional: true }).default('')
	})
	.transform((form, ctx) => {
		let startMinute: number | null = null;
		let endMinute: number | null = null;
		if (form.kind !== 'off_day') {
			startMinute = gridMinute(form.start.trim());
			endMinute = gridMinute(form.end.trim());
			if (startMinute === null) ctx.addIssue({ code: 'custom', path: ['start'], message: 'dept_avail_time_invalid' });
			if (endMinute === null) ctx.addIssue({ code: 'custom', path: ['end'], message: 'dept_avail_time_invalid' });
			else if (startMinute !== null && endMinute <= startMinute) ctx.addIssue({ code: 'custom', path: ['end'], message: 'dept_avail_end_after_start' });
		}
		return {
			consultantId: form.consultantId,
			date: form.date,
			kind: form.kind === 'extra' ? ('extra' as const) : ('off' as const),
			startMinute,
			endMinute,
			note: form.note
		};
	})
	.meta({ id: 'ConsultantException' });
export type ConsultantExceptionInput = z.output<typeof consultantExceptionInput>;

export const consultantExceptionRemoval = z
	.object({ consultantId: uuid('dept_avail_consultant_unknown'), id: uuid('dept_avail_exception_gone') })
	.meta({ id: 'ConsultantExceptionRemoval' });

export const CASE_LOG_PAGE_SIZE = 50;
/** The case access log's filter: a date range (inclusive, Seoul dates) and a page. */
export const caseLogQuery = z
	.object({
		from: calendarDate('dept_caselog_date_invalid').optional().or(z.literal('').transform(() => undefined)),
		to: calendarDate('dept_caselog_date_invalid').optional().or(z.literal('').transform(() => undefined)),
		page: z.preprocess((v) => (v === undefined || v === '' ? 1 : typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : v), z.number({ error: 'input_invalid' }).int().min(1, { error: 'input_invalid' }))
	})
	.refine((q) => !q.from || !q.to || q.to >= q.from, { path: ['to'], error: 'dept_caselog_range_invalid', when: whenValid('from', 'to') })
	.meta({ id: 'CaseLogQuery' });
export type CaseLogQueryInput = z.output<typeof caseLogQuery>;

// ---------- The API of a consultant's availability (staff) ----------

const hhmm = z.string({ error: 'dept_avail_time_invalid' }).meta({ description: 'HH:MM, Seoul wall clock, on the 30-minute grid (24:00 ends a day)', example: '14:00' });

/** PUT /api/v1/consultants/{id}/hours: the whole weekly template (replaces the current one). */
export const weeklyHoursRequest = z
	.object({
		hours: z
			.array(z.object({ weekday: z.int({ error: 'dept_avail_weekday_required' }).min(0).max(6).meta({ description: '0 Sunday … 6 Saturday' }), start: hhmm, end: hhmm }), {
				error: 'input_invalid'
			})
			.max(AVAILABILITY_MAX_SPANS)
	})
	.transform((body, ctx) => {
		const spans: { weekday: number; startMinute: number; endMinute: number }[] = [];
		body.hours.forEach((h, i) => {
			const startMinute = gridMinute(h.start);
			const endMinute = gridMinute(h.end);
			const path = ['hours', i];
			if (startMinute === null || endMinute === null) ctx.addIssue({ code: 'custom', path, message: 'dept_avail_time_invalid' });
			else if (endMinute <= startMinute) ctx.addIssue({ code: 'custom', path, message: 'dept_avail_end_after_start' });
			else if (spans.some((b) => b.weekday === h.weekday && b.startMinute < endMinute && startMinute < b.endMinute))
				ctx.addIssue({ code: 'custom', path, message: 'dept_avail_overlap' });
			else spans.push({ weekday: h.weekday, startMinute, endMinute });
		});
		return spans.sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
	})
	.meta({ id: 'ConsultantWeeklyHours' });

/** POST /api/v1/consultants/{id}/exceptions: as the page's form, the consultant from the path. */
export const exceptionRequest = z
	.object({
		date: calendarDate('dept_avail_date_invalid'),
		kind: oneOf(EXCEPTION_KINDS, 'dept_avail_kind_invalid').meta({ description: 'off_day: leave the whole day; off_hours: off between start and end; extra: extra hours' }),
		start: hhmm.optional(),
		end: hhmm.optional(),
		note: safeText({ max: EXCEPTION_NOTE_MAX_LENGTH, optional: true }).optional()
	})
	.meta({ id: 'ConsultantExceptionRequest' });
