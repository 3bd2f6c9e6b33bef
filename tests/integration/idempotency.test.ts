import { beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { ConflictError } from '../../src/lib/server/errors';
import * as idempotency from '../../src/lib/server/idempotency';
import { actor, seedDemoCenter } from './fixtures';

let userId: string;
beforeAll(async () => {
	await seedDemoCenter();
	userId = (await actor('school@center.test')).id;
});

describe('idempotency keys', () => {
	it('runs the work once for 30 simultaneous requests with one key and gives all of them its answer', async () => {
		let runs = 0;
		const answers = await Promise.all(
			Array.from({ length: 30 }, () =>
				idempotency.once(userId, 'same-key-0001', 'hash-a', async () => {
					runs++;
					await new Promise((r) => setTimeout(r, 30));
					return { status: 201, body: { id: 'r1' } };
				})
			)
		);
		expect(runs).toBe(1);
		expect(answers.every((a) => a.status === 201 && (a.body as { id: string }).id === 'r1')).toBe(true);
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

	it('checks the key format', () => {
		expect(() => idempotency.checkKey(null)).toThrow();
		expect(() => idempotency.checkKey('short')).toThrow();
		expect(idempotency.checkKey('a-valid-key_123')).toBe('a-valid-key_123');
	});
});
