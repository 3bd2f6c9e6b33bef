import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAdmission, Overloaded } from './admission';

/** A piece of work that finishes when the test says so. */
function gate() {
	let open!: () => void;
	const done = new Promise<void>((resolve) => (open = resolve));
	return { work: () => done, open };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createAdmission', () => {
	afterEach(() => vi.useRealTimers());

	it('runs up to maxInFlight at once and queues the next ones in order', async () => {
		const admission = createAdmission({ maxInFlight: 2, maxQueued: 5, queueTimeoutMs: 60_000 });
		const gates = [gate(), gate(), gate()];
		const order: number[] = [];
		const runs = gates.map((g, i) => admission.run(async () => (order.push(i), g.work())));
		await settle();
		expect(order).toEqual([0, 1]);
		expect(admission.queued).toBe(1);
		gates[0]!.open();
		await settle();
		expect(order).toEqual([0, 1, 2]);
		gates[1]!.open();
		gates[2]!.open();
		await Promise.all(runs);
		expect(admission.inFlight).toBe(0);
	});

	it('refuses at once when the queue is full', async () => {
		const admission = createAdmission({ maxInFlight: 1, maxQueued: 1, queueTimeoutMs: 60_000 });
		const g = gate();
		const first = admission.run(g.work);
		const second = admission.run(async () => 'second');
		await expect(admission.run(async () => 'third')).rejects.toEqual(new Overloaded('queue-full'));
		g.open();
		await first;
		expect(await second).toBe('second');
	});

	it('refuses a request that waited longer than queueTimeoutMs, and frees its place', async () => {
		vi.useFakeTimers();
		const admission = createAdmission({ maxInFlight: 1, maxQueued: 1, queueTimeoutMs: 2_000 });
		const g = gate();
		const first = admission.run(g.work);
		const waited = admission.run(async () => 'late');
		const refused = expect(waited).rejects.toEqual(new Overloaded('queue-timeout'));
		await vi.advanceTimersByTimeAsync(2_000);
		await refused;
		expect(admission.queued).toBe(0);
		g.open();
		await first;
		expect(await admission.run(async () => 'after')).toBe('after');
	});

	it('gives the slot back when the work throws', async () => {
		const admission = createAdmission({ maxInFlight: 1, maxQueued: 0, queueTimeoutMs: 1_000 });
		await expect(admission.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(admission.inFlight).toBe(0);
		expect(await admission.run(async () => 'next')).toBe('next');
	});
});
