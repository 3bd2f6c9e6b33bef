import { describe, expect, it } from 'vitest';
import { currentNav, navFor, safeRedirectPath } from './nav';

describe('navFor', () => {
	it('shows sign-in to anonymous visitors and no staff pages', () => {
		expect(navFor(null).map((i) => i.key)).toEqual(['home', 'rooms', 'board', 'login']);
	});

	it('shows user management only to administrators', () => {
		expect(navFor('admin').map((i) => i.key)).toContain('users');
		for (const role of ['facility_manager', 'department_staff', 'visit_coordinator', 'school_user'] as const)
			expect(navFor(role).map((i) => i.key)).not.toContain('users');
	});
});

describe('currentNav', () => {
	it('marks the longest matching prefix and not the home page for sub-pages', () => {
		const items = navFor('admin');
		expect(currentNav(items, '/admin/users/123')).toBe('users');
		expect(currentNav(navFor(null), '/')).toBe('home');
		expect(currentNav(items, '/elsewhere')).toBeNull();
	});
});

describe('safeRedirectPath', () => {
	it('keeps same-site paths and refuses other sites', () => {
		expect(safeRedirectPath('/admin/users?x=1')).toBe('/admin/users?x=1');
		expect(safeRedirectPath('//evil.example')).toBe('/');
		expect(safeRedirectPath('https://evil.example')).toBe('/');
		expect(safeRedirectPath('/\\evil.example')).toBe('/');
		expect(safeRedirectPath(undefined, '/dashboard')).toBe('/dashboard');
	});
});
