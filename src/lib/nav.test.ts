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
	it('keeps same-site paths with their query and fragment', () => {
		expect(safeRedirectPath('/admin/users?x=1')).toBe('/admin/users?x=1');
		expect(safeRedirectPath('/book?room=a%2Fb&date=2026-11-24#form')).toBe('/book?room=a%2Fb&date=2026-11-24#form');
		expect(safeRedirectPath('/rooms/%ED%9A%8C%EC%9D%98%EC%8B%A4')).toBe('/rooms/%ED%9A%8C%EC%9D%98%EC%8B%A4');
		expect(safeRedirectPath('/')).toBe('/');
	});

	it('normalizes dot segments and keeps the result on the site', () => {
		expect(safeRedirectPath('/a/../b')).toBe('/b');
		expect(safeRedirectPath('/a/./b/')).toBe('/a/b/');
	});

	const refused: [string, unknown][] = [
		['missing', undefined],
		['not a string', 42],
		['empty', ''],
		['relative', 'dashboard'],
		['protocol-relative', '//evil.example'],
		['backslash after slash', '/\\evil.example'],
		['backslash inside', '/a\\..\\..\\evil.example'],
		['tab (browsers drop it: //evil)', '/\t/evil.example'],
		['newline', '/\n/evil.example'],
		['carriage return', '/a\r\nSet-Cookie: x=1'],
		['NUL', '/a\u0000b'],
		['DEL', '/a\u007fb'],
		['C1 control', '/a\u0085b'],
		['space', '/a b'],
		['encoded tab', '/%09/evil.example'],
		['encoded newline', '/a%0d%0aSet-Cookie:x=1'],
		['encoded backslash', '/%5Cevil.example'],
		['encoded double slash', '/%2F%2Fevil.example'],
		['malformed escape', '/a%E0%A4%A'],
		['absolute https', 'https://evil.example'],
		['absolute http', 'http://evil.example/x'],
		['javascript:', 'javascript:alert(1)'],
		['data:', 'data:text/html,<script>alert(1)</script>'],
		['non-ASCII full-width solidus', '/\uff0fevil.example'],
		['non-ASCII slash look-alike', '/\u2215\u2215evil.example'],
		['non-ASCII letters', '/회의실'],
		['dot segments up to //', '/..//evil.example'],
		['too long', `/${'a'.repeat(3000)}`]
	];
	it.each(refused)('refuses %s and answers the fallback', (_name, value) => {
		expect(safeRedirectPath(value, '/dashboard')).toBe('/dashboard');
	});
});
