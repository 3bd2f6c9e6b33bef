import { describe, expect, it } from 'vitest';
import { userListHref, userListQuery } from './users';

describe('the user list query', () => {
	it('reads what the address says and falls back to "any" for whatever it cannot read', () => {
		expect(userListQuery.parse({ q: ' 김 ', role: 'school_user', status: 'invited', department: 'mediation', page: '3' })).toEqual({
			q: '김',
			role: 'school_user',
			status: 'invited',
			department: 'mediation',
			school: undefined,
			page: 3
		});
		expect(userListQuery.parse({ q: 'x'.repeat(101), role: 'king', status: 'gone', department: '../etc', school: 'nope', page: '-1' })).toEqual({
			q: '',
			role: undefined,
			status: undefined,
			department: undefined,
			school: undefined,
			page: 1
		});
	});

	it('writes page links that keep the search and filters, and only what is set', () => {
		const query = userListQuery.parse({ q: '김 하늘', status: 'active', school: '0190F5A8-0000-4000-8000-000000000001' });
		expect(userListHref(query, 2)).toBe('/admin/users?q=%EA%B9%80+%ED%95%98%EB%8A%98&status=active&school=0190f5a8-0000-4000-8000-000000000001&page=2');
		expect(userListHref(userListQuery.parse({}), 1)).toBe('/admin/users');
	});
});
