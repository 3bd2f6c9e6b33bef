import { describe, expect, it } from 'vitest';
import { checkEligibility } from './eligibility';
import { context } from './test-context';

describe('checkEligibility', () => {
	const base = context();

	it('lets anyone who may book rooms book an unrestricted room', () => {
		expect(checkEligibility(base)).toEqual([]);
	});

	it('refuses a role the room does not list', () => {
		const staffOnly = { ...base.rules, allowedRoles: ['department_staff', 'facility_manager'] };
		expect(checkEligibility({ ...base, rules: staffOnly })).toEqual([{ rule: 'eligibility', messageKey: 'rule_not_allowed' }]);
		expect(checkEligibility({ ...base, rules: staffOnly, actor: { role: 'department_staff', schoolId: null } })).toEqual([]);
	});

	it('refuses a school the room does not list', () => {
		const schoolsOnly = { ...base.rules, allowedSchoolIds: ['school-b'] };
		expect(checkEligibility({ ...base, rules: schoolsOnly })).toHaveLength(1);
		expect(checkEligibility({ ...base, rules: schoolsOnly, actor: { role: 'school_user', schoolId: 'school-b' } })).toEqual([]);
	});
});
