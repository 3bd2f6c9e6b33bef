/**
 * A department's topics, edited by the department's own staff: the list (active or not), a
 * change and a new topic, each audited (before/after) in its transaction like a room's rules.
 * Another department's topic is a 404, as if it were not there.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { ConsultationTopicInput } from '../../schemas/consultations';
import * as audit from '../audit';
import { can, type Actor } from '../auth/permissions';
import * as clock from '../clock';
import { db } from '../db';
import { consultationTopic, department, type ConsultationTopic } from '../db/schema';
import { isUuid } from '../db/sql';
import { ForbiddenError, NotFoundError } from '../errors';

function ensureMayPublish(actor: Actor, departmentId: string | null): asserts departmentId is string {
	if (departmentId === null || !can(actor, 'consultations.publish_availability', { departmentId })) throw new ForbiddenError();
}

/** Every topic of the actor's department, active ones first, in their order. */
export async function listOwn(actor: Actor): Promise<ConsultationTopic[]> {
	ensureMayPublish(actor, actor.departmentId);
	return db
		.select()
		.from(consultationTopic)
		.where(eq(consultationTopic.departmentId, actor.departmentId))
		.orderBy(sql`${consultationTopic.active} desc`, asc(consultationTopic.sortOrder), asc(consultationTopic.nameKo));
}

/** The columns a topic's input sets. */
const valuesOf = (input: ConsultationTopicInput) => ({
	nameKo: input.nameKo,
	nameEn: input.nameEn,
	descriptionKo: input.descriptionKo,
	descriptionEn: input.descriptionEn,
	durationMinutes: input.durationMinutes,
	bufferMinutes: input.bufferMinutes,
	modes: input.modes,
	leadTimeMinutes: input.leadTimeMinutes,
	cancelCutoffMinutes: input.cancelCutoffMinutes,
	openLimitPerSchool: input.openLimitPerSchool,
	requiresConfirmation: input.requiresConfirmation,
	active: input.active
});

/** A topic of the actor's own department, or NotFoundError (another department's too). */
async function ownTopic(actor: Actor, id: string): Promise<ConsultationTopic> {
	ensureMayPublish(actor, actor.departmentId);
	if (!isUuid(id)) throw new NotFoundError('dept_topics_not_found');
	const [row] = await db
		.select()
		.from(consultationTopic)
		.where(and(eq(consultationTopic.id, id), eq(consultationTopic.departmentId, actor.departmentId)));
	if (!row) throw new NotFoundError('dept_topics_not_found');
	return row;
}

export async function update(actor: Actor, id: string, input: ConsultationTopicInput): Promise<void> {
	const before = await ownTopic(actor, id);
	const values = valuesOf(input);
	await db.transaction(async (tx) => {
		await tx.update(consultationTopic).set({ ...values, updatedAt: clock.now() }).where(eq(consultationTopic.id, id));
		const { id: _id, departmentId: _d, sortOrder: _s, updatedAt: _u, horizonDays: _h, ...was } = before;
		await audit.record(tx, { actorId: actor.id, action: 'consultation.topic.update', entity: 'consultation_topic', entityId: id, before: was, after: values });
	});
}

/** Add a topic to the actor's department, last in its order. Returns its id. */
export async function create(actor: Actor, input: ConsultationTopicInput): Promise<string> {
	ensureMayPublish(actor, actor.departmentId);
	const departmentId = actor.departmentId;
	const values = valuesOf(input);
	return db.transaction(async (tx) => {
		const [{ next }] = (await tx
			.select({ next: sql<number>`coalesce(max(${consultationTopic.sortOrder}), 0)::int + 1` })
			.from(consultationTopic)
			.where(eq(consultationTopic.departmentId, departmentId))) as [{ next: number }];
		const [row] = await tx
			.insert(consultationTopic)
			.values({ ...values, departmentId, sortOrder: next, updatedAt: clock.now() })
			.returning({ id: consultationTopic.id });
		await audit.record(tx, { actorId: actor.id, action: 'consultation.topic.create', entity: 'consultation_topic', entityId: row!.id, after: values });
		return row!.id;
	});
}

/** The actor's department's names (for the department pages' headings), or null for a user of none. */
export async function departmentOf(actor: Actor): Promise<{ id: string; code: string; nameKo: string; nameEn: string } | null> {
	if (actor.departmentId === null) return null;
	const [row] = await db
		.select({ id: department.id, code: department.code, nameKo: department.nameKo, nameEn: department.nameEn })
		.from(department)
		.where(eq(department.id, actor.departmentId));
	return row ?? null;
}
