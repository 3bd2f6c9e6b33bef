import { afterEach, describe, expect, it } from 'vitest';
import * as clock from './clock';

afterEach(() => clock.reset());

describe('runAt (the e2e test clock)', () => {
	it('gives the work and everything it awaits the instant, and leaves the time outside it as it was', async () => {
		clock.freeze(new Date('2026-12-01T00:00:00Z'));
		const at = new Date('2027-04-05T00:00:00Z');
		const seen = await clock.runAt(at, async () => {
			const before = clock.now().toISOString();
			await new Promise((resolve) => setTimeout(resolve, 5));
			return [before, clock.now().toISOString()];
		});
		expect(seen).toEqual([at.toISOString(), at.toISOString()]);
		expect(clock.now().toISOString()).toBe('2026-12-01T00:00:00.000Z');
	});

	it('keeps two requests at their own instants when they run at the same time', async () => {
		const one = clock.runAt(new Date('2027-01-01T00:00:00Z'), async () => {
			await new Promise((resolve) => setTimeout(resolve, 10));
			return clock.now().toISOString();
		});
		const two = clock.runAt(new Date('2028-01-01T00:00:00Z'), async () => clock.now().toISOString());
		expect(await Promise.all([one, two])).toEqual(['2027-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z']);
	});

	it('wins over a frozen clock inside the work only', () => {
		clock.freeze(new Date('2026-12-01T00:00:00Z'));
		expect(clock.runAt(new Date('2027-04-05T00:00:00Z'), () => clock.now().toISOString())).toBe('2027-04-05T00:00:00.000Z');
		expect(clock.now().toISOString()).toBe('2026-12-01T00:00:00.000Z');
	});
});
