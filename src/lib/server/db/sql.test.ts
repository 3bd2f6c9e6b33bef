import { describe, expect, it } from 'vitest';
import { epochMs, isUuid, rowsOf } from './sql';

describe('isUuid', () => {
	it('accepts a uuid in either case and refuses anything else, before it reaches a uuid column', () => {
		expect(isUuid('ab0f9ffc-af63-4f8d-9aba-910904af811d')).toBe(true);
		expect(isUuid('AB0F9FFC-AF63-4F8D-9ABA-910904AF811D')).toBe(true);
		for (const bad of ['', 'not-a-uuid', '------------------------------------', 'ab0f9ffc-af63-4f8d-9aba-910904af811', 'ab0f9ffc-af63-4f8d-9aba-910904af811d ', "1' or '1'='1"])
			expect(isUuid(bad)).toBe(false);
	});
});

describe('rowsOf', () => {
	it('reads rows from both drivers: an array (postgres.js) or { rows } (PGlite)', () => {
		expect(rowsOf([{ n: 1 }])).toEqual([{ n: 1 }]);
		expect(rowsOf({ rows: [{ n: 2 }] })).toEqual([{ n: 2 }]);
	});
});

describe('epochMs', () => {
	it('reads epoch seconds as PostgreSQL writes extract(epoch) (six decimals) as milliseconds, with no rounding of its own', () => {
		expect(epochMs('1765152000.000000')).toBe(1765152000000);
		expect(epochMs('1765152000.123000')).toBe(1765152000123);
		expect(epochMs('1765152000.123456')).toBe(1765152000123.456);
		expect(epochMs('-0.500000')).toBe(-500);
		expect(epochMs('42')).toBe(42000);
		expect(epochMs('1.5')).toBe(1500);
		// Where seconds × 1000 in doubles is off by one unit in the last place, the text is not.
		for (const ms of [4354863609284, 4390583703662, 2172428572056])
			expect(epochMs(`${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}000`)).toBe(ms);
	});
});
