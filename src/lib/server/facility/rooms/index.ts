/**
 * Facility staff manage rooms: their details, booking rules and weekly hours. One module to
 * import (`import * as facilityRooms from '$lib/server/facility/rooms'`), split by concern:
 * keys and limits, form shapes, checks, form-to-row mapping, and the service that stores them.
 * Photos have their own module: `import * as roomPhotos from '$lib/server/facility/rooms/photos'`.
 */
export { ACCESSIBILITY_KEYS, EQUIPMENT_KEYS, GRANULARITIES_MINUTES, WEEKDAYS_MONDAY_FIRST } from './keys';
export { CODE_MAX_LENGTH, DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, PHOTO_ALT_MAX_LENGTH, PHOTO_MAX_BYTES, PHOTOS_PER_ROOM } from './limits';
export {
	blankNewRoom,
	detailsAsInput,
	hoursAsInput,
	rulesAsInput,
	type DayHoursInput,
	type NewRoomInput,
	type OpeningHoursInput,
	type RoomDetailsInput,
	type RoomRulesInput
} from './forms';
export { checkNewRoom, checkRoomDetails, checkRoomRules, checkWeeklyHoursForm } from './checks';
export { toHoursRows, toRoomValues, toRuleValues } from './rows';
export {
	createRoom,
	ensureRoomExists,
	getRoom,
	listRooms,
	listSchoolsForRules,
	saveDetails,
	saveHours,
	saveRules,
	type ManagedRoom,
	type ManagedRoomSummary
} from './service';
