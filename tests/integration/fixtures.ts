import { eq } from 'drizzle-orm';
import { SESSION_USER_COLUMNS, type SessionUser } from '../../src/lib/server/auth/sessions';
import { db } from '../../src/lib/server/db';
import { appUser, consultant, consultationTopic, department, room, school } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { seoulInstant } from '../../src/lib/time/seoul';

export { DEMO_PASSWORD } from '../../src/lib/server/db/seed';

/** The demo center and accounts in this file's database. */
export async function seedDemoCenter(): Promise<void> {
	await seedDemo(db);
}

/** A demo account as the session layer would present it. */
export async function actor(email: string): Promise<SessionUser> {
	const [row] = await db
		.select(SESSION_USER_COLUMNS)
		.from(appUser)
		.leftJoin(department, eq(department.id, appUser.departmentId))
		.where(eq(appUser.email, email));
	if (!row) throw new Error(`no demo account ${email}`);
	return row;
}

/** An instant from Seoul wall-clock date and time: at('2026-11-24', '10:30'). */
export function at(date: string, time: string): Date {
	const [h, m] = time.split(':').map(Number);
	return seoulInstant(date, h! * 60 + m!);
}

/** The demo rooms' ids by code ('meeting-a' → uuid). */
export async function roomIdsByCode(): Promise<Record<string, string>> {
	return Object.fromEntries((await db.select().from(room)).map((r) => [r.code, r.resourceId]));
}

/** A school user of every demo school (`<prefix>-<school code>@school.test`), made when missing, in school-code order. */
export async function schoolUsers(prefix = 'teacher'): Promise<SessionUser[]> {
	const all = await db.select().from(school).orderBy(school.code);
	for (const s of all)
		await db
			.insert(appUser)
			.values({ email: `${prefix}-${s.code}@school.test`, name: `교사 ${s.nameKo}`, role: 'school_user', schoolId: s.id })
			.onConflictDoNothing();
	return Promise.all(all.map((s) => actor(`${prefix}-${s.code}@school.test`)));
}

/** The seeded consultation topics' ids by Korean name, and the consultants' resource ids by e-mail. */
export async function consultationIds(): Promise<{ topics: Record<string, string>; consultantOf: Record<string, string> }> {
	const rows = await db.select({ id: consultationTopic.id, name: consultationTopic.nameKo }).from(consultationTopic);
	const cs = await db.select({ id: consultant.resourceId, email: appUser.email }).from(consultant).innerJoin(appUser, eq(appUser.id, consultant.userId));
	return { topics: Object.fromEntries(rows.map((r) => [r.name, r.id])), consultantOf: Object.fromEntries(cs.map((c) => [c.email, c.id])) };
}
