import type { Rule } from './types';

/** Who may book the room: roles and schools, when the room restricts them. */
export const checkEligibility: Rule = ({ rules, actor }) => {
	const roleRefused = rules.allowedRoles.length > 0 && !rules.allowedRoles.includes(actor.role);
	const schoolRefused =
		actor.role === 'school_user' &&
		rules.allowedSchoolIds.length > 0 &&
		!(actor.schoolId && rules.allowedSchoolIds.includes(actor.schoolId));
	return roleRefused || schoolRefused ? [{ rule: 'eligibility', messageKey: 'rule_not_allowed' }] : [];
};
