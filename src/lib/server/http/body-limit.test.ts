import { describe, expect, it } from 'vitest';
import { bodySizeLimit, DEFAULT_BODY_SIZE_LIMIT } from './body-limit';

describe('bodySizeLimit', () => {
	it('reads BODY_SIZE_LIMIT as adapter-node does', () => {
		expect(bodySizeLimit('')).toBe(DEFAULT_BODY_SIZE_LIMIT);
		expect(bodySizeLimit('2M')).toBe(2 * 1024 * 1024);
		expect(bodySizeLimit('512k')).toBe(512 * 1024);
		expect(bodySizeLimit('1000')).toBe(1000);
		expect(bodySizeLimit('Infinity')).toBe(Number.POSITIVE_INFINITY);
		expect(bodySizeLimit('lots')).toBe(DEFAULT_BODY_SIZE_LIMIT);
	});
});
