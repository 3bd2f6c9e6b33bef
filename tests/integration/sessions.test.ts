import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as sessions from '../../src/lib/server/auth/sessions';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { appUser, session } from '../../src/lib/server/db/schema';
import { seedDemoCenter } from './fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeAll(seedDemoCenter);

async function userId(email: string): Promise<string> {
	const [row] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, email));
	return row!.id;
}

describe('the 12-hour limit of staff sessions', () => {
	it('is checked on every request: a row whose idle deadline lies past the limit still ends at 12 hours', async () => {
		clock.freeze(new Date('2026-11-24T00:00:00Z'));
		const { token, session: created } = await sessions.create(await userId('facility@center.test'), 'facility_manager');
		expect(created.absoluteExpiresAt!.getTime() - created.createdAt.getTime()).toBe(sessions.STAFF_ABSOLUTE_MS);
		// An idle deadline beyond the hard limit (as an older renewal rule or a hand edit could leave it).
		await db.update(session).set({ expiresAt: new Date(created.createdAt.getTime() + 13 * HOUR) }).where(eq(session.id, created.id));
		clock.advance(12 * HOUR - MINUTE);
		expect(await sessions.validate(token)).not.toBeNull();
		clock.advance(MINUTE);
		expect(await sessions.validate(token)).toBeNull();
		expect(await db.select().from(session).where(eq(session.id, created.id))).toEqual([]);
	});

	it('gives a staff session without its own hard limit 12 hours from its creation', async () => {
		clock.freeze(new Date('2026-11-25T00:00:00Z'));
		const { token, session: created } = await sessions.create(await userId('edu@center.test'), 'department_staff');
		await db
			.update(session)
			.set({ absoluteExpiresAt: null, expiresAt: new Date(created.createdAt.getTime() + 30 * 24 * HOUR) })
			.where(eq(session.id, created.id));
		clock.advance(11 * HOUR);
		expect(await sessions.validate(token)).not.toBeNull();
		clock.advance(HOUR);
		expect(await sessions.validate(token)).toBeNull();
	});

	it('leaves school sessions to their 30 days', async () => {
		clock.freeze(new Date('2026-11-26T00:00:00Z'));
		const { token } = await sessions.create(await userId('school@center.test'), 'school_user');
		clock.advance(13 * HOUR);
		expect(await sessions.validate(token)).not.toBeNull();
	});
});
