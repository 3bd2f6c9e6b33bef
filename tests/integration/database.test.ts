import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db';
import { appUser, department, openingHours, room, school } from '../../src/lib/server/db/schema';
import { DEMO_USERS, ROOMS, seedDemo } from '../../src/lib/server/db/seed';

describe('migrations', () => {
	it('load btree_gist so an exclusion constraint refuses overlapping ranges with 23P01', async () => {
		await db.execute(sql`create temporary table probe (r int, during tstzrange, exclude using gist (r with =, during with &&))`);
		await db.execute(sql`insert into probe values (1, tstzrange('2026-11-24 10:00+09', '2026-11-24 11:00+09'))`);
		const error = await db
			.execute(sql`insert into probe values (1, tstzrange('2026-11-24 10:59+09', '2026-11-24 12:00+09'))`)
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DrizzleQueryError);
		expect((error as DrizzleQueryError & { cause: { code: string } }).cause.code).toBe('23P01');
		await db.execute(sql`drop table probe`);
	});

	it('refuse a department staff account without a department', async () => {
		const error = await db
			.insert(appUser)
			.values({ email: 'orphan@center.test', name: 'x', role: 'department_staff' })
			.catch((e: unknown) => e);
		expect((error as { cause: { code: string } }).cause.code).toBe('23514');
	});

	it('refuse an e-mail address that is not lower-case', async () => {
		const error = await db
			.insert(appUser)
			.values({ email: 'Upper@center.test', name: 'x', role: 'admin' })
			.catch((e: unknown) => e);
		expect((error as { cause: { code: string } }).cause.code).toBe('23514');
	});
});

describe('demo seed', () => {
	it('creates the four departments, the rooms, weekday hours and one account per demo role, and is idempotent', async () => {
		await seedDemo(db);
		await seedDemo(db);
		const departments = await db.select().from(department);
		expect(departments.map((d) => d.nameKo).sort()).toEqual(['교육지원부', '시설지원부', '행정지원부', '화해조정부']);
		expect(departments.find((d) => d.code === 'mediation')?.nameEn).toBe('Reconciliation & Mediation');
		expect(await db.select().from(room)).toHaveLength(ROOMS.length);
		expect((await db.select().from(room)).some((r) => r.capacity >= 150)).toBe(true);
		expect((await db.select().from(school)).length).toBeGreaterThanOrEqual(5);
		const users = await db.select().from(appUser);
		expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
		const hours = await db.select().from(openingHours);
		expect(hours.map((h) => h.weekday).sort()).toEqual([1, 2, 3, 4, 5]);
		expect(hours.every((h) => h.opensMinute === 540 && h.closesMinute === 1080)).toBe(true);
	});
});
