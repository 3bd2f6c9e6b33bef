import type { Role } from '$lib/roles';

export type NavKey =
	| 'home'
	| 'dashboard'
	| 'rooms'
	| 'board'
	| 'book'
	| 'myBookings'
	| 'history'
	| 'visits'
	| 'consultations'
	| 'approvals'
	| 'facilityRooms'
	| 'closures'
	| 'department'
	| 'users'
	| 'schools'
	| 'departments'
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
const CONSULTATIONS = item('consultations', '/consultations');
const HISTORY = item('history', '/history');
const VISITS = item('visits', '/visits');
const APPROVALS = item('approvals', '/facility/approvals');
const FACILITY_ROOMS = item('facilityRooms', '/facility/rooms');
const CLOSURES = item('closures', '/facility/closures');

/** Navigation by role, as data: each role sees what it can reach. The brand links home. */
const BY_ROLE: Record<Role, NavItem[]> = {
	admin: [DASHBOARD, BOARD, APPROVALS, VISITS, FACILITY_ROOMS, CLOSURES, item('users', '/admin/users'), item('schools', '/admin/schools'), item('departments', '/admin/departments'), item('outbox', '/admin/outbox')],
	facility_manager: [DASHBOARD, BOARD, APPROVALS, FACILITY_ROOMS, CLOSURES, BOOK],
	department_staff: [DASHBOARD, item('department', '/department'), BOARD, ROOMS, BOOK, MY_BOOKINGS],
	visit_coordinator: [DASHBOARD, VISITS, BOARD, ROOMS, BOOK, MY_BOOKINGS],
	school_user: [DASHBOARD, CONSULTATIONS, BOARD, ROOMS, BOOK, MY_BOOKINGS, HISTORY]
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

/** Only printable ASCII without the backslash: no control characters (tab, newline), no spaces, no look-alikes. */
const PLAIN_PATH = /^[\x21-\x5b\x5d-\x7e]+$/;
/** A throwaway origin to resolve against: only the path, query and fragment of the result are kept. */
const BASE = 'https://same-site.invalid';
const MAX_REDIRECT_LENGTH = 2048;

/**
 * A same-site path to go to after a form or sign-in (`next`, `redirectTo`); anything else is the
 * fallback. Browsers strip tabs and newlines and read `\` as `/`, so `/\t/evil` or `/\evil` would
 * leave the site: only plain ASCII paths pass, resolved with `new URL` and checked to stay on
 * the origin, and the result (normalized, e.g. `/..//evil` is `//evil`) must not start with `//`.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length > MAX_REDIRECT_LENGTH) return fallback;
	if (!value.startsWith('/') || !PLAIN_PATH.test(value)) return fallback;
	let decoded: string;
	try {
		decoded = decodeURIComponent(value);
	} catch {
		return fallback;
	}
	// Encoded tricks (%09, %5C, %2F%2F) are refused too, should anything downstream decode them.
	if (/[\x00-\x1f\x7f\\]/.test(decoded) || decoded.startsWith('//')) return fallback;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return fallback;
	}
	const path = url.pathname + url.search + url.hash;
	if (url.origin !== BASE || !path.startsWith('/') || path.startsWith('//')) return fallback;
	return path;
}
