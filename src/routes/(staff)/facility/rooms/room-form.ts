import * as facilityRooms from '$lib/server/facility/rooms';
import { all, checked, text } from '$lib/server/http/forms';

// The room forms as typed, read by hand: a refused form comes back with these values, and they
// must exist even when the form's schema ($lib/schemas/forms) refuses the post.

/** The room details fields (RoomDetailsFields.svelte) as typed, for the add and edit actions. */
export function readRoomDetails(form: FormData): facilityRooms.RoomDetailsInput {
	return {
		nameKo: text(form, 'nameKo'),
		nameEn: text(form, 'nameEn'),
		floor: text(form, 'floor'),
		capacity: text(form, 'capacity'),
		equipment: all(form, 'equipment'),
		accessibility: all(form, 'accessibility'),
		descriptionKo: text(form, 'descriptionKo'),
		descriptionEn: text(form, 'descriptionEn'),
		locationKo: text(form, 'locationKo'),
		locationEn: text(form, 'locationEn'),
		freeOfCharge: text(form, 'freeOfCharge') !== 'charged',
		feeNoteKo: text(form, 'feeNoteKo'),
		feeNoteEn: text(form, 'feeNoteEn'),
		officeNameKo: text(form, 'officeNameKo'),
		officeNameEn: text(form, 'officeNameEn'),
		officePhone: text(form, 'officePhone'),
		active: checked(form, 'active')
	};
}

/** The add-a-room form: the code, then the details. */
export function readNewRoom(form: FormData): facilityRooms.NewRoomInput {
	return { code: text(form, 'code'), ...readRoomDetails(form) };
}

/** A duration field (DurationField.svelte): `<name>-hours` and `<name>-minutes`. */
const duration = (form: FormData, name: string) => ({ hours: text(form, `${name}-hours`), minutes: text(form, `${name}-minutes`) });

export function readRoomRules(form: FormData): facilityRooms.RoomRulesInput {
	return {
		granularityMinutes: text(form, 'granularityMinutes'),
		minLength: duration(form, 'minLength'),
		maxLength: duration(form, 'maxLength'),
		leadTime: duration(form, 'leadTime'),
		horizonDays: text(form, 'horizonDays'),
		bufferBefore: duration(form, 'bufferBefore'),
		bufferAfter: duration(form, 'bufferAfter'),
		requiresApproval: checked(form, 'requiresApproval'),
		allowedRoles: all(form, 'allowedRoles'),
		allowedSchoolIds: all(form, 'allowedSchoolIds'),
		monthlyQuota: duration(form, 'monthlyQuota'),
		closedOnHolidays: checked(form, 'closedOnHolidays'),
		cancelCutoff: duration(form, 'cancelCutoff')
	};
}

/** The weekly-hours form: a source radio, then open-N, opens-N and closes-N for each weekday. */
export function readWeeklyHours(form: FormData): facilityRooms.OpeningHoursInput {
	return {
		useCenterHours: text(form, 'source') !== 'own',
		days: facilityRooms.WEEKDAYS_MONDAY_FIRST.map((weekday) => ({
			weekday,
			open: checked(form, `open-${weekday}`),
			opens: text(form, `opens-${weekday}`),
			closes: text(form, `closes-${weekday}`)
		}))
	};
}
