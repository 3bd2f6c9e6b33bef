import { eq } from 'drizzle-orm';
import { SESSION_USER_COLUMNS, type SessionUser } from '../../src/lib/server/auth/sessions';
import { db } from '../../src/lib/server/db';
import { appUser, department, room } from '../../src/lib/server/db/schema';
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
