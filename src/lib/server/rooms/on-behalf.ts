import { can, type Actor } from '../auth/permissions';

/**
 * Booking on behalf of a school: facility staff (whoever may manage rooms) may name any school
 * (`schoolId`): its monthly quota is charged and its users are e-mailed. A school user may name
 * only their own school (the same as naming none); any other school, or anyone else naming one,
 * is refused (403), so nobody books in another school's name.
 */
export function mayBookFor(actor: Actor, schoolId: string | undefined): boolean {
	if (schoolId === undefined) return true;
	if (actor.role === 'school_user') return actor.schoolId === schoolId;
	return can(actor, 'rooms.manage');
}

/** Whether the booking form offers the school select. */
export const booksForSchools = (actor: Actor): boolean => actor.role !== 'school_user' && can(actor, 'rooms.manage');
