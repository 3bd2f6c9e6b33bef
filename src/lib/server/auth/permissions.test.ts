import { describe, expect, it } from 'vitest';
import type { Role } from '../../roles';
import { ACTIONS, can, type Action, type Actor } from './permissions';

const SCHOOL_A = 'school-a';
const SCHOOL_B = 'school-b';
const MEDIATION = 'dept-mediation';
const EDUCATION = 'dept-education';

const actors: Record<string, Actor | null> = {
	anonymous: null,
	admin: { id: 'u1', role: 'admin', departmentId: null, schoolId: null },
	facility_manager: { id: 'u2', role: 'facility_manager', departmentId: null, schoolId: null },
	education_staff: { id: 'u3', role: 'department_staff', departmentId: EDUCATION, schoolId: null, departmentCode: 'education' },
	mediation_staff: { id: 'u4', role: 'department_staff', departmentId: MEDIATION, schoolId: null, departmentCode: 'mediation' },
	visit_coordinator: { id: 'u5', role: 'visit_coordinator', departmentId: null, schoolId: null },
	school_user: { id: 'u6', role: 'school_user', departmentId: null, schoolId: SCHOOL_A }
};

// Thing each action is checked against: the school user's own school, the education department.
const thingFor = { schoolId: SCHOOL_A, departmentId: EDUCATION };

/** Expected answer for each actor × action: the whole table, written out. Y = allowed. */
const EXPECTED: Record<Action, string> = {
	//                                   anon admin facil edu  med  visit school
	'rooms.view_availability':          'Y    Y     Y     Y    Y    Y     Y',
	'rooms.book':                       'N    Y     Y     Y    Y    Y     Y',
	'rooms.manage':                     'N    Y     Y     N    N    N     N',
	'reservations.approve':             'N    Y     Y     N    N    N     N',
	'reservations.view_all':            'N    Y     Y     N    N    Y     N',
	'reservations.view_audit':          'N    Y     Y     N    N    N     N',
	'reservations.read_purpose':        'N    Y     Y     N    N    Y     Y',
	'school.bookings.view':             'N    Y     N     N    N    N     Y',
	'consultations.book':               'N    N     N     N    N    N     Y',
	'consultations.view':               'N    N     N     Y    N    N     Y',
	'consultations.read_description':   'N    N     N     Y    N    N     Y',
	'consultations.read_note':          'N    N     N     Y    N    N     N',
	'consultations.review_case_log':    'N    N     N     N    N    N     N',
	'consultations.publish_availability':'N   N     N     Y    N    N     N',
	'consultations.handle':             'N    N     N     Y    N    N     N',
	'mediation.cases.read':             'N    N     N     N    Y    N     N',
	'visits.manage':                    'N    Y     N     N    N    Y     N',
	'trainings.register':               'N    N     N     N    N    N     Y',
	'trainings.manage':                 'N    Y     N     Y    Y    N     N',
	'reports.view':                     'N    Y     Y     N    N    Y     N',
	'users.manage':                     'N    Y     N     N    N    N     N',
	'org.manage':                       'N    Y     N     N    N    N     N',
	'outbox.view':                      'N    Y     N     N    N    N     N',
	'audit.view':                       'N    Y     N     N    N    N     N',
	'account.manage_own':               'N    Y     Y     Y    Y    Y     Y'
};

describe('can', () => {
	it('has an expectation for every action', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
	});

	const names = Object.keys(actors);
	for (const action of ACTIONS) {
		const answers = EXPECTED[action].trim().split(/\s+/);
		names.forEach((name, i) => {
			const allowed = answers[i] === 'Y';
			it(`${allowed ? 'lets' : 'does not let'} ${name} ${action}`, () => {
				expect(can(actors[name]!, action, thingFor)).toBe(allowed);
			});
		});
	}

	it("does not let a school user see another school's bookings", () => {
		expect(can(actors.school_user!, 'school.bookings.view', { schoolId: SCHOOL_B })).toBe(false);
	});

	it("lets department staff publish their own hours and their department's topics, the lead anyone's of the department", () => {
		const staff = actors.education_staff!;
		const lead = { ...staff, id: 'u7', departmentLead: true };
		expect(can(staff, 'consultations.publish_availability', { departmentId: EDUCATION })).toBe(true);
		expect(can(staff, 'consultations.publish_availability', { departmentId: MEDIATION })).toBe(false);
		expect(can(staff, 'consultations.publish_availability', { departmentId: EDUCATION, userId: staff.id })).toBe(true);
		expect(can(staff, 'consultations.publish_availability', { departmentId: EDUCATION, userId: 'u-colleague' })).toBe(false);
		expect(can(lead, 'consultations.publish_availability', { departmentId: EDUCATION, userId: 'u-colleague' })).toBe(true);
		expect(can(lead, 'consultations.publish_availability', { departmentId: MEDIATION, userId: 'u-other' })).toBe(false);
		expect(can({ ...actors.admin!, departmentLead: true }, 'consultations.publish_availability', { departmentId: EDUCATION })).toBe(false);
	});

	it("does not let department staff handle another department's queue", () => {
		expect(can(actors.education_staff!, 'consultations.handle', { departmentId: MEDIATION })).toBe(false);
		expect(can(actors.mediation_staff!, 'consultations.handle', { departmentId: MEDIATION })).toBe(true);
	});

	it("lets only a department's lead review its case access log", () => {
		const lead = { ...actors.mediation_staff!, departmentLead: true };
		expect(can(lead, 'consultations.review_case_log', { departmentId: MEDIATION })).toBe(true);
		expect(can(lead, 'consultations.review_case_log', { departmentId: EDUCATION })).toBe(false);
		expect(can(actors.mediation_staff!, 'consultations.review_case_log', { departmentId: MEDIATION })).toBe(false);
		expect(can({ ...actors.admin!, departmentLead: true }, 'consultations.review_case_log', { departmentId: MEDIATION })).toBe(false);
	});

	it("keeps a consultation from other departments and other schools, and its note from the school", () => {
		const mediationCase = { schoolId: SCHOOL_A, departmentId: MEDIATION };
		expect(can(actors.education_staff!, 'consultations.view', mediationCase)).toBe(false);
		expect(can(actors.education_staff!, 'consultations.read_description', mediationCase)).toBe(false);
		expect(can(actors.mediation_staff!, 'consultations.read_description', mediationCase)).toBe(true);
		expect(can(actors.school_user!, 'consultations.read_description', mediationCase)).toBe(true);
		expect(can(actors.school_user!, 'consultations.read_note', mediationCase)).toBe(false);
		expect(can(actors.school_user!, 'consultations.view', { schoolId: SCHOOL_B, departmentId: MEDIATION })).toBe(false);
	});

	it('keeps mediation case details from administrators', () => {
		const roles: Role[] = ['admin', 'facility_manager', 'visit_coordinator', 'school_user'];
		for (const role of roles)
			expect(can({ id: 'x', role, departmentId: null, schoolId: null }, 'mediation.cases.read')).toBe(false);
	});

	describe('the purpose of a booking, cell by cell', () => {
		const MEDIATION_BOOKER = { id: 'u9', departmentCode: 'mediation' };
		// Who made the booking → its Thing.
		const bookings = {
			'by mediation staff': { userId: MEDIATION_BOOKER.id, bookerDepartmentCode: 'mediation', schoolId: null },
			'by another mediation colleague': { userId: 'u10', bookerDepartmentCode: 'mediation', schoolId: null },
			'by education staff': { userId: 'u3', bookerDepartmentCode: 'education', schoolId: null },
			'by a facility manager': { userId: 'u2', bookerDepartmentCode: null, schoolId: null },
			'by a teacher of school A': { userId: 'u7', bookerDepartmentCode: null, schoolId: SCHOOL_A },
			'by a teacher of school B': { userId: 'u8', bookerDepartmentCode: null, schoolId: SCHOOL_B }
		};
		const viewers: Record<string, Actor | null> = {
			...actors,
			mediation_booker: { id: MEDIATION_BOOKER.id, role: 'department_staff', departmentId: MEDIATION, schoolId: null, departmentCode: 'mediation' }
		};
		//                                 anon admin facil edu  med  visit school booker
		const EXPECTED_PURPOSE: Record<keyof typeof bookings, string> = {
			'by mediation staff':             'N    N     N     N    Y    N     N      Y',
			'by another mediation colleague': 'N    N     N     N    Y    N     N      Y',
			'by education staff':             'N    Y     Y     Y    N    Y     N      N',
			'by a facility manager':          'N    Y     Y     N    N    Y     N      N',
			'by a teacher of school A':       'N    Y     Y     N    N    Y     Y      N',
			'by a teacher of school B':       'N    Y     Y     N    N    Y     N      N'
		};
		const names = Object.keys(viewers);
		for (const [booking, thing] of Object.entries(bookings)) {
			const answers = EXPECTED_PURPOSE[booking as keyof typeof bookings].trim().split(/\s+/);
			names.forEach((name, i) => {
				const shown = answers[i] === 'Y';
				it(`${shown ? 'shows' : 'does not show'} ${name} the purpose of a booking ${booking}`, () => {
					expect(can(viewers[name]!, 'reservations.read_purpose', thing)).toBe(shown);
				});
			});
		}
	});
});
