import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SCHOOL_IMPORT_MAX_BYTES } from '../../schemas/schools';
import { decodeCsv, levelOf, readSchoolCsv } from './school-csv';

const HEADER = '학교명,영문명,학교급,지역,학교코드,전화번호';
const utf8 = (text: string) => new TextEncoder().encode(text);

function rowsOf(text: string) {
	const reading = readSchoolCsv(text);
	if (!reading.ok) throw new Error(`unreadable: ${reading.error.messageKey}`);
	return reading.rows;
}

describe('decodeCsv', () => {
	it('reads UTF-8 with and without a BOM', () => {
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(HEADER)]);
		expect(decodeCsv(withBom)).toEqual({ ok: true, text: HEADER });
		expect(decodeCsv(utf8(HEADER))).toEqual({ ok: true, text: HEADER });
	});

	it('reads EUC-KR as Korean Excel saves it', () => {
		// "학교명" in EUC-KR, written out so the test does not depend on an encoder.
		expect(decodeCsv(new Uint8Array([0xc7, 0xd0, 0xb1, 0xb3, 0xb8, 0xed]))).toEqual({ ok: true, text: '학교명' });
		const text = `${HEADER}\r\n한솔초등학교,,초등학교,세종,9300101,044-000-0101\r\n`;
		const decoded = decodeCsv(new Uint8Array(iconv.encode(text, 'euc-kr')));
		expect(decoded).toEqual({ ok: true, text });
		expect(rowsOf(text)[0]!.values).toMatchObject({ nameKo: '한솔초등학교', level: 'elementary' });
	});

	it('refuses a file over 1 MB', () => {
		expect(decodeCsv(new Uint8Array(SCHOOL_IMPORT_MAX_BYTES + 1))).toMatchObject({ ok: false, error: { messageKey: 'school_import_too_large' } });
	});
});

describe('readSchoolCsv', () => {
	it('numbers rows by their line in the file, skipping blank lines, with quoted commas and line breaks', () => {
		const rows = rowsOf([HEADER, '', '"가나, 초등학교",Gana,초,세종,,', '  ', ',,,,,', '"다라중학교","Dara ""Middle""",중,,,', '"마바', '고등학교",,고,,,'].join('\n'));
		expect(rows.map((r) => [r.line, r.values?.nameKo])).toEqual([
			[3, '가나, 초등학교'],
			[6, '다라중학교'],
			[7, '마바\n고등학교']
		]);
		expect(rows[1]!.values!.nameEn).toBe('Dara "Middle"');
	});

	it('accepts the English header names and levels, in any column order', () => {
		const [row] = rowsOf('Code,Level,Name KO,name_en,PHONE\n7751032,High,세종고,Sejong HS,044-123-4567');
		expect(row!.values).toEqual({ code: '7751032', level: 'high', nameKo: '세종고', nameEn: 'Sejong HS', region: '세종', phone: '044-123-4567' });
	});

	it('reads the levels in Korean, short Korean and English', () => {
		expect(['초등학교', '초', '중학교', '중', '고등학교', '고', '특수학교', '기타', 'Elementary', ' other '].map(levelOf)).toEqual([
			'elementary', 'elementary', 'middle', 'middle', 'high', 'high', 'special', 'other', 'elementary', 'other'
		]);
	});

	it('names each row\'s problems: a bad level, a bad code, a code repeated in the file', () => {
		const rows = rowsOf([HEADER, '가,,대학교,,,', '나,,초,,B100000123,', '다,,초,,775103,', '라,,초,,7751032,', '마,,중,,7751032,'].join('\n'));
		expect(rows.map((r) => r.errors.map((e) => e.messageKey))).toEqual([
			['school_level_invalid'],
			['school_code_invalid'],
			['school_code_invalid'],
			[],
			['school_import_code_repeated']
		]);
		expect(rows[4]!.errors[0]!.params).toEqual({ code: '7751032', line: 5 });
		expect(rows[0]!.values).toBeNull();
	});

	it('says what makes a whole file unusable', () => {
		expect(readSchoolCsv('')).toMatchObject({ ok: false, error: { messageKey: 'school_import_empty' } });
		expect(readSchoolCsv('\uFEFF학교명,지역\n가,세종')).toMatchObject({ ok: false, error: { messageKey: 'school_import_missing_columns', params: { columns: '학교급' } } });
		expect(readSchoolCsv(HEADER)).toMatchObject({ ok: false, error: { messageKey: 'school_import_no_rows' } });
		expect(readSchoolCsv(`${HEADER}\n가,,초,,,\n"나,,초,,,\n`)).toMatchObject({ ok: false, error: { messageKey: 'school_import_unreadable', params: { line: 3 } } });
	});
});
