import { eq } from 'drizzle-orm';
import { SESSION_USER_COLUMNS, type SessionUser } from '../../src/lib/server/auth/sessions';
import { db } from '../../src/lib/server/db';
import { appUser, department } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';

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
