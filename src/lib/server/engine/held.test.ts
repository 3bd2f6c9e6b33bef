import { describe, expect, it } from 'vitest';
import { heldInterval, overlaps } from './held';
import { at } from './availability/test-context';

describe('heldInterval', () => {
	it('adds the set-up buffer before and the clean-up buffer after', () => {
		const held = heldInterval(at('2026-11-24', '10:00'), at('2026-11-24', '11:00'), {
			bufferBeforeMinutes: 15,
			bufferAfterMinutes: 30
		});
		expect(held).toEqual({ heldFrom: at('2026-11-24', '09:45'), heldUntil: at('2026-11-24', '11:30') });
	});
});

describe('overlaps', () => {
	const a = { start: at('2026-11-24', '10:00'), end: at('2026-11-24', '11:00') };

	it('treats touching intervals as free', () => {
		expect(overlaps(a, { start: at('2026-11-24', '11:00'), end: at('2026-11-24', '12:00') })).toBe(false);
		expect(overlaps(a, { start: at('2026-11-24', '09:00'), end: at('2026-11-24', '10:00') })).toBe(false);
	});

	it('treats a one-minute overlap as a clash', () => {
		expect(overlaps(a, { start: at('2026-11-24', '10:59'), end: at('2026-11-24', '12:00') })).toBe(true);
	});
});
