import type { Role } from '$lib/roles';

export type NavKey = 'home' | 'dashboard' | 'users' | 'outbox' | 'account' | 'login';
export interface NavItem {
	key: NavKey;
	href: string;
}

const HOME: NavItem = { key: 'home', href: '/' };
const DASHBOARD: NavItem = { key: 'dashboard', href: '/dashboard' };
const ACCOUNT: NavItem = { key: 'account', href: '/account' };

/** Navigation by role, as data: each role sees what it can reach. */
const BY_ROLE: Record<Role, NavItem[]> = {
	admin: [HOME, DASHBOARD, { key: 'users', href: '/admin/users' }, { key: 'outbox', href: '/admin/outbox' }, ACCOUNT],
	facility_manager: [HOME, DASHBOARD, ACCOUNT],
	department_staff: [HOME, DASHBOARD, ACCOUNT],
	visit_coordinator: [HOME, DASHBOARD, ACCOUNT],
	school_user: [HOME, DASHBOARD, ACCOUNT]
};

export function navFor(role: Role | null): NavItem[] {
	return role ? BY_ROLE[role] : [HOME, { key: 'login', href: '/login' }];
}

/** The item that owns a path: the longest matching prefix. */
export function currentNav(items: NavItem[], pathname: string): NavKey | null {
	let best: NavItem | null = null;
	for (const item of items) {
		const matches = item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(`${item.href}/`);
		if (matches && (!best || item.href.length > best.href.length)) best = item;
	}
	return best?.key ?? null;
}

/** A same-site path to go back to after a form; anything else becomes the home page. */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
		return fallback;
	return value;
}
