import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db';
import { auditLog, school } from '../../src/lib/server/db/schema';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import * as schoolImport from '../../src/lib/server/org/school-import';
import * as schools from '../../src/lib/server/org/schools';
import { schoolListQuery } from '../../src/lib/schemas/schools';
import { actor, seedDemoCenter } from './fixtures';

beforeAll(seedDemoCenter);

const query = (raw: Record<string, unknown> = {}) => schoolListQuery.parse(raw);
const admin = () => actor('admin@center.test');
const violationsOf = (error: unknown) => (error as ValidationError).violations;

describe('the school list', () => {
	it('finds by Korean name, English name or code, filters by level, and pages 20 at a time in a stable order', async () => {
		const a = await admin();
		for (let i = 0; i < 25; i += 1)
			await schools.create(a, { nameKo: `목록시험초등학교${String(i).padStart(2, '0')}`, nameEn: `List Test ${i}`, level: 'elementary', code: `81000${String(i).padStart(2, '0')}` });
		const first = await schools.list(a, query({ q: '목록시험' }));
		expect(first.total).toBe(25);
		expect(first.pageCount).toBe(2);
		expect(first.items).toHaveLength(20);
		const second = await schools.list(a, query({ q: '목록시험', page: '2' }));
		expect(second.items).toHaveLength(5);
		const names = [...first.items, ...second.items].map((s) => s.nameKo);
		expect(new Set(names).size).toBe(25);
		expect(names).toEqual([...names].sort());

		expect((await schools.list(a, query({ q: 'list test 7' }))).items.map((s) => s.code)).toEqual(['8100007']);
		expect((await schools.list(a, query({ q: '9300201' }))).items.map((s) => s.nameKo)).toEqual(['아름중학교']);
		const middle = await schools.list(a, query({ level: 'middle' }));
		expect(middle.items.every((s) => s.level === 'middle')).toBe(true);
		expect(middle.total).toBe(2);
		// A page past the end shows the last one; % is searched for as itself.
		expect((await schools.list(a, query({ q: '목록시험', page: '99' }))).page).toBe(2);
		expect((await schools.list(a, query({ q: '%' }))).total).toBe(0);
	});

	it('is for administrators only', async () => {
		const staff = await actor('facility@center.test');
		await expect(schools.list(staff, query())).rejects.toBeInstanceOf(ForbiddenError);
		await expect(schools.create(staff, { nameKo: '금지', level: 'high' })).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('adding and editing a school', () => {
	it('stores trimmed values with defaults, and audits the change', async () => {
		const a = await admin();
		const created = await schools.create(a, { nameKo: '  새봄초등학교 ', nameEn: '', level: 'elementary', code: '', region: '', phone: '044-111-2222' });
		expect(created).toMatchObject({ nameKo: '새봄초등학교', nameEn: '새봄초등학교', code: null, region: '세종', phone: '044-111-2222' });
		const updated = await schools.update(a, created.id, { nameKo: '새봄초등학교', nameEn: 'Saebom Elementary School', level: 'elementary', code: '7751032', region: '세종', phone: '' });
		expect(updated).toMatchObject({ code: '7751032', nameEn: 'Saebom Elementary School', phone: null });
		const trail = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
		expect(trail.map((r) => r.action).sort()).toEqual(['school.create', 'school.update']);
		expect(trail.find((r) => r.action === 'school.update')!.before).toMatchObject({ code: null, nameEn: '새봄초등학교' });
	});

	it('lists every problem at once', async () => {
		const error = await schools.create(await admin(), { nameKo: ' ', level: 'college', code: 'B100000123', phone: 'call me' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect(violationsOf(error).map((v) => `${v.rule}:${v.messageKey}`).sort()).toEqual([
			'code:school_code_invalid',
			'level:school_level_invalid',
			'nameKo:field_required',
			'phone:school_phone_invalid'
		]);
	});

	it('refuses a code another school has, on the code field', async () => {
		const a = await admin();
		const error = await schools.create(a, { nameKo: '중복학교', level: 'high', code: '9300301' }).catch((e: unknown) => e);
		expect(violationsOf(error)).toEqual([{ rule: 'code', messageKey: 'school_code_taken', params: { code: '9300301' } }]);
		const [other] = await db.select().from(school).where(eq(school.code, '9300302'));
		const onUpdate = await schools.update(a, other!.id, { nameKo: other!.nameKo, level: 'high', code: '9300301' }).catch((e: unknown) => e);
		expect(violationsOf(onUpdate)[0]!.messageKey).toBe('school_code_taken');
	});

	it('answers "not found" for an unknown or malformed id', async () => {
		const a = await admin();
		await expect(schools.get(a, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
		await expect(schools.update(a, '00000000-0000-4000-8000-000000000000', { nameKo: 'x', level: 'high' })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('lets exactly one of ten simultaneous adds with the same code win; the others get the field error', async () => {
		const a = await admin();
		const results = await Promise.allSettled(
			Array.from({ length: 10 }, (_, i) => schools.create(a, { nameKo: `동시학교${i}`, level: 'middle', code: '8200001' }))
		);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(9);
		for (const r of lost) expect(violationsOf(r.reason)).toEqual([{ rule: 'code', messageKey: 'school_code_taken', params: { code: '8200001' } }]);
		expect(await db.select().from(school).where(eq(school.code, '8200001'))).toHaveLength(1);
	});
});

const HEADER = '학교명,영문명,학교급,지역,학교코드,전화번호';

describe('importing schools from CSV', () => {
	it('previews new, changed and unchanged rows against the database', async () => {
		const a = await admin();
		const text = [HEADER, '한솔초등학교,Hansol Elementary School,초등학교,세종,9300101,044-000-0101', '도담초등학교,Dodam ES,초,세종,9300102,044-000-0102', '가져오기초등학교,,초등학교,,8300001,'].join('\n');
		const preview = await schoolImport.preview(a, text);
		expect(preview.ok).toBe(true);
		expect(preview.rows.map((r) => [r.line, r.action])).toEqual([
			[2, 'unchanged'],
			[3, 'changed'],
			[4, 'new']
		]);
		expect(preview.rows[1]!.changed).toEqual(['nameEn']);
		expect(await db.select().from(school).where(eq(school.code, '8300001'))).toHaveLength(0);
	});

	it('imports nothing when any row is wrong, and names the line', async () => {
		const a = await admin();
		const text = [HEADER, '하나초등학교,,초,,8400001,', '', '둘중학교,,대학교,,8400002,', '셋고등학교,,고,,8400001,'].join('\n');
		const result = await schoolImport.importAll(a, text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const invalid = result.preview.rows.filter((r) => r.action === 'invalid');
		expect(invalid.map((r) => r.line)).toEqual([4, 5]);
		expect(invalid[1]!.errors).toEqual([{ rule: 'code', messageKey: 'school_import_code_repeated', params: { code: '8400001', line: 2 } }]);
		expect(await db.select().from(school).where(inArray(school.code, ['8400001', '8400002']))).toHaveLength(0);
	});

	it('imports every row in one go: adds the new, updates by code, audits each change', async () => {
		const a = await admin();
		const text = [HEADER, '"넷, 초등학교",Net Elementary,초등학교,세종,8500001,044-500-0001', '세종누리학교,Sejong Nuri School,특수학교,세종,9300401,044-999-0401'].join('\r\n');
		const result = await schoolImport.importAll(a, text);
		expect(result).toEqual({ ok: true, counts: { new: 1, changed: 1, unchanged: 0, invalid: 0 } });
		const [added] = await db.select().from(school).where(eq(school.code, '8500001'));
		expect(added).toMatchObject({ nameKo: '넷, 초등학교', level: 'elementary' });
		const [nuri] = await db.select().from(school).where(eq(school.code, '9300401'));
		expect(nuri!.phone).toBe('044-999-0401');
		const trail = await db.select().from(auditLog).where(inArray(auditLog.entityId, [added!.id, nuri!.id]));
		expect(trail.map((r) => r.action).sort()).toEqual(['school.import.create', 'school.import.update']);
	});

	it('two imports adding the same code at once never make two schools', async () => {
		const a = await admin();
		const text = [HEADER, '동시가져오기학교,,고,,8600001,'].join('\n');
		await Promise.all([schoolImport.importAll(a, text), schoolImport.importAll(a, text)]);
		expect(await db.select().from(school).where(eq(school.code, '8600001'))).toHaveLength(1);
	});

	// PGlite runs one transaction at a time: only PostgreSQL can have another admin's row appear mid-import.
	it.skipIf(process.env.TEST_DRIVER !== 'postgres')('a code another admin adds while the import runs is that row\'s error, and nothing is imported', async () => {
		const a = await admin();
		let release!: () => void;
		let added!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const addedMeanwhile = new Promise<void>((resolve) => (added = resolve));
		const other = db.transaction(async (tx) => {
			await tx.insert(school).values({ nameKo: '먼저온학교', nameEn: 'First High', level: 'high', code: '8600002' });
			added();
			await held;
		});
		await addedMeanwhile;
		const text = [HEADER, '나중학교,,중,,8600003,', '늦은고등학교,,고,,8600002,'].join('\n');
		const importing = schoolImport.importAll(a, text);
		await new Promise((resolve) => setTimeout(resolve, 300));
		release();
		await other;
		const result = await importing;
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.preview.rows.map((r) => [r.line, r.action])).toEqual([
			[2, 'new'],
			[3, 'invalid']
		]);
		expect(result.preview.rows[1]!.errors).toEqual([{ rule: 'code', messageKey: 'school_code_taken', params: { code: '8600002' } }]);
		expect(await db.select().from(school).where(eq(school.code, '8600003'))).toHaveLength(0);
	});

	it('refuses a file without the required columns or with too many rows', async () => {
		const a = await admin();
		expect((await schoolImport.preview(a, 'name,phone\nx,1')).fileError).toMatchObject({ messageKey: 'school_import_missing_columns' });
		const many = [HEADER, ...Array.from({ length: 2001 }, (_, i) => `학교${i},,초,,,`)].join('\n');
		expect((await schoolImport.importAll(a, many)).ok).toBe(false);
		expect((await schoolImport.preview(a, many)).fileError).toMatchObject({ messageKey: 'school_import_too_many_rows', params: { max: 2000, count: 2001 } });
	});
});
