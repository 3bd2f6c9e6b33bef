/**
 * Training programmes and their sessions, published by the owning department's staff (or an
 * admin). A session in one of the center's rooms holds the room through the reservation engine's
 * table for its time (a hold whose booking_id is the session), so nobody else can book the hall
 * then; a clash refuses the whole programme like a booking's (409 with the conflicts).
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { TrainingProgrammeInput } from '../../schemas/trainings';
import * as audit from '../audit';
import type { SessionUser } from '../auth/sessions';
import { can } from '../auth/permissions';
import { db } from '../db';
import { department, room, trainingProgramme, trainingRegistration, trainingSession } from '../db/schema';
import { ConflictError, ForbiddenError, ValidationError, type Violation } from '../errors';
import { clashesOfEach, insertMany, lockResources, type Clash } from '../engine/holds.store';
import { isOverlap } from '../engine/retry';

export interface CreatedProgramme {
	id: string;
	sessions: { id: string; start: string; end: string; capacity: number; opensAt: string; closesAt: string }[];
}

/** Staff of the department (or an admin) manage its programmes. */
export function mayManage(actor: SessionUser, departmentId: string): boolean {
	return actor.role === 'admin' || (can(actor, 'trainings.manage') && actor.departmentId === departmentId);
}

/**
 * Publish a programme with its sessions in one transaction: the rooms' locks, their clashes
 * checked, every hold inserted (the exclusion constraint the guarantee) — all or nothing. A room
 * smaller than a session's capacity is refused on that session's field.
 */
export async function create(actor: SessionUser, input: TrainingProgrammeInput): Promise<CreatedProgramme> {
	const [owner] = await db.select({ id: department.id }).from(department).where(eq(department.code, input.department));
	if (!owner) throw new ValidationError([{ rule: 'department', messageKey: 'training_department_invalid' }]);
	if (!mayManage(actor, owner.id)) throw new ForbiddenError();
	const roomIds = [...new Set(input.sessions.flatMap((s) => (s.roomId ? [s.roomId] : [])))];
	const rooms = roomIds.length ? await db.select({ id: room.resourceId, capacity: room.capacity, nameKo: room.nameKo }).from(room).where(inArray(room.resourceId, roomIds)) : [];
	const roomOf = new Map(rooms.map((r) => [r.id, r]));
	const problems: Violation[] = [];
	input.sessions.forEach((s, i) => {
		if (!s.roomId) return;
		const r = roomOf.get(s.roomId);
		if (!r) problems.push({ rule: `sessions.${i}.roomId`, messageKey: 'training_room_invalid' });
		else if (r.capacity < s.capacity) problems.push({ rule: `sessions.${i}.capacity`, messageKey: 'training_room_too_small', params: { room: r.nameKo, seats: r.capacity } });
	});
	if (problems.length) throw new ValidationError(problems);

	const programmeId = crypto.randomUUID();
	const sessions = input.sessions.map((s, position) => ({ ...s, id: crypto.randomUUID(), position }));
	try {
		await db.transaction(async (tx) => {
			await tx.insert(trainingProgramme).values({
				id: programmeId,
				departmentId: owner.id,
				titleKo: input.title.ko,
				titleEn: input.title.en,
				descriptionKo: input.description.ko,
				descriptionEn: input.description.en,
				audience: input.audience,
				createdBy: actor.id
			});
			await tx.insert(trainingSession).values(
				sessions.map((s) => ({
					id: s.id,
					programmeId,
					position: s.position,
					startsAt: s.start,
					endsAt: s.end,
					roomId: s.roomId ?? null,
					venueName: s.venue?.name ?? null,
					venueAddress: s.venue?.address ?? null,
					capacity: s.capacity,
					region: s.region,
					district: s.district || null,
					opensAt: s.opensAt,
					closesAt: s.closesAt,
					cancelCutoff: s.cancelCutoff ?? null,
					perSchoolCap: s.perSchoolCap ?? null,
					mode: s.mode,
					lotteryMinutes: s.mode === 'lottery' ? (s.lotteryMinutes ?? null) : null
				}))
			);
			const held = sessions.filter((s) => s.roomId);
			if (held.length) {
				await lockResources(tx, roomIds);
				const wanted = held.map((s) => ({ resourceId: s.roomId!, heldFrom: s.start, heldUntil: s.end }));
				const each = await clashesOfEach(wanted, tx);
				const clashes = each.flat();
				if (clashes.length) throw new RoomTaken(clashes);
				await insertMany(
					tx,
					held.map((s) => ({
						id: crypto.randomUUID(),
						resourceId: s.roomId!,
						startsAt: s.start,
						endsAt: s.end,
						heldFrom: s.start,
						heldUntil: s.end,
						status: 'confirmed' as const,
						bookedBy: actor.id,
						schoolId: null,
						purpose: input.title.ko,
						attendees: s.capacity,
						seriesId: null,
						// The session names the booking: the room lists leave it out, the board shows the room busy.
						bookingId: s.id
					})),
					{ skipClashing: false }
				);
			}
			await audit.record(tx, { actorId: actor.id, action: 'training.create', entity: 'training_programme', entityId: programmeId, after: { title: input.title, sessions: sessions.length } });
		});
	} catch (error) {
		if (error instanceof RoomTaken) throw new ConflictError('booking_conflict').with({ conflicts: error.clashes });
		if (isOverlap(error)) throw new ConflictError('booking_conflict').with({ conflicts: [] });
		throw error;
	}
	return {
		id: programmeId,
		sessions: sessions.map((s) => ({ id: s.id, start: s.start.toISOString(), end: s.end.toISOString(), capacity: s.capacity, opensAt: s.opensAt.toISOString(), closesAt: s.closesAt.toISOString() }))
	};
}

class RoomTaken extends Error {
	constructor(readonly clashes: Clash[]) {
		super('room taken');
	}
}

export interface SessionSummary {
	id: string;
	start: string;
	end: string;
	place: { roomId: string; nameKo: string; nameEn: string } | { venue: { name: string; address: string } };
	region: string;
	district: string | null;
	capacity: number;
	confirmed: number;
	waiting: number;
	opensAt: string;
	closesAt: string;
	cancelCutoff: string | null;
	perSchoolCap: number | null;
	mode: 'first_come' | 'lottery';
}

export interface ProgrammeSummary {
	id: string;
	title: { ko: string; en: string };
	description: { ko: string; en: string };
	department: { code: string; nameKo: string; nameEn: string };
	audience: string[];
	sessions: SessionSummary[];
}

/** Every programme with its sessions and their counts (capacity, confirmed, waiting), in two queries. */
export async function list(): Promise<ProgrammeSummary[]> {
	const programmes = await db
		.select({ p: trainingProgramme, code: department.code, nameKo: department.nameKo, nameEn: department.nameEn })
		.from(trainingProgramme)
		.innerJoin(department, eq(department.id, trainingProgramme.departmentId))
		.orderBy(asc(trainingProgramme.createdAt));
	if (programmes.length === 0) return [];
	const sessions = await db
		.select({
			s: trainingSession,
			roomKo: room.nameKo,
			roomEn: room.nameEn,
			waiting: sql<number>`(select count(*)::int from ${trainingRegistration} r where r.session_id = training_session.id and r.status = 'waitlisted')`
		})
		.from(trainingSession)
		.leftJoin(room, eq(room.resourceId, trainingSession.roomId))
		.where(inArray(trainingSession.programmeId, programmes.map((p) => p.p.id)))
		.orderBy(asc(trainingSession.programmeId), asc(trainingSession.position));
	return programmes.map(({ p, code, nameKo, nameEn }) => ({
		id: p.id,
		title: { ko: p.titleKo, en: p.titleEn },
		description: { ko: p.descriptionKo, en: p.descriptionEn },
		department: { code, nameKo, nameEn },
		audience: p.audience,
		sessions: sessions
			.filter((x) => x.s.programmeId === p.id)
			.map(({ s, roomKo, roomEn, waiting }) => ({
				id: s.id,
				start: s.startsAt.toISOString(),
				end: s.endsAt.toISOString(),
				place: s.roomId ? { roomId: s.roomId, nameKo: roomKo ?? '', nameEn: roomEn ?? '' } : { venue: { name: s.venueName ?? '', address: s.venueAddress ?? '' } },
				region: s.region,
				district: s.district,
				capacity: s.capacity,
				confirmed: s.confirmedCount,
				waiting: Number(waiting),
				opensAt: s.opensAt.toISOString(),
				closesAt: s.closesAt.toISOString(),
				cancelCutoff: s.cancelCutoff?.toISOString() ?? null,
				perSchoolCap: s.perSchoolCap,
				mode: s.mode
			}))
	}));
}
