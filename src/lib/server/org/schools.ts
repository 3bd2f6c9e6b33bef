/**
 * The schools the center serves, as administrators keep them: the list with its search, one
 * school, adding and editing. Every change is audited in the transaction that makes it. The NEIS
 * code is unique when present: the database's unique constraint decides (two admins adding the
 * same code at once: one wins), and its refusal becomes the code field's error.
 */
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { SchoolListQuery } from '../../schemas/schools';
import * as audit from '../audit';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db';
import { isUniqueViolation } from '../db/errors';
import { school, type School } from '../db/schema';
import { containsPattern, isUuid } from '../db/sql';
import { ForbiddenError, NotFoundError, ValidationError, type Violation } from '../errors';
import { checkSchool, type SchoolInput, type SchoolValues } from './school-rules';

export const SCHOOLS_PAGE_SIZE = 20;
/** The constraint behind "unique when present" (drizzle/0000_init.sql). */
export const SCHOOL_CODE_UNIQUE = 'school_code_unique';

export function ensureMayManage(actor: Actor): void {
	if (!can(actor, 'org.manage')) throw new ForbiddenError();
}

/** The code field's error when another school has the code. */
export const codeTaken = (code: string): Violation => ({ rule: 'code', messageKey: 'school_code_taken', params: { code } });

export interface SchoolPage {
	items: School[];
	total: number;
	page: number;
	pageCount: number;
}

/** One page of schools: words found in either name or the code, one level; by Korean name, then id (stable across pages). */
export async function list(actor: Actor, query: SchoolListQuery): Promise<SchoolPage> {
	ensureMayManage(actor);
	const filters: SQL[] = [];
	const words = query.q.trim();
	if (words) {
		const pattern = containsPattern(words);
		filters.push(or(ilike(school.nameKo, pattern), ilike(school.nameEn, pattern), ilike(school.code, pattern))!);
	}
	if (query.level) filters.push(eq(school.level, query.level));
	const where = filters.length ? and(...filters) : undefined;
	const [{ total }] = (await db.select({ total: count() }).from(school).where(where)) as [{ total: number }];
	const pageCount = Math.max(1, Math.ceil(total / SCHOOLS_PAGE_SIZE));
	const page = Math.min(Math.max(1, query.page), pageCount);
	const items = await db
		.select()
		.from(school)
		.where(where)
		.orderBy(asc(school.nameKo), asc(school.id))
		.limit(SCHOOLS_PAGE_SIZE)
		.offset((page - 1) * SCHOOLS_PAGE_SIZE);
	return { items, total, page, pageCount };
}

export async function get(actor: Actor, id: string): Promise<School> {
	ensureMayManage(actor);
	if (!isUuid(id)) throw new NotFoundError('school_not_found');
	const [row] = await db.select().from(school).where(eq(school.id, id));
	if (!row) throw new NotFoundError('school_not_found');
	return row;
}

function ensureValid(input: SchoolInput): SchoolValues {
	const checked = checkSchool(input);
	if (!checked.ok) throw new ValidationError(checked.violations);
	return checked.values;
}

export const valuesOf = (row: School): SchoolValues => ({
	code: row.code,
	nameKo: row.nameKo,
	nameEn: row.nameEn,
	level: row.level as SchoolValues['level'],
	region: row.region,
	phone: row.phone
});

/** Add a school; a code another school has is the code field's error. */
export async function create(actor: Actor, input: SchoolInput): Promise<School> {
	ensureMayManage(actor);
	const values = ensureValid(input);
	try {
		return await db.transaction(async (tx) => {
			const [created] = await tx.insert(school).values(values).returning();
			await audit.record(tx, { actorId: actor.id, action: 'school.create', entity: 'school', entityId: created!.id, after: values });
			return created!;
		});
	} catch (error) {
		if (values.code && isUniqueViolation(error, SCHOOL_CODE_UNIQUE)) throw new ValidationError([codeTaken(values.code)]);
		throw error;
	}
}

/** Change a school's details; the same refusals as adding. */
export async function update(actor: Actor, id: string, input: SchoolInput): Promise<School> {
	const before = await get(actor, id);
	const values = ensureValid(input);
	try {
		return await db.transaction(async (tx) => {
			const [updated] = await tx.update(school).set(values).where(eq(school.id, id)).returning();
			if (!updated) throw new NotFoundError('school_not_found');
			await audit.record(tx, {
				actorId: actor.id,
				action: 'school.update',
				entity: 'school',
				entityId: id,
				before: valuesOf(before),
				after: values
			});
			return updated;
		});
	} catch (error) {
		if (values.code && isUniqueViolation(error, SCHOOL_CODE_UNIQUE)) throw new ValidationError([codeTaken(values.code)]);
		throw error;
	}
}
