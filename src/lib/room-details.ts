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
	/** Where the room is (e.g. "본관 2층 엘리베이터 옆"); optional. */
	locationKo: string;
	locationEn: string;
	freeOfCharge: boolean;
	/** Required in both languages when the room is not free of charge. */
	feeNoteKo: string;
	feeNoteEn: string;
	/** Responsible office (담당 부서) and its phone; optional. */
	officeNameKo: string;
	officeNameEn: string;
	officePhone: string;
	active: boolean;
}
