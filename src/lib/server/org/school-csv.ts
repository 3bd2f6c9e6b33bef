/**
 * Reading a CSV of schools: the bytes as text (UTF-8 with or without BOM, or EUC-KR as Korean
 * Excel saves it), the header in Korean or English, every row judged with its line number as in
 * the file. Pure: the database's side (new, changed, unchanged) is school-import.ts.
 */
import { parse } from 'csv-parse/sync';
import { SCHOOL_IMPORT_MAX_BYTES, SCHOOL_IMPORT_MAX_ROWS } from '../../schemas/schools';
import type { Violation } from '../errors';
import { checkSchool, type SchoolField, type SchoolInput, type SchoolValues } from './school-rules';

/** Header names accepted for each field, compared without case, spaces, `_` or `-`. */
const HEADERS: Record<SchoolField, string[]> = {
	nameKo: ['학교명', '학교이름', 'nameko', 'name', 'schoolname', 'koreanname'],
	nameEn: ['영문명', '영문학교명', 'nameen', 'englishname'],
	level: ['학교급', '학교급명', '학교급구분', 'level', 'schoollevel'],
	region: ['지역', '지역명', 'region'],
	code: ['학교코드', '행정표준코드', 'neis코드', 'code', 'neiscode', 'schoolcode'],
	phone: ['전화번호', '연락처', 'phone', 'tel', 'telephone', 'phonenumber']
};
const REQUIRED_HEADERS: SchoolField[] = ['nameKo', 'level'];

/** The level as a CSV may say it (Korean, short Korean, English) → the stored value. */
const LEVELS: Record<string, SchoolValues['level']> = {
	초등학교: 'elementary',
	초: 'elementary',
	초등: 'elementary',
	elementary: 'elementary',
	중학교: 'middle',
	중: 'middle',
	middle: 'middle',
	고등학교: 'high',
	고: 'high',
	high: 'high',
	특수학교: 'special',
	특수: 'special',
	special: 'special',
	기타: 'other',
	other: 'other'
};

const headerKey = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, '');

function fieldOfHeader(name: string): SchoolField | null {
	const key = headerKey(name);
	for (const [field, names] of Object.entries(HEADERS) as [SchoolField, string[]][]) if (names.includes(key)) return field;
	return null;
}

/** A level as written in a file, or the text as typed (then judged invalid). */
export function levelOf(text: string): string {
	const trimmed = text.trim();
	return LEVELS[trimmed.toLowerCase()] ?? trimmed;
}

/** The file as text: UTF-8 (BOM or not), else EUC-KR; refused when larger than the limit. */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: Violation } {
	if (bytes.byteLength > SCHOOL_IMPORT_MAX_BYTES) return { ok: false, error: tooLarge() };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Not valid UTF-8: Korean Excel's "CSV" is EUC-KR (its superset CP949, which the WHATWG decoder reads).
		text = new TextDecoder('euc-kr').decode(bytes);
	}
	return { ok: true, text: text.replace(/^\uFEFF/, '') };
}

const tooLarge = (): Violation => ({ rule: 'file', messageKey: 'school_import_too_large', params: { max: '1 MB' } });

export interface CsvRow {
	/** The line the row starts on, counted as an editor does (the header is line 1). */
	line: number;
	/** The row's cells by field, as typed (the level already read as a stored value when known). */
	input: Required<SchoolInput>;
	values: SchoolValues | null;
	errors: Violation[];
}

export type CsvReading = { ok: true; rows: CsvRow[] } | { ok: false; error: Violation };

type ParsedRecord = { record: string[]; raw: string; info: { lines: number } };

/** Every row of the file with its problems, or what makes the whole file unreadable. */
export function readSchoolCsv(text: string): CsvReading {
	if (text.length > SCHOOL_IMPORT_MAX_BYTES * 2) return { ok: false, error: tooLarge() };
	let records: ParsedRecord[];
	try {
		records = parse(text.replace(/^\uFEFF/, ''), {
			bom: true,
			skip_empty_lines: true,
			relax_column_count: true,
			relax_quotes: false,
			info: true,
			raw: true
		}) as unknown as ParsedRecord[];
	} catch (error) {
		const line = (error as { lines?: number }).lines ?? 1;
		return { ok: false, error: { rule: 'file', messageKey: 'school_import_unreadable', params: { line } } };
	}
	const filled = records.filter((r) => r.record.some((cell) => cell.trim() !== ''));
	const [header, ...data] = filled;
	if (!header) return { ok: false, error: { rule: 'file', messageKey: 'school_import_empty' } };
	const columns = header.record.map(fieldOfHeader);
	const missing = REQUIRED_HEADERS.filter((field) => !columns.includes(field));
	if (missing.length)
		return { ok: false, error: { rule: 'file', messageKey: 'school_import_missing_columns', params: { columns: missing.map((f) => HEADERS[f][0]).join(', ') } } };
	if (data.length === 0) return { ok: false, error: { rule: 'file', messageKey: 'school_import_no_rows' } };
	if (data.length > SCHOOL_IMPORT_MAX_ROWS)
		return { ok: false, error: { rule: 'file', messageKey: 'school_import_too_many_rows', params: { max: SCHOOL_IMPORT_MAX_ROWS, count: data.length } } };

	const firstLineOfCode = new Map<string, number>();
	const rows = data.map(({ record, raw, info }): CsvRow => {
		// info.lines is where the record ends (a quoted cell may span lines); raw starts with the empty lines skipped before it.
		const line = info.lines - (raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
		const input: Required<SchoolInput> = { code: '', nameKo: '', nameEn: '', level: '', region: '', phone: '' };
		columns.forEach((field, i) => {
			if (field && input[field] === '') input[field] = (record[i] ?? '').trim();
		});
		input.level = levelOf(input.level);
		const checked = checkSchool(input);
		const errors = checked.ok ? [] : checked.violations;
		const code = input.code;
		if (code) {
			const first = firstLineOfCode.get(code);
			if (first !== undefined) errors.push({ rule: 'code', messageKey: 'school_import_code_repeated', params: { code, line: first } });
			else firstLineOfCode.set(code, line);
		}
		return { line, input, values: errors.length ? null : checked.ok ? checked.values : null, errors };
	});
	return { ok: true, rows };
}
