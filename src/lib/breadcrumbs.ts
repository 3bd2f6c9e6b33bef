/**
 * Breadcrumbs (KRDS "현재 경로") for every page, from the route id: each route names its label and
 * its parent, as data. A page with a name of its own (a room, a user) returns `breadcrumb` from its
 * load (`App.PageData`), which replaces the generic label of the last crumb. A new route adds one
 * line here; a route missing from the table shows Home › its `breadcrumb`, or no trail at all.
 */
import { m } from '$lib/paraglide/messages';

export interface Crumb {
	label: string;
	/** Absent for the current page. */
	href?: string;
}

interface RouteCrumb {
	label: () => string;
	/** Where the crumb links; absent for pages that are not a destination of their own. */
	href?: string;
	/** The route id of the parent crumb (Home when absent). */
	parent?: string;
}

export const ROUTE_CRUMBS: Record<string, RouteCrumb> = {
	'/(public)/rooms': { label: m.nav_rooms, href: '/rooms' },
	'/(public)/rooms/[id=uuid]': { label: m.crumb_room, parent: '/(public)/rooms' },
	'/(public)/board': { label: m.nav_board, href: '/board' },
	'/(public)/login': { label: m.login_title, href: '/login' },
	'/(public)/password-reset': { label: m.pwreset_title, href: '/password-reset', parent: '/(public)/login' },
	'/(public)/password-reset/[token]': { label: m.pwreset_new_title, parent: '/(public)/login' },
	'/(public)/invite/[token]': { label: m.invite_title },
	'/(public)/privacy': { label: m.legal_privacy_title, href: '/privacy' },
	'/(public)/copyright': { label: m.legal_copyright_title, href: '/copyright' },
	'/(public)/no-email-collection': { label: m.legal_noemail_title, href: '/no-email-collection' },
	'/(app)/dashboard': { label: m.nav_dashboard, href: '/dashboard' },
	'/(app)/account': { label: m.nav_account, href: '/account', parent: '/(app)/dashboard' },
	'/(app)/book': { label: m.nav_book, href: '/book', parent: '/(app)/dashboard' },
	'/(app)/my/bookings': { label: m.nav_my_bookings, href: '/my/bookings', parent: '/(app)/dashboard' },
	'/(public)/visits/request': { label: m.visit_request_title, href: '/visits/request' },
	'/(public)/visits/status': { label: m.visit_link_title, href: '/visits/status', parent: '/(public)/visits/request' },
	'/(public)/visits/status/[token]': { label: m.visit_status_request },
	'/(staff)/visits': { label: m.nav_visits, href: '/visits', parent: '/(app)/dashboard' },
	'/(staff)/visits/[id=uuid]': { label: m.nav_visits, parent: '/(staff)/visits' },
	'/(staff)/visits/[id=uuid]/itinerary': { label: m.visits_itinerary_title, parent: '/(staff)/visits' },
	'/(staff)/visits/checkin': { label: m.visits_checkin_title, href: '/visits/checkin', parent: '/(staff)/visits' },
	'/(staff)/visits/calendar': { label: m.visits_cal_title, href: '/visits/calendar', parent: '/(staff)/visits' },
	'/(app)/history': { label: m.history_title, href: '/history', parent: '/(app)/dashboard' },
	'/(app)/consultations': { label: m.nav_consultations, href: '/consultations', parent: '/(app)/dashboard' },
	'/(app)/consultations/mine': { label: m.consult_school_mine_title, href: '/consultations/mine', parent: '/(app)/consultations' },
	'/(app)/consultations/[id=uuid]': { label: m.consult_school_crumb, parent: '/(app)/consultations/mine' },
	'/(app)/my/bookings/[id=uuid]/edit': { label: m.edit_title, parent: '/(app)/my/bookings' },
	'/(staff)/facility/approvals': { label: m.nav_approvals, href: '/facility/approvals', parent: '/(app)/dashboard' },
	'/(staff)/facility/closures': { label: m.nav_closures, href: '/facility/closures', parent: '/(app)/dashboard' },
	'/(staff)/facility/rooms': { label: m.nav_facility_rooms, href: '/facility/rooms', parent: '/(app)/dashboard' },
	'/(staff)/facility/rooms/new': { label: m.crumb_room_new, parent: '/(staff)/facility/rooms' },
	'/(staff)/facility/rooms/[id=uuid]': { label: m.crumb_room, parent: '/(staff)/facility/rooms' },
	'/(staff)/department': { label: m.nav_department, href: '/department', parent: '/(app)/dashboard' },
	'/(staff)/department/consultations/[id=uuid]': { label: m.dept_queue_details_title, parent: '/(staff)/department' },
	'/(staff)/department/topics': { label: m.dept_topics_title, href: '/department/topics', parent: '/(staff)/department' },
	'/(staff)/department/availability': { label: m.dept_avail_title, href: '/department/availability', parent: '/(staff)/department' },
	'/(staff)/department/case-log': { label: m.dept_caselog_title, href: '/department/case-log', parent: '/(staff)/department' },
	'/(admin)/admin/users': { label: m.nav_users, href: '/admin/users', parent: '/(app)/dashboard' },
	'/(admin)/admin/users/new': { label: m.users_new_title, parent: '/(admin)/admin/users' },
	'/(admin)/admin/users/[id=uuid]': { label: m.crumb_user, parent: '/(admin)/admin/users' },
	'/(admin)/admin/schools': { label: m.nav_schools, href: '/admin/schools', parent: '/(app)/dashboard' },
	'/(admin)/admin/schools/new': { label: m.schools_new_title, parent: '/(admin)/admin/schools' },
	'/(admin)/admin/schools/import': { label: m.schools_import, parent: '/(admin)/admin/schools' },
	'/(admin)/admin/schools/[id=uuid]': { label: m.crumb_school, parent: '/(admin)/admin/schools' },
	'/(admin)/admin/departments': { label: m.nav_departments, href: '/admin/departments', parent: '/(app)/dashboard' },
	'/(admin)/admin/departments/[code=department]': { label: m.nav_departments, parent: '/(admin)/admin/departments' },
	'/(admin)/admin/outbox': { label: m.nav_outbox, href: '/admin/outbox', parent: '/(app)/dashboard' },
	'/preferences': { label: m.prefs_title, href: '/preferences' },
	'/logout': { label: m.logout_title }
};

/** Deep enough for any trail in the table; stops a parent cycle from looping. */
const MAX_DEPTH = 8;

/**
 * The trail to a page, Home first and the page itself last (without a link). Empty on the home
 * page and on pages that are neither in the table nor named by their load.
 */
export function trailFor(routeId: string | null, pageName?: string | null): Crumb[] {
	if (!routeId || routeId === '/(public)') return [];
	const own = ROUTE_CRUMBS[routeId];
	if (!own && !pageName) return [];
	const trail: Crumb[] = [{ label: pageName || own!.label() }];
	let parent = own?.parent;
	for (let depth = 0; parent && depth < MAX_DEPTH; depth++) {
		const crumb = ROUTE_CRUMBS[parent];
		if (!crumb) break;
		trail.unshift({ label: crumb.label(), href: crumb.href });
		parent = crumb.parent;
	}
	trail.unshift({ label: m.nav_home(), href: '/' });
	return trail;
}
