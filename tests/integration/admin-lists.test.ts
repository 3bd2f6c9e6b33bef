import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db';
import { appUser, auditLog, department, school, type Role } from '../../src/lib/server/db/schema';
import { ROLES as ROLE_ORDER } from '../../src/lib/roles';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import * as departments from '../../src/lib/server/org/departments';
import * as users from '../../src/lib/server/users';
import { userListQuery } from '../../src/lib/schemas/users';
import { actor, seedDemoCenter } from './fixtures';

const admin = () => actor('admin@center.test');
const query = (raw: Record<string, unknown> = {}) => userListQuery.parse(raw);

/** 66 accounts named 김누리0, 이누리1, 박누리2, … (e-mails in upper and lower case), of every role and status. */
const PEOPLE = 66;
const SURNAMES = ['김', '이', '박'] as const;
const ROLES: Role[] = ['school_user', 'department_staff', 'visit_coordinator', 'facility_manager', 'admin', 'school_user'];
type Person = { email: string; name: string; role: Role; status: 'active' | 'invited' | 'deactivated'; department: string | null; school: string | null };
const people: Person[] = [];

beforeAll(async () => {
	await seedDemoCenter();
	const depts = await db.select().from(department);
	const schools = await db.select().from(school);
	for (let i = 0; i < PEOPLE; i++) {
		const role = ROLES[i % ROLES.length]!;
		const status = (['active', 'invited', 'deactivated'] as const)[i % 3]!;
		const dept = role === 'department_staff' ? depts[Math.floor(i / ROLES.length) % depts.length]! : null;
		const sch = role === 'school_user' ? schools[i % schools.length]! : null;
		people.push({ email: `nuri${String(i).padStart(2, '0')}@paging.test`, name: `${SURNAMES[i % 3]}누리${i}`, role, status, department: dept?.code ?? null, school: sch?.id ?? null });
		await db.insert(appUser).values({
			email: `nuri${String(i).padStart(2, '0')}@paging.test`,
			name: `${SURNAMES[i % 3]}누리${i}`,
			role,
			departmentId: dept?.id ?? null,
			schoolId: sch?.id ?? null,
			active: status !== 'deactivated',
			passwordHash: status === 'invited' ? null : 'not-a-real-hash'
		});
	}
});

describe('the admin user list', () => {
	it('pages 20 at a time in a stable order, every account once', async () => {
		const a = await admin();
		const pages = await Promise.all([1, 2, 3, 4].map((page) => users.list(a, query({ q: 'paging.test', page: String(page) }))));
		expect(pages.map((p) => p.items.length)).toEqual([20, 20, 20, 6]);
		expect(pages.every((p) => p.total === PEOPLE && p.pageCount === 4)).toBe(true);
		const emails = pages.flatMap((p) => p.items.map((u) => u.email));
		expect(new Set(emails).size).toBe(PEOPLE);
		// Roles in their own order (administrators first), then by e-mail.
		const rank = (p: Person) => ROLE_ORDER.indexOf(p.role);
		const byRoleThenEmail = [...people].sort((x, y) => rank(x) - rank(y) || (x.email < y.email ? -1 : 1));
		expect(emails).toEqual(byRoleThenEmail.map((p) => p.email));
		// A page past the end is the last page; an unreadable one is the first.
		expect((await users.list(a, query({ q: 'paging.test', page: '99' }))).page).toBe(4);
		expect((await users.list(a, query({ q: 'paging.test', page: 'x' }))).page).toBe(1);
	});

	it('finds by part of a name or an e-mail, in any case, Korean names as typed (decomposed Hangul too)', async () => {
		const a = await admin();
		expect((await users.list(a, query({ q: 'PAGING.Test' }))).total).toBe(PEOPLE);
		expect((await users.list(a, query({ q: 'NURI07' }))).items.map((u) => u.name)).toEqual(['이누리7']);
		expect((await users.list(a, query({ q: '누리' }))).total).toBe(PEOPLE);
		const kim = await users.list(a, query({ q: '김누리' }));
		expect(kim.total).toBe(people.filter((p) => p.name.startsWith('김')).length);
		expect((await users.list(a, query({ q: '김누리'.normalize('NFD') }))).total).toBe(kim.total);
		expect((await users.list(a, query({ q: '  이누리1 ' }))).items.map((u) => u.name).sort()).toEqual(
			people.filter((p) => p.name.includes('이누리1')).map((p) => p.name).sort()
		);
		// % and _ are searched for as themselves.
		expect((await users.list(a, query({ q: '%' }))).total).toBe(0);
		expect((await users.list(a, query({ q: 'nuri_1' }))).total).toBe(0);
	});

	it('filters by role, status, department and school, together with the search and across pages', async () => {
		const a = await admin();
		const count = (f: (p: Person) => boolean) => people.filter(f).length;
		const q = 'paging.test';
		expect((await users.list(a, query({ q, role: 'school_user' }))).total).toBe(count((p) => p.role === 'school_user'));
		for (const status of ['active', 'invited', 'deactivated'] as const) {
			const found = await users.list(a, query({ q, status }));
			expect(found.total).toBe(count((p) => p.status === status));
			expect(found.items.every((u) => (status === 'deactivated' ? !u.active : u.active && u.hasPassword === (status === 'active')))).toBe(true);
		}
		const mediation = await users.list(a, query({ q, department: 'mediation' }));
		expect(mediation.total).toBe(count((p) => p.department === 'mediation'));
		expect(mediation.total).toBeGreaterThan(0);
		const someSchool = people.find((p) => p.school)!.school!;
		expect((await users.list(a, query({ q, school: someSchool.toUpperCase() }))).total).toBe(count((p) => p.school === someSchool));
		const both = await users.list(a, query({ q, role: 'school_user', status: 'active' }));
		expect(both.total).toBe(count((p) => p.role === 'school_user' && p.status === 'active'));
		// Unknown values in the address mean "any", never an error.
		expect((await users.list(a, query({ q, role: 'king', status: 'x', school: 'nope', department: 'NO SUCH' }))).total).toBe(PEOPLE);
		expect((await users.list(a, query({ department: 'nosuch' }))).total).toBe(0);
	});

	it('is for administrators only', async () => {
		await expect(users.list(await actor('facility@center.test'), query())).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('editing a department', () => {
	it('lists the four departments in their order', async () => {
		expect((await departments.list(await admin())).map((d) => d.code)).toEqual(['education', 'administration', 'mediation', 'facility']);
	});

	it('stores trimmed values, blanks as absent, keeps the code, and audits what changed', async () => {
		const a = await admin();
		const before = await departments.get(a, 'education');
		const updated = await departments.update(a, 'education', {
			code: 'hacked',
			nameKo: ' 교육지원부 ',
			nameEn: 'Education Support Division',
			phone: ' 044-300-1234 ',
			email: 'edu@center.go.kr',
			location: '본관 2층',
			description: '학교 컨설팅과\n연수를 맡습니다.'
		});
		expect(updated).toMatchObject({
			code: 'education',
			nameKo: '교육지원부',
			nameEn: 'Education Support Division',
			phone: '044-300-1234',
			email: 'edu@center.go.kr',
			location: '본관 2층',
			description: '학교 컨설팅과\n연수를 맡습니다.'
		});
		const [row] = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'department'), eq(auditLog.entityId, before.id)));
		expect(row).toMatchObject({ actorId: a.id, action: 'department.update' });
		expect(row!.before).toEqual({ nameEn: 'Education Support', phone: null, email: null, location: null, description: null });
		expect(row!.after).toMatchObject({ nameEn: 'Education Support Division', phone: '044-300-1234' });

		const cleared = await departments.update(a, 'education', { nameKo: '교육지원부', nameEn: 'Education Support Division', phone: '', email: '', location: '', description: '' });
		expect(cleared).toMatchObject({ phone: null, email: null, location: null, description: null });
		// The same values again change nothing and write no audit row.
		await departments.update(a, 'education', { nameKo: '교육지원부', nameEn: 'Education Support Division', phone: '', email: '', location: '', description: '' });
		expect(await db.select().from(auditLog).where(and(eq(auditLog.entity, 'department'), eq(auditLog.entityId, before.id)))).toHaveLength(2);
	});

	it('names every problem at once and changes nothing', async () => {
		const a = await admin();
		const error = (await departments
			.update(a, 'mediation', { nameKo: '  ', nameEn: 'x'.repeat(101), phone: '전화', email: 'mediation@', location: '', description: 'y'.repeat(1001) })
			.catch((e: unknown) => e)) as ValidationError;
		expect(error).toBeInstanceOf(ValidationError);
		expect(error.violations).toEqual([
			{ rule: 'nameKo', messageKey: 'field_required', params: { min: 1 } },
			{ rule: 'nameEn', messageKey: 'field_too_long', params: { max: 100 } },
			{ rule: 'phone', messageKey: 'department_phone_invalid' },
			{ rule: 'email', messageKey: 'field_email_invalid' },
			{ rule: 'description', messageKey: 'field_too_long', params: { max: 1000 } }
		]);
		expect(await departments.get(a, 'mediation')).toMatchObject({ nameKo: '화해조정부', phone: null });
	});

	it('is for administrators only, and an unknown code is not found', async () => {
		const staff = await actor('mediation@center.test');
		await expect(departments.update(staff, 'mediation', { nameKo: '가', nameEn: 'A' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(departments.list(staff)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(departments.get(await admin(), 'nosuch')).rejects.toBeInstanceOf(NotFoundError);
	});
});
