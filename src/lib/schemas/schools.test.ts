import { describe, expect, it } from 'vitest';
import { parseInput } from './issues';
import { schoolImportUploadForm, schoolListQuery, SCHOOL_IMPORT_MAX_BYTES } from './schools';

describe('schoolListQuery', () => {
	it('reads a hand-edited query as the plain list, never as an error', () => {
		expect(schoolListQuery.parse({ q: '한솔', level: 'high', page: '3' })).toEqual({ q: '한솔', level: 'high', page: 3 });
		expect(schoolListQuery.parse({ level: 'college', page: '-1' })).toEqual({ q: '', level: undefined, page: 1 });
		expect(schoolListQuery.parse({ q: 'a\u0000b', page: 'abc' })).toEqual({ q: '', level: undefined, page: 1 });
	});
});

describe('schoolImportUploadForm', () => {
	it('asks for a file, and refuses one over 1 MB', () => {
		const problem = (raw: unknown) => {
			const parsed = parseInput(schoolImportUploadForm, raw);
			return parsed.ok ? null : parsed.problems[0];
		};
		expect(problem({})).toMatchObject({ rule: 'file', messageKey: 'school_import_no_file' });
		expect(problem({ file: 'text' })).toMatchObject({ rule: 'file', messageKey: 'school_import_no_file' });
		expect(problem({ file: new File([], 'empty.csv') })).toMatchObject({ messageKey: 'school_import_no_file' });
		expect(problem({ file: new File([new Uint8Array(SCHOOL_IMPORT_MAX_BYTES + 1)], 'big.csv') })).toMatchObject({ messageKey: 'school_import_too_large' });
		expect(problem({ file: new File(['학교명,학교급\n가,초'], 'ok.csv') })).toBeNull();
	});
});
