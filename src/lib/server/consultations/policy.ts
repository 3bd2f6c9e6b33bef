import { sql } from 'drizzle-orm';
import type { ConsultationInput } from '../../schemas/consultations';
import { MINUTE_MS, seoulDate } from '../../time/seoul';
import { can, MEDIATION_DEPARTMENT_CODE } from '../auth/permissions';
import type { SessionUser } from '../auth/sessions';
import * as clock from '../clock';
import { heldInterval } from '../engine/held';
import type { Limit } from '../engine/limits';
import type { Loaded, PlannedOccurrence, Policy } from '../engine/policy';
import type { Violation } from '../errors';
import { consultationNotices } from './notify';
import { nextSlots, searchSlots, weekOf } from './search';
import { chooseConsultant } from './slots';
import { consultationsDuring, loadTopic, type ConsultantRow, type ConsultationRoom, type TopicWithDepartment } from './store';

/** A free time offered instead of a refused one. */
export interface SlotAlternative {
	start: string;
	end: string;
}

/** What a consultation booking loaded: its topic and department, and the consultant and room it holds. */
export interface ConsultationTarget extends TopicWithDepartment {
	consultant: ConsultantRow;
	room: ConsultationRoom | null;
	input: ConsultationInput;
	/** Consultants and rooms that were tried already and lost a race (the service's retries). */
	excluded: ReadonlySet<string>;
}

/** What a booking request carries beyond the form: the resources a retry must not try again. */
export interface ConsultationRequest extends ConsultationInput {
	exclude?: ReadonlySet<string>;
}


/** The words on a consultation's holds: the topic, or only the department for 화해조정부 (case information). */
export function holdPurpose(found: TopicWithDepartment): string {
	return found.department.code === MEDIATION_DEPARTMENT_CODE ? `${found.department.nameKo} 상담` : `상담: ${found.topic.nameKo}`;
}

/**
 * How consultations are booked, told to the engine: the topic is the service, the slot search
 * (search.ts over slots.ts) decides what may be booked and which consultant and room a booking
 * holds (all or nothing), the topic's per-school limit is a counted limit, and the service's record
 * (the consultation row with its reference) is written in the booking's own statement.
 */
export const consultationPolicy: Policy<ConsultationRequest, ConsultationTarget, SlotAlternative> = {
	mayBook: (actor) => can(actor, 'consultations.book'),

	unknownTarget: { rule: 'topicId', messageKey: 'consultation_topic_required' },

	async load(actor, input, now) {
		const found = await loadTopic(input.topicId);
		if (!found) return null;
		const { topic } = found;
		const violations: Violation[] = [];
		if (!topic.modes.includes(input.mode)) violations.push({ rule: 'mode', messageKey: 'consultation_mode_not_offered' });
		const date = seoulDate(input.start);
		const excluded = input.exclude ?? new Set<string>();
		const search = { from: date, to: date, mode: input.mode, consultantId: input.consultantId };
		const { slots, consultants, rooms } = await searchSlots(found, search, now);
		if (input.consultantId && !consultants.some((c) => c.id === input.consultantId))
			violations.push({ rule: 'consultantId', messageKey: 'consultation_consultant_unknown' });
		const slot = slots.find((s) => s.start === input.start.getTime());
		let consultant: ConsultantRow | undefined;
		let room: ConsultationRoom | null = null;
		if (slot) {
			const free = slot.consultantIds.filter((id) => !excluded.has(id));
			const counts = await consultationsDuring(free, weekOf(input.start).from, weekOf(input.start).to);
			const chosen = input.consultantId && free.includes(input.consultantId) ? input.consultantId : chooseConsultant(free, counts);
			consultant = consultants.find((c) => c.id === chosen);
			const roomId = slot.roomIds.find((id) => !excluded.has(id));
			room = rooms.find((r) => r.id === roomId) ?? null;
		}
		if (!consultant || (input.mode === 'visit' && !room)) {
			// Not free now: taken (the template offers it, holds fill it: the insert will say 409 with
			// alternatives) or never offered (422).
			const offered = (await searchSlots(found, { ...search, ignoreHolds: true }, now)).slots.find((s) => s.start === input.start.getTime());
			if (!offered) violations.push({ rule: 'start', messageKey: 'consultation_slot_not_offered' });
			else {
				consultant = consultants.find((c) => c.id === (input.consultantId ?? offered.consultantIds[0]));
				if (input.mode === 'visit') room = rooms.find((r) => r.id === offered.roomIds[0]) ?? rooms[0] ?? null;
			}
		}
		if (!consultant) {
			violations.push({ rule: 'start', messageKey: 'consultation_slot_not_offered' });
			consultant = consultants[0] ?? { id: '', userId: '', name: '', email: '', departmentId: found.department.id, titleKo: '', titleEn: '' };
		}
		const target: ConsultationTarget = { ...found, consultant, room, input, excluded };
		const end = new Date(input.start.getTime() + topic.durationMinutes * MINUTE_MS);
		const holds: PlannedOccurrence['holds'] = [
			{ resourceId: consultant.id, heldFrom: input.start, heldUntil: new Date(end.getTime() + topic.bufferMinutes * MINUTE_MS) }
		];
		if (room) holds.push({ resourceId: room.id, ...heldInterval(input.start, end, room) });
		const schoolId = actor.schoolId;
		return {
			target,
			resourceIds: holds.map((h) => h.resourceId),
			recurring: false,
			status: topic.requiresConfirmation ? 'requested' : 'confirmed',
			details: { bookedBy: actor.id, schoolId, purpose: holdPurpose(found), attendees: 1 },
			planned: { start: input.start, end, holds, violations: dedupe(violations), conflicts: [], limits: openLimits(found, schoolId, now) }
		} satisfies Loaded<ConsultationTarget>;
	},

	// One occurrence, planned by the loader.
	plan: async () => [],

	alternatives: (_actor, target, input, now) => nextSlots(target, input, now),

	notices: (actor, loaded, created, executor) => consultationNotices(actor, loaded, created, executor),

	record(loaded, created) {
		const { target } = loaded;
		const id = created.created[0]!.id;
		const year = Number(seoulDate(clock.now()).slice(0, 4));
		return sql`insert into consultation (id, reference, topic_id, department_id, consultant_id, room_id, mode, school_id, description)
			select ${id}::uuid, next_reference('C', ${year}::int), ${target.topic.id}::uuid, ${target.department.id}::uuid,
				${target.consultant.id}::uuid, ${target.room?.id ?? null}::uuid, ${target.input.mode}, ${loaded.details.schoolId}::uuid,
				${target.input.description}
			from inserted where inserted.id = ${id}::uuid`;
	}
};

function dedupe(violations: Violation[]): Violation[] {
	const seen = new Set<string>();
	return violations.filter((v) => {
		const key = `${v.rule}:${v.messageKey}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** The topic's per-school limit of open consultations with its department, as an engine limit. */
export function openLimits(found: TopicWithDepartment, schoolId: string | null, now: Date): Limit[] {
	const max = found.topic.openLimitPerSchool;
	if (max === null || schoolId === null) return [];
	const departmentId = found.department.id;
	return [
		{
			key: `consult-open:${departmentId}:${schoolId}`,
			max,
			amount: 1,
			used: sql<number>`consultation_open_count(${departmentId}::uuid, ${schoolId}::uuid, ${now.toISOString()}::timestamptz)`,
			refusal: (used) => ({
				rule: 'openLimit',
				messageKey: 'consultation_open_limit',
				params: { max, used }
			})
		}
	];
}
