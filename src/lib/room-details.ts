/**
 * A room's details as staff type them (kept as text, so a refused form comes back unchanged).
 * Shared by the add and edit forms (components) and the facility service that checks them.
 */
export interface RoomDetailsInput {
	nameKo: string;
	nameEn: string;
	floor: string;
	capacity: string;
	equipment: string[];
	accessibility: string[];
	descriptionKo: string;
	descriptionEn: string;
	active: boolean;
}
