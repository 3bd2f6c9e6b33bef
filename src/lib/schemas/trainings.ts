/**
 * Request shapes of trainings (POST /api/v1/trainings, the registration endpoint and the staff's
 * forms), shared with the OpenAPI document.
 */
import * as z from 'zod';
import { REGION_CODES } from '../regions';
import { AUDIENCES, CAPACITY_MAX, PARTICIPANTS_MAX, SESSION_MODES } from '../trainings';
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN, isPhoneNumber, PHONE_MAX_LENGTH } from './contact';
import { boundedInt, instant, oneOf, safeText, uuid, whenValid } from './primitives';
import { VISIT_DEPARTMENT_CODES } from './visits';

const bilingual = (max: number, optional = false) =>
	z.object({ ko: safeText({ max, optional, multiline: max > 200 }), en: safeText({ max, optional, multiline: max > 200 }) });

export const trainingSessionInput = z
	.object({
		start: instant(),
		end: instant(),
		roomId: uuid('training_room_invalid').optional().meta({ description: "One of the center's rooms (held through the engine), or give `venue`" }),
		venue: z.object({ name: safeText({ max: 100 }), address: safeText({ max: 200 }) }).optional().meta({ description: 'An outside venue, e.g. 충청남도교육연수원 대강당' }),
		capacity: boundedInt(1, CAPACITY_MAX, 'training_capacity_invalid'),
		region: oneOf(REGION_CODES, 'training_region_invalid'),
		district: safeText({ max: 40, optional: true }).optional().meta({ description: 'A district of the region, e.g. 천안 (optional)' }),
		opensAt: instant(),
		closesAt: instant(),
		cancelCutoff: instant().optional(),
		perSchoolCap: boundedInt(1, CAPACITY_MAX, 'training_cap_invalid').optional(),
		mode: oneOf(SESSION_MODES, 'training_mode_invalid').default('first_come'),
		lotteryMinutes: boundedInt(1, 24 * 60, 'training_lottery_minutes_invalid').optional()
	})
	.check((payload) => {
		// Only on a session whose fields parsed (their values are then Dates and known choices).
		if (!whenValid('start', 'end', 'opensAt', 'closesAt', 'roomId', 'venue', 'mode', 'lotteryMinutes', 'cancelCutoff')(payload)) return;
		const s = payload.value;
		const ctx = { addIssue: (issue: { code: 'custom'; message: string; path: string[] }) => payload.issues.push({ ...issue, input: s }) };
		if (s.start >= s.end) ctx.addIssue({ code: 'custom', message: 'training_end_before_start', path: ['end'] });
		if (s.opensAt >= s.closesAt) ctx.addIssue({ code: 'custom', message: 'training_window_invalid', path: ['closesAt'] });
		if (s.closesAt > s.end) ctx.addIssue({ code: 'custom', message: 'training_closes_after_end', path: ['closesAt'] });
		if (s.cancelCutoff && s.cancelCutoff > s.start) ctx.addIssue({ code: 'custom', message: 'training_cutoff_after_start', path: ['cancelCutoff'] });
		if ((s.roomId === undefined) === (s.venue === undefined)) ctx.addIssue({ code: 'custom', message: 'training_place_required', path: ['roomId'] });
		if ((s.mode === 'lottery') !== (s.lotteryMinutes !== undefined)) ctx.addIssue({ code: 'custom', message: 'training_lottery_minutes_required', path: ['lotteryMinutes'] });
	});
export type TrainingSessionInput = z.output<typeof trainingSessionInput>;

/** POST /api/v1/trainings */
export const trainingProgrammeInput = z
	.object({
		title: bilingual(200),
		description: bilingual(4000, true).default({ ko: '', en: '' }),
		department: oneOf(VISIT_DEPARTMENT_CODES, 'training_department_invalid'),
		audience: z.array(oneOf(AUDIENCES, 'training_audience_invalid'), { error: 'input_invalid' }).max(AUDIENCES.length).default([]),
		sessions: z.array(trainingSessionInput, { error: 'training_sessions_required' }).min(1, { error: 'training_sessions_required' }).max(50)
	})
	.meta({ id: 'TrainingProgramme' });
export type TrainingProgrammeInput = z.output<typeof trainingProgrammeInput>;

export const participantInput = z.object({
	name: safeText({ max: 50 }),
	position: safeText({ max: 50 }).meta({ description: 'e.g. 교장, 교감, 부장교사' }),
	email: safeText({ max: EMAIL_MAX_LENGTH })
		.refine((v) => v === '' || EMAIL_PATTERN.test(v), { error: 'training_email_invalid' })
		.transform((v) => v.toLowerCase())
		.meta({ format: 'email', description: 'The person: one session of a programme per address' }),
	phone: safeText({ max: PHONE_MAX_LENGTH, optional: true })
		.refine((v) => v === '' || isPhoneNumber(v), { error: 'training_phone_invalid' })
		.default('')
});
export type ParticipantInput = z.output<typeof participantInput>;

/** POST /api/v1/trainings/sessions/{id}/registrations */
export const registrationInput = z
	.object({
		participants: z
			.array(participantInput, { error: 'training_participants_required' })
			.min(1, { error: 'training_participants_required' })
			.max(PARTICIPANTS_MAX, { error: 'training_participants_too_many' })
			.refine((list) => new Set(list.map((p) => (typeof p.email === 'string' ? p.email.toLowerCase() : p.email))).size === list.length, { error: 'training_participants_repeated' })
	})
	.meta({ id: 'TrainingRegistration' });
export type RegistrationInput = z.output<typeof registrationInput>;

/** POST /api/v1/trainings/sessions/{id}/draw: a seed to publish (random when none is given). */
export const drawInput = z
	.object({ seed: z.string({ error: 'training_seed_invalid' }).regex(/^[A-Za-z0-9_-]{4,64}$/, { error: 'training_seed_invalid' }).optional().meta({ description: '4–64 of A–Z, a–z, 0–9, _ and -; random when absent' }) })
	.meta({ id: 'TrainingDraw' });
