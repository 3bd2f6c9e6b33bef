/**
 * The admin's list of accounts: a search by name or e-mail (case-insensitive, Hangul as typed),
 * filters by role, status, department and school, and pages of USERS_PAGE_SIZE. All of it is
 * one WHERE clause in SQL, counted and paged by the database (never filtered over all rows here).
 */
import { and, asc, count, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { UserListQuery, UserStatus } from '../../schemas/users';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db';
import { appUser, department, school, type AppUser } from '../db/schema';
import { containsPattern } from '../db/sql';
import { ForbiddenError } from '../errors';

export const USERS_PAGE_SIZE = 20;

export type UserListItem = Pick<AppUser, 'id' | 'email' | 'name' | 'role' | 'active' | 'createdAt'> & {
	departmentNameKo: string | null;
	departmentNameEn: string | null;
	schoolNameKo: string | null;
	schoolNameEn: string | null;
	hasPassword: boolean;
};

export interface UserPage {
	items: UserListItem[];
	total: number;
	page: number;
	pageCount: number;
}

/** Where an account belongs, in both languages (its department or its school), for a select joined with both. */
export const affiliationColumns = {
	departmentNameKo: department.nameKo,
	departmentNameEn: department.nameEn,
	schoolNameKo: school.nameKo,
	schoolNameEn: school.nameEn
};

/** The same three states as the list's badges: switched off first, then whether a password was ever set. */
const STATUS: Record<UserStatus, SQL> = {
	deactivated: eq(appUser.active, false),
	invited: and(eq(appUser.active, true), isNull(appUser.passwordHash))!,
	active: and(eq(appUser.active, true), isNotNull(appUser.passwordHash))!
};

/** The query's conditions, each a named fragment; none is every account. */
function filtersOf(query: UserListQuery): SQL | undefined {
	const filters: SQL[] = [];
	if (query.q) {
		const pattern = containsPattern(query.q);
		filters.push(or(ilike(appUser.name, pattern), ilike(appUser.email, pattern))!);
	}
	if (query.role) filters.push(eq(appUser.role, query.role));
	if (query.status) filters.push(STATUS[query.status]);
	if (query.department) filters.push(eq(department.code, query.department));
	if (query.school) filters.push(eq(appUser.schoolId, query.school));
	return filters.length ? and(...filters) : undefined;
}

/** One page of accounts, by role then e-mail (then id: stable across pages); a page past the end shows the last. */
export async function list(actor: Actor, query: UserListQuery): Promise<UserPage> {
	if (!can(actor, 'users.manage')) throw new ForbiddenError();
	const where = filtersOf(query);
	const [{ total }] = (await db
		.select({ total: count() })
		.from(appUser)
		.leftJoin(department, eq(department.id, appUser.departmentId))
		.where(where)) as [{ total: number }];
	const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
	const page = Math.min(Math.max(1, query.page), pageCount);
	const rows = await db
		.select({
			id: appUser.id,
			email: appUser.email,
			name: appUser.name,
			role: appUser.role,
			active: appUser.active,
			createdAt: appUser.createdAt,
			passwordHash: appUser.passwordHash,
			...affiliationColumns
		})
		.from(appUser)
		.leftJoin(department, eq(department.id, appUser.departmentId))
		.leftJoin(school, eq(school.id, appUser.schoolId))
		.where(where)
		.orderBy(asc(appUser.role), asc(appUser.email), asc(appUser.id))
		.limit(USERS_PAGE_SIZE)
		.offset((page - 1) * USERS_PAGE_SIZE);
	const items = rows.map(({ passwordHash, ...row }) => ({ ...row, hasPassword: passwordHash !== null }));
	return { items, total: Number(total), page, pageCount };
}
