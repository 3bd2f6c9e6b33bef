import type { Actor } from '../../auth/permissions';
import type { RoomRules, Rule } from './types';

/** Whether the room's rules let this person book it at all (its roles and, for school users, its schools). */
export function mayBookRoom(rules: Pick<RoomRules, 'allowedRoles' | 'allowedSchoolIds'>, actor: Pick<Actor, 'role' | 'schoolId'>): boolean {
	const roleRefused = rules.allowedRoles.length > 0 && !rules.allowedRoles.includes(actor.role);
	const schoolRefused =
		actor.role === 'school_user' &&
		rules.allowedSchoolIds.length > 0 &&
		!(actor.schoolId && rules.allowedSchoolIds.includes(actor.schoolId));
	return !roleRefused && !schoolRefused;
}

/** Who may book the room: roles and schools, when the room restricts them. */
export const checkEligibility: Rule = ({ rules, actor }) =>
	mayBookRoom(rules, actor) ? [] : [{ rule: 'eligibility', messageKey: 'rule_not_allowed' }];
