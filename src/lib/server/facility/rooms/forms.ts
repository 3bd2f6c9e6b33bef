// Form shapes: what staff typed, kept as text so a refused form comes back unchanged; and the
// stored room, rules and hours turned back into them for the edit page.
import type { RoomDetailsInput } from '../../../room-details';
import { formatMinuteOfDay } from '../../../time/format';
import type { Room } from '../../db/schema';
import type { RoomRules, WeeklyHours } from '../../rooms/rules';
import { WEEKDAYS_MONDAY_FIRST } from './keys';
import { minutesToDuration, type DurationText } from './typed-numbers';

export type { RoomDetailsInput };

/** A new room: its details and the code it is known by (in links, exports and the API). */
export interface NewRoomInput extends RoomDetailsInput {
	code: string;
}

export type { DurationText };

/** The rules form as typed; each duration in hours and minutes (stored as minutes). */
export interface RoomRulesInput {
	granularityMinutes: string;
	minLength: DurationText;
	maxLength: DurationText;
	leadTime: DurationText;
	horizonDays: string;
	bufferBefore: DurationText;
	bufferAfter: DurationText;
	requiresApproval: boolean;
	allowedRoles: string[];
	allowedSchoolIds: string[];
	/** Both fields empty: no quota. */
	monthlyQuota: DurationText;
	closedOnHolidays: boolean;
	cancelCutoff: DurationText;
}

/** The durations of the rules form, each posted as `<name>-hours` and `<name>-minutes`. */
export const RULE_DURATION_FIELDS = ['minLength', 'maxLength', 'leadTime', 'bufferBefore', 'bufferAfter', 'monthlyQuota', 'cancelCutoff'] as const;

export interface DayHoursInput {
	weekday: number;
	open: boolean;
	/** "HH:MM" Asia/Seoul wall clock; "24:00" is the next midnight. */
	opens: string;
	closes: string;
}

export interface OpeningHoursInput {
	/** True: the room follows the center's weekly hours (it has no rows of its own). */
	useCenterHours: boolean;
	days: DayHoursInput[];
}

/** What the add-a-room form starts from: in use, ground floor, everything else to fill in. */
export function blankNewRoom(): NewRoomInput {
	return {
		code: '',
		nameKo: '',
		nameEn: '',
		floor: '1',
		capacity: '',
		equipment: [],
		accessibility: [],
		descriptionKo: '',
		descriptionEn: '',
		locationKo: '',
		locationEn: '',
		freeOfCharge: true,
		feeNoteKo: '',
		feeNoteEn: '',
		officeNameKo: '',
		officeNameEn: '',
		officePhone: '',
		active: true
	};
}

export function detailsAsInput(r: Room, active: boolean): RoomDetailsInput {
	return {
		nameKo: r.nameKo,
		nameEn: r.nameEn,
		floor: String(r.floor),
		capacity: String(r.capacity),
		equipment: [...r.equipment],
		accessibility: [...r.accessibility],
		descriptionKo: r.descriptionKo,
		descriptionEn: r.descriptionEn,
		locationKo: r.locationKo,
		locationEn: r.locationEn,
		freeOfCharge: r.freeOfCharge,
		feeNoteKo: r.feeNoteKo,
		feeNoteEn: r.feeNoteEn,
		officeNameKo: r.officeNameKo,
		officeNameEn: r.officeNameEn,
		officePhone: r.officePhone,
		active
	};
}

export function rulesAsInput(rules: RoomRules): RoomRulesInput {
	return {
		granularityMinutes: String(rules.granularityMinutes),
		minLength: minutesToDuration(rules.minMinutes),
		maxLength: minutesToDuration(rules.maxMinutes),
		leadTime: minutesToDuration(rules.leadTimeMinutes),
		horizonDays: String(rules.horizonDays),
		bufferBefore: minutesToDuration(rules.bufferBeforeMinutes),
		bufferAfter: minutesToDuration(rules.bufferAfterMinutes),
		requiresApproval: rules.requiresApproval,
		allowedRoles: [...rules.allowedRoles],
		allowedSchoolIds: [...rules.allowedSchoolIds],
		monthlyQuota: rules.monthlyQuotaMinutes === null ? { hours: '', minutes: '' } : minutesToDuration(rules.monthlyQuotaMinutes),
		closedOnHolidays: rules.closedOnHolidays,
		cancelCutoff: minutesToDuration(rules.cancelCutoffMinutes)
	};
}

/** The form starts from the room's own hours, or from the center's when it has none. */
export function hoursAsInput(own: WeeklyHours[], center: WeeklyHours[]): OpeningHoursInput {
	const source = own.length ? own : center;
	return {
		useCenterHours: own.length === 0,
		days: WEEKDAYS_MONDAY_FIRST.map((weekday) => {
			const h = source.find((x) => x.weekday === weekday);
			return {
				weekday,
				open: Boolean(h),
				opens: formatMinuteOfDay(h?.opensMinute ?? 9 * 60),
				closes: formatMinuteOfDay(h?.closesMinute ?? 18 * 60)
			};
		})
	};
}
