import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { db } from '../../src/lib/server/db';
import { auditLog, idempotencyKey } from '../../src/lib/server/db/schema';
import { ConflictError } from '../../src/lib/server/errors';
import * as idempotency from '../../src/lib/server/idempotency';
import { actor, seedDemoCenter } from './fixtures';

let userId: string;
beforeAll(async () => {
	await seedDemoCenter();
	userId = (await actor('school@center.test')).id;
});

describe('idempotency keys', () => {
	it('lets one of 30 simultaneous requests with one key take effect and gives all of them its answer', async () => {
		// Each request's work writes its effect (an audit row) and the key in one statement, as a booking does.
		const answers = await Promise.all(
			Array.from({ length: 30 }, (_, n) =>
				idempotency.once(userId, 'same-key-0001', 'hash-a', async (claim) => {
					const answer = { status: 201, body: { n } };
					await db.execute(sql`
						with kept as (${claim.insert(answer)})
						insert into audit_log (actor_id, action, entity, entity_id) values (${userId}::uuid, 'test.effect', 'test', ${String(n)})`);
					return { ...answer, kept: true };
				})
			)
		);
		const effects = await db.select().from(auditLog).where(eq(auditLog.action, 'test.effect'));
		expect(effects).toHaveLength(1);
		const winner = Number(effects[0]!.entityId);
		expect(answers.map((a) => a.body)).toEqual(Array.from({ length: 30 }, () => ({ n: winner })));
	});

	it('keeps no effect of a request whose key was already answered', async () => {
		await idempotency.once(userId, 'answered-0001', 'h', async () => ({ status: 201, body: { first: true } }));
		const again = await idempotency.once(userId, 'answered-0001', 'h', async (claim) => {
			await db.execute(sql`
				with kept as (${claim.insert({ status: 201, body: { first: false } })})
				insert into audit_log (actor_id, action, entity) values (${userId}::uuid, 'test.late-effect', 'test')`);
			return { status: 201, body: { first: false }, kept: true };
		});
		expect(again.body).toEqual({ first: true });
		expect(await db.select().from(auditLog).where(eq(auditLog.action, 'test.late-effect'))).toEqual([]);
	});

	it('replays a refusal as the same refusal', async () => {
		const first = await idempotency.once(userId, 'refused-0001', 'h', async () => ({ status: 409, body: { type: 'conflict' } }));
		const again = await idempotency.once(userId, 'refused-0001', 'h', async () => ({ status: 201, body: {} }));
		expect(again).toEqual(first);
	});

	it('refuses the same key with a different body', async () => {
		await idempotency.once(userId, 'reused-0001', 'h1', async () => ({ status: 201, body: {} }));
		await expect(idempotency.once(userId, 'reused-0001', 'h2', async () => ({ status: 201, body: {} }))).rejects.toBeInstanceOf(
			ConflictError
		);
	});

	it('frees the key when the work fails unexpectedly, and after a day', async () => {
		await expect(idempotency.once(userId, 'crash-0001', 'h', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect((await idempotency.once(userId, 'crash-0001', 'h', async () => ({ status: 201, body: { n: 2 } }))).body).toEqual({ n: 2 });

		clock.freeze(new Date('2026-11-24T00:00:00Z'));
		await idempotency.once(userId, 'old-0001', 'h', async () => ({ status: 201, body: { n: 1 } }));
		clock.advance(idempotency.KEY_TTL_MS + 1);
		expect((await idempotency.once(userId, 'old-0001', 'h', async () => ({ status: 201, body: { n: 3 } }))).body).toEqual({ n: 3 });
	});

	it('frees a key an earlier version left without an answer after a minute, not before', async () => {
		clock.freeze(new Date('2026-11-24T09:00:00Z'));
		await db.insert(idempotencyKey).values({ userId, key: 'unanswered-0001', requestHash: 'h', createdAt: clock.now() });
		await expect(idempotency.once(userId, 'unanswered-0001', 'h', async () => ({ status: 201, body: { n: 1 } }))).rejects.toMatchObject({
			messageKey: 'idempotency_in_progress'
		});
		clock.advance(61_000);
		expect((await idempotency.once(userId, 'unanswered-0001', 'h', async () => ({ status: 201, body: { n: 2 } }))).body).toEqual({ n: 2 });
	});

	it('checks the key format', () => {
		expect(() => idempotency.checkKey(null)).toThrow();
		expect(() => idempotency.checkKey('short')).toThrow();
		expect(idempotency.checkKey('a-valid-key_123')).toBe('a-valid-key_123');
	});
});
