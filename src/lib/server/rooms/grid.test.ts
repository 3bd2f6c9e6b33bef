import { describe, expect, it } from 'vitest';
import { seoulInstant } from '../../time/seoul';
import { onGridLength, onGridStart } from './grid';

const MIN = 60_000;

describe('the nearest on-grid time and length', () => {
	it('rounds 11:59 to 12:00 and 31 minutes to 30 on a 30-minute grid', () => {
		expect(onGridStart(seoulInstant('2026-12-03', 11 * 60 + 59), 30)).toEqual(seoulInstant('2026-12-03', 12 * 60));
		expect(onGridLength(31 * MIN, 30)).toBe(30 * MIN);
	});

	it('keeps on-grid times and lengths as they are, and never rounds a length down to nothing', () => {
		expect(onGridStart(seoulInstant('2026-12-03', 10 * 60 + 15), 15)).toEqual(seoulInstant('2026-12-03', 10 * 60 + 15));
		expect(onGridLength(90 * MIN, 30)).toBe(90 * MIN);
		expect(onGridLength(5 * MIN, 30)).toBe(30 * MIN);
	});

	it('stays on the Seoul day near midnight', () => {
		expect(onGridStart(seoulInstant('2026-12-03', 10), 30)).toEqual(seoulInstant('2026-12-03', 0));
	});
});
