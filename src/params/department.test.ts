import { describe, expect, it } from 'vitest';
import { match } from './department';

describe('the department code matcher', () => {
	it('matches the shape of a department code and nothing else, so a malformed one is a 404 before any load or action runs', () => {
		for (const code of ['education', 'administration', 'mediation', 'facility', 'visit_support']) expect(match(code)).toBe(true);
		for (const bad of ['', 'Education', '1abc', 'a-b', '../x', "' or 1=1 --", 'x'.repeat(41), 'education\n']) expect(match(bad)).toBe(false);
	});
});
