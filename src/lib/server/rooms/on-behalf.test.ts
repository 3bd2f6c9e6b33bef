import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/permissions';
import { booksForSchools, mayBookFor } from './on-behalf';

const who = (role: Actor['role'], schoolId: string | null = null): Actor => ({ id: 'u', role, departmentId: null, schoolId });

describe('booking on behalf of a school', () => {
	it('lets facility staff and admins book for any school', () => {
		expect(mayBookFor(who('facility_manager'), 's1')).toBe(true);
		expect(mayBookFor(who('admin'), 's2')).toBe(true);
	});
	it('lets a school user name their own school only', () => {
		expect(mayBookFor(who('school_user', 's1'), 's1')).toBe(true);
		expect(mayBookFor(who('school_user', 's1'), 's2')).toBe(false);
	});
	it('refuses staff who do not manage rooms', () => {
		expect(mayBookFor(who('department_staff'), 's1')).toBe(false);
		expect(mayBookFor(who('visit_coordinator'), 's1')).toBe(false);
	});
	it('asks nothing of a booking that names no school', () => {
		expect(mayBookFor(who('department_staff'), undefined)).toBe(true);
	});
	it('offers the school select to facility staff only', () => {
		expect(booksForSchools(who('facility_manager'))).toBe(true);
		expect(booksForSchools(who('admin'))).toBe(true);
		expect(booksForSchools(who('school_user', 's1'))).toBe(false);
		expect(booksForSchools(who('department_staff'))).toBe(false);
	});
});
