import { and, asc, eq, sql } from 'drizzle-orm';
import type { RoomDetailsInput } from '../../../room-details';
import * as audit from '../../audit';
import { can, type Actor } from '../../auth/permissions';
import * as clock from '../../clock';
import { db } from '../../db';
import { isUniqueViolation } from '../../db/errors';
import { openingHours, resource, room, roomRule, school, type Room } from '../../db/schema';
import { isUuid } from '../../db/sql';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { DEFAULT_RULES, type RoomRules, type WeeklyHours } from '../../rooms/rules';
import { loadManagedRoom, loadManagedRooms } from '../../rooms/store';
import { checkNewRoom, checkRoomDetails, checkRoomRules, checkWeeklyHoursForm } from './checks';
import type { NewRoomInput, OpeningHoursInput, RoomRulesInput } from './forms';
import { toHoursRows, toRoomValues, toRuleValues } from './rows';

function ensureMayManage(actor: Actor) {
	if (!can(actor, 'rooms.manage')) throw new ForbiddenError();
}

export interface ManagedRoomSummary {
	id: string;
	code: string;
	nameKo: string;
	nameEn: string;
	floor: number;
	capacity: number;
	active: boolean;
	requiresApproval: boolean;
	ownHours: boolean;
}

/** Every room, active or not, in display order. */
export async function listRooms(actor: Actor): Promise<ManagedRoomSummary[]> {
	ensureMayManage(actor);
	return (await loadManagedRooms()).map(({ room: r, active, rules, ownHours }) => ({
		id: r.resourceId,
		code: r.code,
		nameKo: r.nameKo,
		nameEn: r.nameEn,
		floor: r.floor,
		capacity: r.capacity,
		active,
		requiresApproval: rules.requiresApproval,
		ownHours: ownHours.length > 0
	}));
}

export interface ManagedRoom {
	room: Room;
	active: boolean;
	rules: RoomRules;
	ownHours: WeeklyHours[];
	centerHours: WeeklyHours[];
}

/**
 * Throws NotFoundError unless the room exists (and the actor may manage rooms). Actions call it
 * before judging their fields: a form posted to a room that is not there is a 404, not a 422.
 */
export async function ensureRoomExists(actor: Actor, id: string): Promise<void> {
	ensureMayManage(actor);
	if (!isUuid(id)) throw new NotFoundError('room_not_found');
	const [row] = await db.select({ id: room.resourceId }).from(room).where(eq(room.resourceId, id));
	if (!row) throw new NotFoundError('room_not_found');
}

export async function getRoom(actor: Actor, id: string): Promise<ManagedRoom> {
	ensureMayManage(actor);
	const found = await loadManagedRoom(id);
	if (!found) throw new NotFoundError('room_not_found');
	const { room: r, active, rules, ownHours, centerHours } = found;
	return { room: r, active, rules, ownHours, centerHours };
}

export async function listSchoolsForRules() {
	return db.select({ id: school.id, nameKo: school.nameKo, nameEn: school.nameEn }).from(school).orderBy(asc(school.level), asc(school.nameKo));
}

export async function saveDetails(actor: Actor, id: string, input: RoomDetailsInput): Promise<void> {
	const before = await getRoom(actor, id);
	const violations = checkRoomDetails(input);
	if (violations.length) throw new ValidationError(violations);
	const values = toRoomValues(input);
	await db.transaction(async (tx) => {
		await tx.update(room).set(values).where(eq(room.resourceId, id));
		await tx.update(resource).set({ active: input.active }).where(eq(resource.id, id));
		const { resourceId: _id, code: _code, sortOrder: _order, ...was } = before.room;
		await audit.record(tx, {
			actorId: actor.id,
			action: 'room.update',
			entity: 'room',
			entityId: id,
			before: { ...was, active: before.active },
			after: { ...values, active: input.active }
		});
	});
}

/**
 * Add a room. It starts with the default booking rules and the center's opening hours; staff set
 * its own on the room's page. Returns its id.
 */
export async function createRoom(actor: Actor, input: NewRoomInput): Promise<string> {
	ensureMayManage(actor);
	const violations = checkNewRoom(input);
	if (violations.length) throw new ValidationError(violations);
	const code = input.code.trim();
	const values = toRoomValues(input);
	const codeTaken = () => new ValidationError([{ rule: 'code', messageKey: 'facility_code_taken', params: { code } }]);
	if ((await db.select({ id: room.resourceId }).from(room).where(eq(room.code, code))).length) throw codeTaken();
	try {
		return await db.transaction(async (tx) => {
			const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${room.sortOrder}), 0)::int + 1` }).from(room)) as [{ next: number }];
			const [created] = await tx.insert(resource).values({ kind: 'room', active: input.active }).returning({ id: resource.id });
			const id = created!.id;
			await tx.insert(room).values({ resourceId: id, code, ...values, sortOrder: next });
			await tx.insert(roomRule).values({ resourceId: id, ...DEFAULT_RULES, updatedAt: clock.now() });
			await audit.record(tx, { actorId: actor.id, action: 'room.create', entity: 'room', entityId: id, after: { code, ...values, active: input.active } });
			return id;
		});
	} catch (error) {
		// Someone added a room with this code in the meantime.
		if (isUniqueViolation(error, 'room_code_unique')) throw codeTaken();
		throw error;
	}
}

export async function saveRules(actor: Actor, id: string, input: RoomRulesInput): Promise<void> {
	const before = await getRoom(actor, id);
	const schools = await listSchoolsForRules();
	const violations = checkRoomRules(input, { schoolIds: schools.map((s) => s.id) });
	if (violations.length) throw new ValidationError(violations);
	const values = toRuleValues(input);
	await db.transaction(async (tx) => {
		await tx
			.insert(roomRule)
			.values({ ...values, resourceId: id, updatedAt: clock.now() })
			.onConflictDoUpdate({ target: roomRule.resourceId, set: { ...values, updatedAt: clock.now() } });
		await audit.record(tx, {
			actorId: actor.id,
			action: 'room.rules.update',
			entity: 'room',
			entityId: id,
			before: before.rules,
			after: values
		});
	});
}

/** Replace the room's weekly hours; none means it follows the center's. */
export async function saveHours(actor: Actor, id: string, input: OpeningHoursInput): Promise<void> {
	const before = await getRoom(actor, id);
	const violations = checkWeeklyHoursForm(input);
	if (violations.length) throw new ValidationError(violations);
	const rows = toHoursRows(input);
	await db.transaction(async (tx) => {
		await tx.delete(openingHours).where(and(eq(openingHours.resourceId, id)));
		if (rows.length) await tx.insert(openingHours).values(rows.map((r) => ({ ...r, resourceId: id })));
		await audit.record(tx, {
			actorId: actor.id,
			action: 'room.hours.update',
			entity: 'room',
			entityId: id,
			before: { own: before.ownHours },
			after: { own: rows, useCenterHours: input.useCenterHours }
		});
	});
}
