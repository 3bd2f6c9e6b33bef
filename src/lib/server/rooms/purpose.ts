import { getTableName, sql } from 'drizzle-orm';
import { can, type Actor } from '../auth/permissions';
import { appUser, department, reservation } from '../db/schema';
import { say } from '../i18n';

/**
 * The department code a reservation is read under, for a select list: the department of a
 * consultation it holds time for (a school's mediation consultation holds a room as 화해조정부's
 * case, never as the school's), else its booker's (null for non-department staff).
 */
// Aliased and qualified by hand: drizzle leaves columns unqualified in single-table selects.
const row = sql.identifier(getTableName(reservation));
export const bookerDepartmentCode = sql<string | null>`coalesce(
	(select held_for.code from consultation held_case join ${department} held_for on held_for.id = held_case.department_id where held_case.id = ${row}.booking_id),
	(select booker_department.code from ${appUser} booker join ${department} booker_department on booker_department.id = booker.department_id where booker.id = ${row}.booked_by))`;

export interface PurposeSource {
	purpose: string;
	bookedBy: string;
	bookerDepartmentCode: string | null;
	schoolId: string | null;
}

/**
 * A booking's purpose as `viewer` may read it, decided by `can(…, 'reservations.read_purpose')`:
 * the purpose, or "화해조정부 사용" / "In use by Reconciliation & Mediation" (in the request's
 * language) with `purposeWithheld` for a booking of that department seen from outside it.
 */
export function purposeAsSeenBy(viewer: Actor | null, booking: PurposeSource): { purpose: string; purposeWithheld?: true } {
	const thing = { userId: booking.bookedBy, bookerDepartmentCode: booking.bookerDepartmentCode, schoolId: booking.schoolId };
	if (can(viewer, 'reservations.read_purpose', thing)) return { purpose: booking.purpose };
	return { purpose: say('sec_mediation_in_use'), purposeWithheld: true };
}
