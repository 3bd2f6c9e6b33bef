/**
 * Importing schools from a CSV: a preview that lists every row with its line and problems and
 * says what it would do (add a new school, update the school with that NEIS code, leave it as it
 * is), then the import itself, all or nothing in one transaction. A row whose code a school
 * already has updates that school; a code repeated in the file is that row's error.
 */
import { eq, inArray } from 'drizzle-orm';
import * as audit from '../audit';
import type { Actor } from '../auth/permissions';
import { db, type Executor } from '../db';
import { constraintName, sqlState, UNIQUE_VIOLATION } from '../db/errors';
import { school } from '../db/schema';
import type { Violation } from '../errors';
import { readSchoolCsv, type CsvRow } from './school-csv';
import { changedFields, type SchoolField, type SchoolValues } from './school-rules';
import { codeTaken, ensureMayManage, SCHOOL_CODE_UNIQUE, valuesOf } from './schools';

export type ImportAction = 'new' | 'changed' | 'unchanged' | 'invalid';

export interface ImportRow extends CsvRow {
	action: ImportAction;
	/** The school a row updates (its code is known). */
	schoolId: string | null;
	/** What an update changes. */
	changed: SchoolField[];
}

export interface ImportPreview {
	/** Nothing wrong: the import may go ahead. */
	ok: boolean;
	/** What makes the whole file unusable (too large, no header, …); then no rows. */
	fileError: Violation | null;
	rows: ImportRow[];
	counts: Record<ImportAction, number>;
}

export type ImportResult = { ok: true; counts: Record<ImportAction, number> } | { ok: false; preview: ImportPreview };

const noCounts = (): Record<ImportAction, number> => ({ new: 0, changed: 0, unchanged: 0, invalid: 0 });

function previewOf(rows: ImportRow[], fileError: Violation | null = null): ImportPreview {
	const counts = noCounts();
	for (const row of rows) counts[row.action] += 1;
	return { ok: fileError === null && counts.invalid === 0, fileError, rows, counts };
}

/** Each row against the schools there are: new, an update (with what changes), or unchanged. */
async function classify(executor: Executor, rows: CsvRow[]): Promise<ImportRow[]> {
	const codes = [...new Set(rows.map((r) => r.input.code).filter((code) => code !== ''))];
	const existing = codes.length ? await executor.select().from(school).where(inArray(school.code, codes)) : [];
	const byCode = new Map(existing.map((s) => [s.code!, s]));
	return rows.map((row): ImportRow => {
		if (!row.values) return { ...row, action: 'invalid', schoolId: null, changed: [] };
		const found = row.values.code ? byCode.get(row.values.code) : undefined;
		if (!found) return { ...row, action: 'new', schoolId: null, changed: [] };
		const changed = changedFields(valuesOf(found), row.values);
		return { ...row, action: changed.length ? 'changed' : 'unchanged', schoolId: found.id, changed };
	});
}

/** What the import of this text would do, row by row. Changes nothing. */
export async function preview(actor: Actor, text: string): Promise<ImportPreview> {
	ensureMayManage(actor);
	const reading = readSchoolCsv(text);
	if (!reading.ok) return previewOf([], reading.error);
	return previewOf(await classify(db, reading.rows));
}

/** The code in a unique violation's detail: `Key (code)=(7751032) already exists.` */
function codeOfViolation(error: unknown): string | null {
	const cause = (error as { cause?: { detail?: string } }).cause ?? (error as { detail?: string });
	return cause?.detail?.match(/\(code\)=\(([^)]*)\)/)?.[1] ?? null;
}

class Refused extends Error {
	constructor(readonly preview: ImportPreview) {
		super('school import refused');
	}
}

/**
 * Import the text: every row or none. The rows are judged again inside the transaction (another
 * admin may have changed schools since the preview); a code added meanwhile is that row's error.
 */
export async function importAll(actor: Actor, text: string): Promise<ImportResult> {
	ensureMayManage(actor);
	const reading = readSchoolCsv(text);
	if (!reading.ok) return { ok: false, preview: previewOf([], reading.error) };
	let rows: ImportRow[] = [];
	try {
		return await db.transaction(async (tx) => {
			rows = await classify(tx, reading.rows);
			const judged = previewOf(rows);
			if (!judged.ok) throw new Refused(judged);
			const fresh = rows.filter((r) => r.action === 'new');
			const updates = rows.filter((r) => r.action === 'changed');
			const entries: audit.AuditEntry[] = [];
			if (fresh.length) {
				const created = await tx
					.insert(school)
					.values(fresh.map((r) => r.values!))
					.returning({ id: school.id });
				created.forEach(({ id }, i) =>
					entries.push({ actorId: actor.id, action: 'school.import.create', entity: 'school', entityId: id, after: fresh[i]!.values })
				);
			}
			const before = updates.length
				? await tx.select().from(school).where(inArray(school.id, updates.map((r) => r.schoolId!)))
				: [];
			for (const row of updates) {
				await tx.update(school).set(row.values as SchoolValues).where(eq(school.id, row.schoolId!));
				const was = before.find((s) => s.id === row.schoolId);
				entries.push({
					actorId: actor.id,
					action: 'school.import.update',
					entity: 'school',
					entityId: row.schoolId,
					before: was ? valuesOf(was) : null,
					after: row.values
				});
			}
			await audit.recordMany(tx, entries);
			return { ok: true as const, counts: judged.counts };
		});
	} catch (error) {
		if (error instanceof Refused) return { ok: false, preview: error.preview };
		if (sqlState(error) === UNIQUE_VIOLATION && constraintName(error) === SCHOOL_CODE_UNIQUE) {
			// Another admin added a school with one of these codes after this transaction read them.
			const code = codeOfViolation(error);
			const marked = rows.map((row): ImportRow =>
				row.action === 'new' && row.values?.code && (code === null || row.values.code === code)
					? { ...row, action: 'invalid', values: null, errors: [...row.errors, codeTaken(row.input.code)] }
					: row
			);
			return { ok: false, preview: previewOf(marked) };
		}
		throw error;
	}
}
