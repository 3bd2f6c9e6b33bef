/** Private calendar feeds: a secret address per person, hashed at rest, revocable; a room's public busy feed. */
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as feeds from '../../src/lib/server/calendar/feeds';
import { roomBusyEvents } from '../../src/lib/server/calendar/room-feed';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { appUser, auditLog, calendarFeed } from '../../src/lib/server/db/schema';
import * as reservations from '../../src/lib/server/rooms/bookings';
import { actor, at, roomIdsByCode, seedDemoCenter } from './fixtures';

let rooms: Record<string, string>;
const NOW = at('2026-11-23', '08:00');

beforeAll(async () => {
	await seedDemoCenter();
	rooms = await roomIdsByCode();
});

beforeEach(() => clock.freeze(NOW));

describe('a private feed', () => {
	it('opens with its secret only, which is stored as a hash; a new address ends the old one', async () => {
		const school = await actor('school@center.test');
		const { token } = await feeds.create(school, NOW);
		expect(token).toMatch(/^[a-z2-7]{32,}$/);
		const rows = await db.select().from(calendarFeed).where(eq(calendarFeed.userId, school.id));
		expect(rows).toHaveLength(1);
		expect(JSON.stringify(rows)).not.toContain(token);
		expect((await feeds.ownerOf(token, NOW))?.id).toBe(school.id);
		expect((await feeds.status(school)).lastUsedAt).toEqual(NOW);

		const second = await feeds.create(school, NOW);
		expect(await feeds.ownerOf(token, NOW)).toBeNull();
		expect((await feeds.ownerOf(second.token, NOW))?.id).toBe(school.id);
		const actions = (await db.select().from(auditLog).where(and(eq(auditLog.entity, 'calendar_feed'), eq(auditLog.actorId, school.id)))).map((r) => r.action);
		expect(actions).toEqual(['calendar_feed.create', 'calendar_feed.replace']);
	});

	it('stops when revoked, and for a deactivated account; a malformed or unknown secret is nobody', async () => {
		const edu = await actor('edu@center.test');
		const { token } = await feeds.create(edu, NOW);
		expect(await feeds.revoke(edu, NOW)).toBe(true);
		expect(await feeds.ownerOf(token, NOW)).toBeNull();
		expect(await feeds.revoke(edu, NOW)).toBe(false);
		expect((await feeds.status(edu)).active).toBe(false);

		const visits = await actor('visits@center.test');
		const live = await feeds.create(visits, NOW);
		await db.update(appUser).set({ active: false }).where(eq(appUser.id, visits.id));
		expect(await feeds.ownerOf(live.token, NOW)).toBeNull();
		await db.update(appUser).set({ active: true }).where(eq(appUser.id, visits.id));

		for (const bad of ['', 'x', 'A'.repeat(40), `${live.token}/../x`, 'a'.repeat(40)]) expect(await feeds.ownerOf(bad, NOW)).toBeNull();
	});

	it('keeps one live address per person when three are asked for at the same moment, and answers each', async () => {
		const admin = await actor('admin@center.test');
		const made = await Promise.allSettled([feeds.create(admin, NOW), feeds.create(admin, NOW), feeds.create(admin, NOW)]);
		expect(made.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
		const live = await db.select().from(calendarFeed).where(eq(calendarFeed.userId, admin.id));
		expect(live.filter((r) => r.revokedAt === null)).toHaveLength(1);
	});
});

describe("a room's public feed", () => {
	it('lists busy times for the next 90 days without purpose or booker', async () => {
		const school = await actor('school@center.test');
		await reservations.create(school, { roomId: rooms['meeting-b']!, start: at('2026-11-24', '10:00'), end: at('2026-11-24', '11:00'), purpose: '비공개 협의', attendees: 3 });
		const feed = (await roomBusyEvents(rooms['meeting-b']!, NOW, 'https://center.example'))!;
		expect(feed.events.map((e) => [e.start, e.end])).toContainEqual([at('2026-11-24', '10:00'), at('2026-11-24', '11:00')]);
		expect(JSON.stringify(feed)).not.toContain('비공개');
		expect(JSON.stringify(feed)).not.toContain('한지민');
		expect(await roomBusyEvents('00000000-0000-4000-8000-000000000000', NOW, 'https://center.example')).toBeNull();
	});
});
