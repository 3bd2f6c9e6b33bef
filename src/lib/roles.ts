/** The five roles (shared by server and pages; the database enum is built from this list). */
export const ROLES = ['admin', 'facility_manager', 'department_staff', 'visit_coordinator', 'school_user'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that can read personal data: short idle sessions. */
export function isStaffRole(role: Role): boolean {
	return role !== 'school_user';
}
