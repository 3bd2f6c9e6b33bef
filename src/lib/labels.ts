import { m } from '$lib/paraglide/messages';
import type { Role } from '$lib/roles';

const ROLE_LABELS: Record<Role, () => string> = {
	admin: m.role_admin,
	facility_manager: m.role_facility_manager,
	department_staff: m.role_department_staff,
	visit_coordinator: m.role_visit_coordinator,
	school_user: m.role_school_user
};

export function roleLabel(role: Role): string {
	return ROLE_LABELS[role]();
}
