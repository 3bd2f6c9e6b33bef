import type { Role } from '$lib/roles';

export type NavKey =
	| 'home'
	| 'dashboard'
	| 'rooms'
	| 'board'
	| 'book'
	| 'myBookings'
	| 'approvals'
	| 'facilityRooms'
	| 'closures'
	| 'users'
	| 'outbox'
	| 'account'
	| 'login';
export interface NavItem {
	key: NavKey;
	href: string;
}

const item = (key: NavKey, href: string): NavItem => ({ key, href });
const DASHBOARD = item('dashboard', '/dashboard');
const ROOMS = item('rooms', '/rooms');
const BOARD = item('board', '/board');
const BOOK = item('book', '/book');
const MY_BOOKINGS = item('myBookings', '/my/bookings');
const APPROVALS = item('approvals', '/facility/approvals');
const FACILITY_ROOMS = item('facilityRooms', '/facility/rooms');
const CLOSURES = item('closures', '/facility/closures');

/** Navigation by role, as data: each role sees what it can reach. The brand links home. */
const BY_ROLE: Record<Role, NavItem[]> = {
	admin: [DASHBOARD, BOARD, APPROVALS, FACILITY_ROOMS, CLOSURES, item('users', '/admin/users'), item('outbox', '/admin/outbox')],
	facility_manager: [DASHBOARD, BOARD, APPROVALS, FACILITY_ROOMS, CLOSURES, BOOK],
	department_staff: [DASHBOARD, BOARD, ROOMS, BOOK, MY_BOOKINGS],
	visit_coordinator: [DASHBOARD, BOARD, ROOMS, BOOK, MY_BOOKINGS],
	school_user: [DASHBOARD, BOARD, ROOMS, BOOK, MY_BOOKINGS]
};

export function navFor(role: Role | null): NavItem[] {
	return role ? BY_ROLE[role] : [item('home', '/'), ROOMS, BOARD, item('login', '/login')];
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
