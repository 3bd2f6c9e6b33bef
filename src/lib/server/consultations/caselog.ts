/**
 * The case access log of a department's consultations, for the department's lead only: who read
 * which case, what (a view, an export), when and from where; newest first, by page, within a date
 * range. The CSV export is itself a read of those cases: it writes one 'export' row per case it
 * lists, in the transaction that reads them.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { CASE_LOG_PAGE_SIZE } from '../../schemas/consultations';
import { can, type Actor } from '../auth/permissions';
import * as clock from '../clock';
import { db, type Executor } from '../db';
import { appUser, caseAccessLog, consultation } from '../db/schema';
import { ForbiddenError } from '../errors';
import { addDays, seoulInstant, type IsoDate } from '../../time/seoul';

/** An export lists at most this many rows (two years of a busy department fit). */
export const CASE_LOG_EXPORT_MAX_ROWS = 50_000;

export interface CaseLogFilter {
	/** Seoul dates, inclusive; absent = open-ended. */
	from?: IsoDate;
	to?: IsoDate;
}

export interface CaseLogEntry {
	id: number;
	at: Date;
	reference: string;
	consultationId: string;
	purpose: string;
	clientAddress: string | null;
	actorName: string | null;
	actorEmail: string | null;
}

function ensureMayReview(actor: Actor, departmentId: string | null): asserts departmentId is string {
	if (departmentId === null || !can(actor, 'consultations.review_case_log', { departmentId })) throw new ForbiddenError();
}

const whereOf = (departmentId: string, filter: CaseLogFilter): SQL => {
	const parts: SQL[] = [eq(consultation.departmentId, departmentId)];
	if (filter.from) parts.push(gte(caseAccessLog.at, seoulInstant(filter.from)));
	if (filter.to) parts.push(lt(caseAccessLog.at, seoulInstant(addDays(filter.to, 1))));
	return and(...parts)!;
};

const entries = (executor: Executor, departmentId: string, filter: CaseLogFilter) =>
	executor
		.select({
			id: caseAccessLog.id,
			at: caseAccessLog.at,
			reference: caseAccessLog.reference,
			consultationId: caseAccessLog.consultationId,
			purpose: caseAccessLog.purpose,
			clientAddress: caseAccessLog.clientAddress,
			actorName: appUser.name,
			actorEmail: appUser.email
		})
		.from(caseAccessLog)
		.innerJoin(consultation, eq(consultation.id, caseAccessLog.consultationId))
		.leftJoin(appUser, eq(appUser.id, caseAccessLog.actorId))
		.where(whereOf(departmentId, filter))
		.orderBy(desc(caseAccessLog.at), desc(caseAccessLog.id));

/** One page of the actor's department's log (the actor must be its lead), with the total. */
export async function page(actor: Actor, filter: CaseLogFilter, pageNumber: number): Promise<{ entries: CaseLogEntry[]; total: number; pageSize: number }> {
	ensureMayReview(actor, actor.departmentId);
	const departmentId = actor.departmentId;
	const [rows, [count]] = await Promise.all([
		entries(db, departmentId, filter)
			.limit(CASE_LOG_PAGE_SIZE)
			.offset((pageNumber - 1) * CASE_LOG_PAGE_SIZE),
		db
			.select({ n: sql<number>`count(*)::int` })
			.from(caseAccessLog)
			.innerJoin(consultation, eq(consultation.id, caseAccessLog.consultationId))
			.where(whereOf(departmentId, filter))
	]);
	return { entries: rows, total: Number(count?.n ?? 0), pageSize: CASE_LOG_PAGE_SIZE };
}

/**
 * Every entry of the range for the export, and, in the same transaction, one 'export' row per
 * case listed (who exported, from where): the export of the log is a read of those cases.
 */
export async function exportEntries(actor: Actor, filter: CaseLogFilter, clientAddress: string | null): Promise<CaseLogEntry[]> {
	ensureMayReview(actor, actor.departmentId);
	const departmentId = actor.departmentId;
	return db.transaction(async (tx) => {
		const rows = await entries(tx, departmentId, filter).limit(CASE_LOG_EXPORT_MAX_ROWS);
		const cases = new Map(rows.map((r) => [r.consultationId, r.reference]));
		if (cases.size)
			await tx
				.insert(caseAccessLog)
				.values([...cases].map(([consultationId, reference]) => ({ consultationId, reference, actorId: actor.id, purpose: 'export', clientAddress, at: clock.now() })));
		return rows;
	});
}

const CSV_HEADERS = ['일시', '사용자', '이메일', '상담 번호', '내용', '접속 주소'];
const PURPOSE_KO: Record<string, string> = { view: '열람', export: '내보내기' };

/** A cell as RFC 4180 quotes it; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
function cell(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "2026-12-07 14:05:09", Seoul wall clock: what a spreadsheet reads as a date and time. */
function seoulStamp(at: Date): string {
	return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The log as CSV: UTF-8 with a BOM (Excel reads the Hangul), Korean headers, CRLF line ends. */
export function toCsv(rows: CaseLogEntry[]): string {
	const lines = [CSV_HEADERS.join(',')];
	for (const r of rows)
		lines.push([seoulStamp(r.at), r.actorName ?? '', r.actorEmail ?? '', r.reference, PURPOSE_KO[r.purpose] ?? r.purpose, r.clientAddress ?? ''].map(cell).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
