import { describe, expect, it } from 'vitest';
import { isUuid, rowsOf } from './sql';

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
