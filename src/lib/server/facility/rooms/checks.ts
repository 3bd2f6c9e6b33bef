// check*: every problem of a form at once, as violations; the service throws them as one
// ValidationError.
import { ROLES } from '../../../roles';
import { parseTimeOfDay } from '../../../time/time-of-day';
import type { Violation } from '../../errors';
import type { NewRoomInput, OpeningHoursInput, RoomDetailsInput, RoomRulesInput } from './forms';
import { ACCESSIBILITY_KEYS, EQUIPMENT_KEYS, GRANULARITIES_MINUTES } from './keys';
import {
	BUFFER_RANGE_MINUTES,
	CAPACITY_RANGE,
	CODE_MAX_LENGTH,
	CUTOFF_RANGE_MINUTES,
	DESCRIPTION_MAX_LENGTH,
	FEE_NOTE_MAX_LENGTH,
	FLOOR_RANGE,
	HORIZON_RANGE_DAYS,
	LEAD_TIME_RANGE_MINUTES,
	LENGTH_RANGE_MINUTES,
	LOCATION_MAX_LENGTH,
	NAME_MAX_LENGTH,
	OFFICE_NAME_MAX_LENGTH,
	PHONE_MAX_LENGTH,
	QUOTA_RANGE_MINUTES
} from './limits';
import { durationToMinutes, isBlankDuration, wholeIn, type DurationText, type Range } from './typed-numbers';

const whole = (rule: string, range: Range): Violation => ({
	rule,
	messageKey: 'field_number_range',
	params: range
});
/**
 * A duration typed as hours and minutes, in minutes, or its violation: not whole numbers (or 60
 * minutes and more), or outside the range — said as durations ("5분에서 1일 사이").
 */
function durationIn(rule: string, typed: DurationText, range: Range): { minutes: number | null; violation?: Violation } {
	const minutes = durationToMinutes(typed);
	if (minutes === null) return { minutes, violation: { rule, messageKey: 'rpol_duration_invalid' } };
	if (minutes < range.min || minutes > range.max)
		return { minutes: null, violation: { rule, messageKey: 'rpol_duration_range', params: { fromMinutes: range.min, toMinutes: range.max } } };
	return { minutes };
}

export function checkRoomDetails(input: RoomDetailsInput): Violation[] {
	const violations: Violation[] = [];
	for (const field of ['nameKo', 'nameEn'] as const) {
		const value = input[field].trim();
		if (!value) violations.push({ rule: field, messageKey: 'field_required' });
		else if (value.length > NAME_MAX_LENGTH)
			violations.push({ rule: field, messageKey: 'field_too_long', params: { max: NAME_MAX_LENGTH } });
	}
	if (wholeIn(input.floor, FLOOR_RANGE) === null) violations.push(whole('floor', FLOOR_RANGE));
	if (wholeIn(input.capacity, CAPACITY_RANGE) === null) violations.push(whole('capacity', CAPACITY_RANGE));
	if (input.equipment.some((key) => !(EQUIPMENT_KEYS as readonly string[]).includes(key)))
		violations.push({ rule: 'equipment', messageKey: 'facility_choice_unknown' });
	if (input.accessibility.some((key) => !(ACCESSIBILITY_KEYS as readonly string[]).includes(key)))
		violations.push({ rule: 'accessibility', messageKey: 'facility_choice_unknown' });
	for (const field of ['descriptionKo', 'descriptionEn'] as const)
		if (input[field].trim().length > DESCRIPTION_MAX_LENGTH)
			violations.push({ rule: field, messageKey: 'field_too_long', params: { max: DESCRIPTION_MAX_LENGTH } });
	const longest = [
		['locationKo', LOCATION_MAX_LENGTH],
		['locationEn', LOCATION_MAX_LENGTH],
		['feeNoteKo', FEE_NOTE_MAX_LENGTH],
		['feeNoteEn', FEE_NOTE_MAX_LENGTH],
		['officeNameKo', OFFICE_NAME_MAX_LENGTH],
		['officeNameEn', OFFICE_NAME_MAX_LENGTH]
	] as const;
	for (const [field, max] of longest)
		if (input[field].trim().length > max) violations.push({ rule: field, messageKey: 'field_too_long', params: { max } });
	// A charged room says what it costs, in both languages (the public page shows it next to 유료).
	if (!input.freeOfCharge)
		for (const field of ['feeNoteKo', 'feeNoteEn'] as const)
			if (!input[field].trim()) violations.push({ rule: field, messageKey: 'facility_fee_note_required' });
	const phone = input.officePhone.trim();
	if (phone && (phone.length > PHONE_MAX_LENGTH || !PHONE.test(phone)))
		violations.push({ rule: 'officePhone', messageKey: 'facility_phone_invalid' });
	return violations;
}

/** A Korean phone number as written: digits in groups joined by hyphens (044-320-3012, 1588-0000, 02-123-4567). */
const PHONE = /^\+?\d{2,4}(-\d{3,4}){1,2}$/;

/** Lower-case letters, digits and hyphens, starting with a letter or digit: safe in URLs and files. */
const CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;

export function checkNewRoom(input: NewRoomInput): Violation[] {
	const code = input.code.trim();
	const violations: Violation[] = [];
	if (!code) violations.push({ rule: 'code', messageKey: 'field_required' });
	else if (!CODE.test(code)) violations.push({ rule: 'code', messageKey: 'facility_code_invalid', params: { max: CODE_MAX_LENGTH } });
	return [...violations, ...checkRoomDetails(input)];
}
/** `schoolIds`: the schools that exist (an allowed school must be one of them). */
export function checkRoomRules(input: RoomRulesInput, known: { schoolIds: readonly string[] }): Violation[] {
	const violations: Violation[] = [];
	const grid = wholeIn(input.granularityMinutes, { min: 1, max: 60 });
	const gridValid = grid !== null && (GRANULARITIES_MINUTES as readonly number[]).includes(grid);
	if (!gridValid)
		violations.push({ rule: 'granularityMinutes', messageKey: 'facility_granularity_invalid' });

	/** The duration in minutes, its violation (if any) noted in order. */
	const take = (rule: string, typed: DurationText, range: Range) => {
		const { minutes, violation } = durationIn(rule, typed, range);
		if (violation) violations.push(violation);
		return minutes;
	};
	const min = take('minLength', input.minLength, LENGTH_RANGE_MINUTES);
	const max = take('maxLength', input.maxLength, LENGTH_RANGE_MINUTES);
	for (const [field, value] of [['minLength', min], ['maxLength', max]] as const)
		if (value !== null && gridValid && value % grid! !== 0)
			violations.push({ rule: field, messageKey: 'facility_length_off_grid', params: { stepMinutes: grid! } });
	if (min !== null && max !== null && max < min)
		violations.push({ rule: 'maxLength', messageKey: 'facility_max_below_min', params: { shortestMinutes: min } });

	const lead = take('leadTime', input.leadTime, LEAD_TIME_RANGE_MINUTES);
	const horizon = wholeIn(input.horizonDays, HORIZON_RANGE_DAYS);
	if (horizon === null) violations.push(whole('horizonDays', HORIZON_RANGE_DAYS));
	if (lead !== null && horizon !== null && lead >= horizon * 24 * 60)
		violations.push({ rule: 'leadTime', messageKey: 'facility_lead_beyond_horizon', params: { days: horizon } });

	take('bufferBefore', input.bufferBefore, BUFFER_RANGE_MINUTES);
	take('bufferAfter', input.bufferAfter, BUFFER_RANGE_MINUTES);

	if (input.allowedRoles.some((r) => !(ROLES as readonly string[]).includes(r)))
		violations.push({ rule: 'allowedRoles', messageKey: 'facility_choice_unknown' });
	if (input.allowedSchoolIds.some((id) => !known.schoolIds.includes(id)))
		violations.push({ rule: 'allowedSchoolIds', messageKey: 'facility_choice_unknown' });
	if (input.allowedSchoolIds.length && input.allowedRoles.length && !input.allowedRoles.includes('school_user'))
		violations.push({ rule: 'allowedSchoolIds', messageKey: 'facility_schools_without_school_role' });

	// No quota when both its fields are empty.
	if (!isBlankDuration(input.monthlyQuota)) take('monthlyQuota', input.monthlyQuota, QUOTA_RANGE_MINUTES);
	take('cancelCutoff', input.cancelCutoff, CUTOFF_RANGE_MINUTES);
	return violations;
}

/**
 * The weekly-hours form as typed, every problem at once. Not the booking rule checkOpeningHours
 * (rooms/rules and engine/availability), which judges a request against the hours once they are stored.
 */
export function checkWeeklyHoursForm(input: OpeningHoursInput): Violation[] {
	if (input.useCenterHours) return [];
	const violations: Violation[] = [];
	const open = input.days.filter((d) => d.open);
	if (open.length === 0) violations.push({ rule: 'hours', messageKey: 'facility_hours_none_open' });
	for (const day of open) {
		const opens = parseTimeOfDay(day.opens);
		const closes = parseTimeOfDay(day.closes);
		if (opens === null) violations.push({ rule: `opens-${day.weekday}`, messageKey: 'field_time_invalid' });
		if (closes === null) violations.push({ rule: `closes-${day.weekday}`, messageKey: 'field_time_invalid' });
		if (opens !== null && closes !== null && closes <= opens)
			violations.push({ rule: `closes-${day.weekday}`, messageKey: 'facility_hours_order' });
	}
	return violations;
}

