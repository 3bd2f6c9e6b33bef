import { describe, expect, it } from 'vitest';
import { checkNewRoom, checkRoomDetails, checkRoomRules, checkWeeklyHoursForm } from './checks';
import { blankNewRoom } from './forms';
import { SCHOOL, details, hm, own, rules } from './test-fixtures';

const ruleNames = (v: { rule: string }[]) => v.map((x) => x.rule);
const keys = (v: { messageKey: string }[]) => v.map((x) => x.messageKey);

describe('checkRoomDetails', () => {
	it('accepts a complete room', () => {
		expect(checkRoomDetails(details())).toEqual([]);
	});

	it('reports every problem at once: names, floor, capacity, unknown equipment and accessibility', () => {
		const v = checkRoomDetails(
			details({ nameKo: ' ', nameEn: 'x'.repeat(101), floor: '3.5', capacity: '0', equipment: ['laser'], accessibility: ['ramp'] })
		);
		expect(ruleNames(v)).toEqual(['nameKo', 'nameEn', 'floor', 'capacity', 'equipment', 'accessibility']);
		expect(keys(v)).toEqual([
			'field_required',
			'field_too_long',
			'field_number_range',
			'field_number_range',
			'facility_choice_unknown',
			'facility_choice_unknown'
		]);
	});

	it('accepts a basement floor written as a negative number', () => {
		expect(checkRoomDetails(details({ floor: '-1' }))).toEqual([]);
	});

	it('asks a charged room for its fee note in both languages; a free room needs none', () => {
		expect(checkRoomDetails(details({ freeOfCharge: true, feeNoteKo: '', feeNoteEn: '' }))).toEqual([]);
		const v = checkRoomDetails(details({ freeOfCharge: false, feeNoteKo: ' ', feeNoteEn: '' }));
		expect(ruleNames(v)).toEqual(['feeNoteKo', 'feeNoteEn']);
		expect(keys(v)).toEqual(['facility_fee_note_required', 'facility_fee_note_required']);
		expect(checkRoomDetails(details({ freeOfCharge: false, feeNoteKo: '1시간 30,000원', feeNoteEn: '₩30,000 per hour' }))).toEqual([]);
	});

	it('takes phone numbers as Koreans write them, or none, and refuses anything else', () => {
		for (const officePhone of ['044-320-3012', '02-123-4567', '1588-0000', '010-1234-5678', ''])
			expect(checkRoomDetails(details({ officePhone })), officePhone).toEqual([]);
		for (const officePhone of ['044 320 3012', 'call us', '0443203012-', '044-320-3012 (내선 2)', '1-2'])
			expect(keys(checkRoomDetails(details({ officePhone }))), officePhone).toEqual(['facility_phone_invalid']);
	});

	it('limits the location, fee note and office name lengths', () => {
		const v = checkRoomDetails(details({ locationKo: '가'.repeat(201), feeNoteEn: 'x'.repeat(501), officeNameKo: '가'.repeat(101) }));
		expect(ruleNames(v)).toEqual(['locationKo', 'feeNoteEn', 'officeNameKo']);
		expect(v.map((x) => x.params)).toEqual([{ max: 200 }, { max: 500 }, { max: 100 }]);
	});
});

describe('checkNewRoom', () => {
	it('finds the blank form in use on the ground floor, with code, names and capacity still to fill in', () => {
		expect(blankNewRoom()).toMatchObject({ floor: '1', active: true });
		expect(checkNewRoom(blankNewRoom()).map((v) => v.rule)).toEqual(['code', 'nameKo', 'nameEn', 'capacity']);
	});


	it('accepts a code of lower-case letters, digits and hyphens', () => {
		for (const code of ['meeting-c', 'b1', 'room-2027-a', 'a'.repeat(40)]) expect(checkNewRoom({ ...details(), code })).toEqual([]);
	});

	it('refuses a missing code, and one with capitals, spaces, a leading hyphen, Hangul or over 40 characters, before the details', () => {
		expect(checkNewRoom({ ...details({ nameKo: '' }), code: ' ' })).toEqual([
			{ rule: 'code', messageKey: 'field_required' },
			{ rule: 'nameKo', messageKey: 'field_required' }
		]);
		for (const code of ['Meeting', 'meeting c', '-meeting', '회의실', 'a', 'a'.repeat(41)])
			expect(checkNewRoom({ ...details(), code })).toEqual([{ rule: 'code', messageKey: 'facility_code_invalid', params: { max: 40 } }]);
	});
});

describe('checkRoomRules', () => {
	const known = { schoolIds: [SCHOOL] };

	it('accepts the seeded rules of a room that needs approval', () => {
		expect(checkRoomRules(rules(), known)).toEqual([]);
	});

	it('refuses a grid the database does not allow, and lengths off the grid', () => {
		expect(keys(checkRoomRules(rules({ granularityMinutes: '25' }), known))).toEqual(['facility_granularity_invalid']);
		const v = checkRoomRules(rules({ granularityMinutes: '30', minLength: hm('0', '45'), maxLength: hm('1', '40') }), known);
		expect(ruleNames(v)).toEqual(['minLength', 'maxLength']);
		expect(keys(v)).toEqual(['facility_length_off_grid', 'facility_length_off_grid']);
	});

	it('refuses a longest booking shorter than the shortest', () => {
		const v = checkRoomRules(rules({ minLength: hm('2', ''), maxLength: hm('1', '0') }), known);
		expect(v).toEqual([{ rule: 'maxLength', messageKey: 'facility_max_below_min', params: { shortestMinutes: 120 } }]);
	});

	it('refuses a lead time that reaches the horizon, and accepts one just below it', () => {
		expect(keys(checkRoomRules(rules({ leadTime: hm('24', '0'), horizonDays: '1' }), known))).toEqual(['facility_lead_beyond_horizon']);
		expect(checkRoomRules(rules({ leadTime: hm('23', '30'), horizonDays: '1' }), known)).toEqual([]);
	});

	it('takes durations as whole hours and minutes, either left empty, and refuses anything else', () => {
		expect(checkRoomRules(rules({ leadTime: hm('', '30'), cancelCutoff: hm('0', '15'), monthlyQuota: hm('20', '') }), known)).toEqual([]);
		const v = checkRoomRules(rules({ leadTime: hm('1.5', ''), cancelCutoff: hm('-1', '0'), monthlyQuota: hm('1', '60') }), known);
		expect(v).toEqual([
			{ rule: 'leadTime', messageKey: 'rpol_duration_invalid' },
			{ rule: 'monthlyQuota', messageKey: 'rpol_duration_invalid' },
			{ rule: 'cancelCutoff', messageKey: 'rpol_duration_invalid' }
		]);
	});

	it('says a duration out of range with its bounds as minutes, for the page to say as durations', () => {
		const v = checkRoomRules(rules({ monthlyQuota: hm('0', '30'), maxLength: hm('25', '0') }), known);
		expect(v).toEqual([
			{ rule: 'maxLength', messageKey: 'rpol_duration_range', params: { fromMinutes: 5, toMinutes: 1440 } },
			{ rule: 'monthlyQuota', messageKey: 'rpol_duration_range', params: { fromMinutes: 60, toMinutes: 44640 } }
		]);
	});

	it('refuses buffers beyond four hours and unknown roles or schools', () => {
		const v = checkRoomRules(
			rules({ bufferBefore: hm('4', '1'), bufferAfter: hm('', 'ten'), allowedRoles: ['janitor', 'school_user'], allowedSchoolIds: ['nope'] }),
			known
		);
		expect(ruleNames(v)).toEqual(['bufferBefore', 'bufferAfter', 'allowedRoles', 'allowedSchoolIds']);
	});

	it('refuses limiting schools while no school user may book at all', () => {
		const v = checkRoomRules(rules({ allowedRoles: ['department_staff'], allowedSchoolIds: [SCHOOL] }), known);
		expect(keys(v)).toEqual(['facility_schools_without_school_role']);
		expect(checkRoomRules(rules({ allowedRoles: ['school_user'], allowedSchoolIds: [SCHOOL] }), known)).toEqual([]);
	});

	it('reports every broken rule of a thoroughly wrong form at once', () => {
		const v = checkRoomRules(
			rules({
				granularityMinutes: 'x',
				minLength: hm('', ''),
				maxLength: hm('9999', ''),
				leadTime: hm('soon', ''),
				horizonDays: '0',
				bufferBefore: hm('-5', ''),
				bufferAfter: hm('5', '0'),
				monthlyQuota: hm('lots', ''),
				cancelCutoff: hm('', '')
			}),
			known
		);
		expect(ruleNames(v)).toEqual([
			'granularityMinutes',
			'minLength',
			'maxLength',
			'leadTime',
			'horizonDays',
			'bufferBefore',
			'bufferAfter',
			'monthlyQuota',
			'cancelCutoff'
		]);
	});
});

describe('checkWeeklyHoursForm', () => {
	it('accepts the center hours without looking at the table', () => {
		expect(checkWeeklyHoursForm({ useCenterHours: true, days: [{ weekday: 1, open: true, opens: 'x', closes: 'y' }] })).toEqual([]);
	});

	it('refuses own hours with no open day', () => {
		expect(keys(checkWeeklyHoursForm(own([{ open: false }, { open: false }])))).toEqual(['facility_hours_none_open']);
	});

	it('names the weekday field of every bad time and every closing before opening', () => {
		const v = checkWeeklyHoursForm(own([{ opens: '9', closes: '25:00' }, { opens: '18:00', closes: '09:00' }, { open: false, opens: 'bad' }]));
		expect(v).toEqual([
			{ rule: 'opens-1', messageKey: 'field_time_invalid' },
			{ rule: 'closes-1', messageKey: 'field_time_invalid' },
			{ rule: 'closes-2', messageKey: 'facility_hours_order' }
		]);
	});

	it('allows closing at midnight (24:00)', () => {
		const input = own([{ opens: '08:30', closes: '24:00' }, { open: false }]);
		expect(checkWeeklyHoursForm(input)).toEqual([]);
	});
});
