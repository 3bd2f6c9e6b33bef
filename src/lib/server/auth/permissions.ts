import type { Role } from '../db/schema';

/** What `can` needs to know of a user; null is an anonymous visitor. */
export interface Actor {
	id: string;
	role: Role;
	departmentId: string | null;
	schoolId: string | null;
	/** Department code of department staff (e.g. "mediation"); set by the session loader. */
	departmentCode?: string | null;
	/** A department's lead (department staff). */
	departmentLead?: boolean;
}

/** What an action is about, when the answer depends on it. */
export interface Thing {
	schoolId?: string | null;
	departmentId?: string | null;
	userId?: string | null;
	/** Department code of the one who made a booking (e.g. "mediation"). */
	bookerDepartmentCode?: string | null;
}

/** Reconciliation & Mediation: its bookings' purposes are case information. */
export const MEDIATION_DEPARTMENT_CODE = 'mediation';

export const ACTIONS = [
	'rooms.view_availability',
	'rooms.book',
	'rooms.manage',
	'reservations.approve',
	'reservations.view_all',
	'reservations.view_audit',
	'reservations.read_purpose',
	'school.bookings.view',
	'consultations.book',
	'consultations.view',
	'consultations.read_description',
	'consultations.read_note',
	'consultations.review_case_log',
	'consultations.publish_availability',
	'consultations.handle',
	'mediation.cases.read',
	'visits.manage',
	'trainings.register',
	'trainings.manage',
	'reports.view',
	'users.manage',
	'org.manage',
	'outbox.view',
	'audit.view',
	'account.manage_own'
] as const;
export type Action = (typeof ACTIONS)[number];

type Grant = { role: Role | 'anonymous' | 'any_user'; when?: (actor: Actor, thing: Thing) => boolean };

const ownSchool = (actor: Actor, thing: Thing) => actor.schoolId !== null && actor.schoolId === thing.schoolId;
const ownDepartment = (actor: Actor, thing: Thing) =>
	actor.departmentId !== null && actor.departmentId === thing.departmentId;
const inMediation = (actor: Actor) => actor.departmentCode === MEDIATION_DEPARTMENT_CODE;
const ownBooking = (actor: Actor, thing: Thing) => thing.userId != null && actor.id === thing.userId;
const bookedByMediation = (thing: Thing) => thing.bookerDepartmentCode === MEDIATION_DEPARTMENT_CODE;
const notMediationBooking = (_actor: Actor, thing: Thing) => !bookedByMediation(thing);

/** The permission table: who may do what. One row per action; absent means nobody. */
const GRANTS: Record<Action, Grant[]> = {
	'rooms.view_availability': [{ role: 'anonymous' }, { role: 'any_user' }],
	'rooms.book': [
		{ role: 'school_user' },
		{ role: 'department_staff' },
		{ role: 'facility_manager' },
		{ role: 'visit_coordinator' },
		{ role: 'admin' }
	],
	'rooms.manage': [{ role: 'facility_manager' }, { role: 'admin' }],
	'reservations.approve': [{ role: 'facility_manager' }, { role: 'admin' }],
	'reservations.view_all': [{ role: 'facility_manager' }, { role: 'visit_coordinator' }, { role: 'admin' }],
	// A booking's audit trail (who changed what, before/after), opened from the board.
	'reservations.view_audit': [{ role: 'facility_manager' }, { role: 'admin' }],
	// The purpose of someone's booking (thing: its booker and the booker's department, its school).
	// A booking by Reconciliation & Mediation staff is read as "in use by R&M" by everyone but
	// that department's own staff, facility staff and administrators included.
	'reservations.read_purpose': [
		{ role: 'any_user', when: ownBooking },
		{ role: 'department_staff', when: (actor, thing) => inMediation(actor) && bookedByMediation(thing) },
		{ role: 'facility_manager', when: notMediationBooking },
		{ role: 'visit_coordinator', when: notMediationBooking },
		{ role: 'admin', when: notMediationBooking },
		{ role: 'school_user', when: (actor, thing) => ownSchool(actor, thing) && !bookedByMediation(thing) }
	],
	'school.bookings.view': [{ role: 'school_user', when: ownSchool }, { role: 'admin' }],
	'consultations.book': [{ role: 'school_user' }],
	// A consultation (thing: its school and department): the school's own users and the department's
	// staff; nobody else, admins included (they see a taken time on the board, nothing more).
	'consultations.view': [{ role: 'school_user', when: ownSchool }, { role: 'department_staff', when: ownDepartment }],
	// What the school wrote: the school and the department (for 화해조정부 each read is logged).
	'consultations.read_description': [{ role: 'school_user', when: ownSchool }, { role: 'department_staff', when: ownDepartment }],
	// The department's outcome note: its own staff only, never the school.
	'consultations.read_note': [{ role: 'department_staff', when: ownDepartment }],
	// The case access log of a department: its lead.
	'consultations.review_case_log': [{ role: 'department_staff', when: (actor, thing) => ownDepartment(actor, thing) && actor.departmentLead === true }],
	// What a department offers (its topics; thing: the department) and a consultant's hours (thing:
	// the department and the consultant's user): the department's staff, each their own hours; its
	// lead anyone's of the department.
	'consultations.publish_availability': [
		{
			role: 'department_staff',
			when: (actor, thing) => ownDepartment(actor, thing) && (thing.userId === undefined || thing.userId === actor.id || actor.departmentLead === true)
		}
	],
	'consultations.handle': [{ role: 'department_staff', when: ownDepartment }],
	// Case details of Reconciliation & Mediation: its own staff only, not even admins.
	'mediation.cases.read': [{ role: 'department_staff', when: inMediation }],
	'visits.manage': [{ role: 'visit_coordinator' }, { role: 'admin' }],
	'trainings.register': [{ role: 'school_user' }],
	'trainings.manage': [{ role: 'department_staff' }, { role: 'admin' }],
	'reports.view': [{ role: 'facility_manager' }, { role: 'visit_coordinator' }, { role: 'admin' }],
	'users.manage': [{ role: 'admin' }],
	// The schools (and departments) the center serves: names, NEIS codes, the CSV import.
	'org.manage': [{ role: 'admin' }],
	'outbox.view': [{ role: 'admin' }],
	'audit.view': [{ role: 'admin' }],
	'account.manage_own': [{ role: 'any_user' }]
};

/** The one permission decision of the app. */
export function can(actor: Actor | null, action: Action, thing: Thing = {}): boolean {
	return GRANTS[action].some((grant) => {
		if (grant.role === 'anonymous') return actor === null;
		if (actor === null) return false;
		if (grant.role !== 'any_user' && grant.role !== actor.role) return false;
		return grant.when ? grant.when(actor, thing) : true;
	});
}
