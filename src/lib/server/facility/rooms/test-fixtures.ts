/** Forms as staff would fill them in, for the unit tests beside this file. */
import type { OpeningHoursInput, RoomDetailsInput, RoomRulesInput } from './forms';

export const SCHOOL = '11111111-1111-4111-8111-111111111111';

export const details = (over: Partial<RoomDetailsInput> = {}): RoomDetailsInput => ({
	nameKo: '대회의실',
	nameEn: 'Large Meeting Room',
	floor: '3',
	capacity: '40',
	equipment: ['projector'],
	accessibility: ['step_free'],
	descriptionKo: '',
	descriptionEn: '',
	locationKo: '본관 3층 엘리베이터 옆',
	locationEn: 'Main building, 3F, next to the lift',
	freeOfCharge: true,
	feeNoteKo: '',
	feeNoteEn: '',
	officeNameKo: '시설관리팀',
	officeNameEn: 'Facilities Team',
	officePhone: '044-320-3012',
	active: true,
	...over
});

/** A duration as typed into its two fields. */
export const hm = (hours: string, minutes: string) => ({ hours, minutes });

export const rules = (over: Partial<RoomRulesInput> = {}): RoomRulesInput => ({
	granularityMinutes: '30',
	minLength: hm('0', '30'),
	maxLength: hm('8', '0'),
	leadTime: hm('1', ''),
	horizonDays: '90',
	bufferBefore: hm('', '0'),
	bufferAfter: hm('0', '15'),
	requiresApproval: true,
	allowedRoles: [],
	allowedSchoolIds: [],
	monthlyQuota: hm('', ''),
	closedOnHolidays: true,
	cancelCutoff: hm('1', '0'),
	...over
});

/** Own hours, one day per entry from Monday: open 09:00–18:00 unless overridden. */
export const own = (days: Partial<OpeningHoursInput['days'][number]>[]): OpeningHoursInput => ({
	useCenterHours: false,
	days: days.map((d, i) => ({ weekday: i + 1, open: true, opens: '09:00', closes: '18:00', ...d }))
});
