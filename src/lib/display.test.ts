import { describe, expect, it } from 'vitest';
import { TEXT_SIZES, isTextSize } from './display';

describe('text sizes', () => {
	it('offers five steps, smallest first, with the normal size in the middle', () => {
		expect(TEXT_SIZES).toEqual(['small', 'normal', 'large', 'larger', 'largest']);
	});

	it.each(['', 'huge', 'LARGE', 'constructor', '__proto__', null, 3])('refuses %j', (value) => {
		expect(isTextSize(value)).toBe(false);
	});
});
