// From form shapes to the values stored: only after the checks pass (the `!`s rely on it).
import { ROLES } from '../../../roles';
import type { RoomDetailsInput } from '../../../room-details';
import { parseTimeOfDay } from '../../../time/time-of-day';
import type { RoomRules, WeeklyHours } from '../../rooms/rules';
import type { OpeningHoursInput, RoomRulesInput } from './forms';
import { ACCESSIBILITY_KEYS, EQUIPMENT_KEYS } from './keys';
import { durationToMinutes, isBlankDuration } from './typed-numbers';

export function toRoomValues(input: RoomDetailsInput) {
	return {
		nameKo: input.nameKo.trim(),
		nameEn: input.nameEn.trim(),
		floor: Number(input.floor.trim()),
		capacity: Number(input.capacity.trim()),
		// Kept in the catalogue's order, whatever order the form sent.
		equipment: EQUIPMENT_KEYS.filter((k) => input.equipment.includes(k)),
		accessibility: ACCESSIBILITY_KEYS.filter((k) => input.accessibility.includes(k)),
		descriptionKo: input.descriptionKo.trim(),
		descriptionEn: input.descriptionEn.trim(),
		locationKo: input.locationKo.trim(),
		locationEn: input.locationEn.trim(),
		freeOfCharge: input.freeOfCharge,
		// A free room keeps no fee note (it would never be shown).
		feeNoteKo: input.freeOfCharge ? '' : input.feeNoteKo.trim(),
		feeNoteEn: input.freeOfCharge ? '' : input.feeNoteEn.trim(),
		officeNameKo: input.officeNameKo.trim(),
		officeNameEn: input.officeNameEn.trim(),
		officePhone: input.officePhone.trim()
	};
}

export function toRuleValues(input: RoomRulesInput): RoomRules {
	// Checked first (checkRoomRules): every duration here reads as whole minutes.
	return {
		granularityMinutes: Number(input.granularityMinutes),
		minMinutes: durationToMinutes(input.minLength)!,
		maxMinutes: durationToMinutes(input.maxLength)!,
		leadTimeMinutes: durationToMinutes(input.leadTime)!,
		horizonDays: Number(input.horizonDays),
		bufferBeforeMinutes: durationToMinutes(input.bufferBefore)!,
		bufferAfterMinutes: durationToMinutes(input.bufferAfter)!,
		requiresApproval: input.requiresApproval,
		allowedRoles: ROLES.filter((r) => input.allowedRoles.includes(r)),
		allowedSchoolIds: [...new Set(input.allowedSchoolIds)],
		monthlyQuotaMinutes: isBlankDuration(input.monthlyQuota) ? null : durationToMinutes(input.monthlyQuota),
		closedOnHolidays: input.closedOnHolidays,
		cancelCutoffMinutes: durationToMinutes(input.cancelCutoff)!
	};
}

export function toHoursRows(input: OpeningHoursInput): WeeklyHours[] {
	if (input.useCenterHours) return [];
	return input.days
		.filter((d) => d.open)
		.map((d) => ({ weekday: d.weekday, opensMinute: parseTimeOfDay(d.opens)!, closesMinute: parseTimeOfDay(d.closes)! }))
		.sort((a, b) => a.weekday - b.weekday);
}
