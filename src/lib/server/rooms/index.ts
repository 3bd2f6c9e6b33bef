import type { Room } from '../db/schema';
import { loadRoom, loadRooms, type RoomWithRules } from './store';
import type { RoomRules, WeeklyHours } from './rules';

export type CatalogueRoom = Room & { requiresApproval: boolean };

const asCatalogue = ({ room: r, rules }: RoomWithRules): CatalogueRoom => ({ ...r, requiresApproval: rules.requiresApproval });

/** The public catalogue: active rooms in display order, with whether they need approval. */
export async function catalogue(): Promise<CatalogueRoom[]> {
	return (await loadRooms()).map(asCatalogue);
}

export async function find(id: string): Promise<CatalogueRoom | null> {
	const found = await loadRoom(id);
	return found ? asCatalogue(found) : null;
}

/** A room as anyone may read it (the public room page): an allow-list of fields. */
export type PublicRoom = Pick<
	Room,
	| 'resourceId'
	| 'code'
	| 'nameKo'
	| 'nameEn'
	| 'floor'
	| 'capacity'
	| 'equipment'
	| 'accessibility'
	| 'descriptionKo'
	| 'descriptionEn'
	| 'locationKo'
	| 'locationEn'
	| 'freeOfCharge'
	| 'feeNoteKo'
	| 'feeNoteEn'
	| 'officeNameKo'
	| 'officeNameEn'
	| 'officePhone'
>;
/** The booking rules anyone may read; who may book (roles, school ids) stays with facility staff. */
export type PublicRules = Omit<RoomRules, 'allowedRoles' | 'allowedSchoolIds'>;

/**
 * The public facts of a room for its page and its `__data.json`, whoever asks: no ids of the
 * schools allowed to book it, no role list. Facility staff edit those at /facility/rooms/{id}.
 */
export function publicFacts(target: RoomWithRules): { room: PublicRoom; rules: PublicRules; hours: WeeklyHours[] } {
	const { room: r, rules, hours } = target;
	const { allowedRoles: _roles, allowedSchoolIds: _schools, ...publicRules } = rules;
	return {
		room: {
			resourceId: r.resourceId,
			code: r.code,
			nameKo: r.nameKo,
			nameEn: r.nameEn,
			floor: r.floor,
			capacity: r.capacity,
			equipment: r.equipment,
			accessibility: r.accessibility,
			descriptionKo: r.descriptionKo,
			descriptionEn: r.descriptionEn,
			locationKo: r.locationKo,
			locationEn: r.locationEn,
			freeOfCharge: r.freeOfCharge,
			feeNoteKo: r.feeNoteKo,
			feeNoteEn: r.feeNoteEn,
			officeNameKo: r.officeNameKo,
			officeNameEn: r.officeNameEn,
			officePhone: r.officePhone
		},
		rules: publicRules,
		hours
	};
}
