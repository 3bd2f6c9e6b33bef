/**
 * The admin user list's search, from the address bar (a GET form: it works without JavaScript and
 * every page link keeps it). Every field falls back to "any": a hand-edited address shows the
 * list, never an error page. Pure and browser-safe.
 */
import * as z from 'zod';
import { ROLES } from '../roles';
import { UUID_PATTERN } from '../uuid';
import { DEPARTMENT_CODE_PATTERN } from '../department-code';
import { formText } from './primitives';

/** How an account stands: signed in at least once (a password), invited (none yet), or switched off. */
export const USER_STATUSES = ['active', 'invited', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const userListQuery = z.object({
	// NFC: a name typed on a Mac (decomposed Hangul) finds the same people.
	q: formText({ max: 100 })
		.transform((q) => q.normalize('NFC').trim())
		.catch(''),
	role: z.enum(ROLES).optional().catch(undefined),
	status: z.enum(USER_STATUSES).optional().catch(undefined),
	/** A department's code (education, administration, mediation, facility). */
	department: z
		.string()
		.regex(DEPARTMENT_CODE_PATTERN)
		.optional()
		.catch(undefined),
	/** A school's id. */
	school: z
		.string()
		.regex(UUID_PATTERN)
		.transform((id) => id.toLowerCase())
		.optional()
		.catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1)
});
export type UserListQuery = z.output<typeof userListQuery>;

/** The list's address for a query and page: only what is set, so the address stays short and shareable. */
export function userListHref(query: Partial<UserListQuery>, page = 1): string {
	const params = new URLSearchParams();
	if (query.q) params.set('q', query.q);
	if (query.role) params.set('role', query.role);
	if (query.status) params.set('status', query.status);
	if (query.department) params.set('department', query.department);
	if (query.school) params.set('school', query.school);
	if (page > 1) params.set('page', String(page));
	const search = params.toString();
	return search ? `/admin/users?${search}` : '/admin/users';
}
