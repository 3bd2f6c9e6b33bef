/**
 * The four departments of the headquarters, as administrators keep them: both names, phone,
 * e-mail, location and a description. There are always these four (seeded; `code` is their stable
 * key): they are listed and edited, never added or removed. Every change is audited in the
 * transaction that makes it, with what it was before.
 */
import { asc, eq } from 'drizzle-orm';
import { DEPARTMENT_FIELDS, departmentForm, type DepartmentValues } from '../../schemas/departments';
import { parseInput } from '../../schemas/issues';
import * as audit from '../audit';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db';
import { department, type Department } from '../db/schema';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';

export function ensureMayManage(actor: Actor): void {
	if (!can(actor, 'org.manage')) throw new ForbiddenError();
}

/** The departments in their fixed order. */
export async function list(actor: Actor): Promise<Department[]> {
	ensureMayManage(actor);
	return db.select().from(department).orderBy(asc(department.sortOrder), asc(department.code));
}

/** One department by its code (the address of its edit page). */
export async function get(actor: Actor, code: string): Promise<Department> {
	ensureMayManage(actor);
	const [row] = await db.select().from(department).where(eq(department.code, code));
	if (!row) throw new NotFoundError('department_not_found');
	return row;
}

export const valuesOf = (row: Department): DepartmentValues => ({
	nameKo: row.nameKo,
	nameEn: row.nameEn,
	phone: row.phone,
	email: row.email,
	location: row.location,
	description: row.description
});

/** The fields that would change; none means nothing to save. */
export const changedFields = (before: DepartmentValues, after: DepartmentValues) => DEPARTMENT_FIELDS.filter((f) => before[f] !== after[f]);

/**
 * Change a department's details (a form's fields as typed, judged by the form's schema). An
 * unchanged form saves nothing and writes no audit row. The code is never changed.
 */
export async function update(actor: Actor, code: string, input: unknown): Promise<Department> {
	const before = await get(actor, code);
	const parsed = parseInput(departmentForm, input);
	if (!parsed.ok) throw new ValidationError(parsed.problems);
	const values = parsed.value;
	const changed = changedFields(valuesOf(before), values);
	if (changed.length === 0) return before;
	return db.transaction(async (tx) => {
		const [updated] = await tx.update(department).set(values).where(eq(department.id, before.id)).returning();
		if (!updated) throw new NotFoundError('department_not_found');
		const pick = (v: DepartmentValues) => Object.fromEntries(changed.map((f) => [f, v[f]]));
		await audit.record(tx, {
			actorId: actor.id,
			action: 'department.update',
			entity: 'department',
			entityId: before.id,
			before: pick(valuesOf(before)),
			after: pick(values)
		});
		return updated;
	});
}
