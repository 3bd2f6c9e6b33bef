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
