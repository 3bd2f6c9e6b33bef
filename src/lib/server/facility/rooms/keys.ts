/** Stable keys the message files label as equipment_<key> and access_<key>. */
export const EQUIPMENT_KEYS = [
	'projector',
	'display',
	'microphone',
	'recording',
	'stage_lighting',
	'video_conference',
	'whiteboard',
	'pc',
	'printer',
	'soundproofing'
] as const;
export const ACCESSIBILITY_KEYS = [
	'step_free',
	'elevator',
	'accessible_toilet',
	'hearing_loop',
	'wheelchair_seating',
	'separate_entrance'
] as const;
/** The time grids room_rule accepts (its CHECK constraint says the same). */
export const GRANULARITIES_MINUTES = [5, 10, 15, 20, 30, 60] as const;
/** 0 = Sunday … 6 = Saturday; shown Monday first, as Korean calendars at work do. */
export const WEEKDAYS_MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const;
