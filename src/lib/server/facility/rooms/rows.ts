// From form shapes to the values stored: only after the checks pass (the `!`s rely on it).
import { ROLES } from '../../../roles';
import type { RoomDetailsInput } from '../../../room-details';
import { parseTimeOfDay } from '../../../time/time-of-day';
import type { RoomRules, WeeklyHours } from '../../rooms/rules';
import type { OpeningHoursInput, RoomRulesInput } from './forms';
import { ACCESSIBILITY_KEYS, EQUIPMENT_KEYS } from './keys';
import { CUTOFF_RANGE_HOURS, LEAD_TIME_RANGE_HOURS, QUOTA_RANGE_HOURS } from './limits';
import { hoursToMinutes } from './typed-numbers';

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
	const quota = input.monthlyQuotaHours.trim();
	return {
		granularityMinutes: Number(input.granularityMinutes),
		minMinutes: Number(input.minMinutes),
		maxMinutes: Number(input.maxMinutes),
		leadTimeMinutes: hoursToMinutes(input.leadTimeHours, LEAD_TIME_RANGE_HOURS)!,
		horizonDays: Number(input.horizonDays),
		bufferBeforeMinutes: Number(input.bufferBeforeMinutes),
		bufferAfterMinutes: Number(input.bufferAfterMinutes),
		requiresApproval: input.requiresApproval,
		allowedRoles: ROLES.filter((r) => input.allowedRoles.includes(r)),
		allowedSchoolIds: [...new Set(input.allowedSchoolIds)],
		monthlyQuotaMinutes: quota ? hoursToMinutes(quota, QUOTA_RANGE_HOURS) : null,
		closedOnHolidays: input.closedOnHolidays,
		cancelCutoffMinutes: hoursToMinutes(input.cancelCutoffHours, CUTOFF_RANGE_HOURS)!
	};
}

export function toHoursRows(input: OpeningHoursInput): WeeklyHours[] {
	if (input.useCenterHours) return [];
	return input.days
		.filter((d) => d.open)
		.map((d) => ({ weekday: d.weekday, opensMinute: parseTimeOfDay(d.opens)!, closesMinute: parseTimeOfDay(d.closes)! }))
		.sort((a, b) => a.weekday - b.weekday);
}
