import { describe, expect, it } from 'vitest';
import { hoursAsInput } from './forms';

describe('hoursAsInput', () => {
	it('starts the form from the center hours, Monday first, when the room has none', () => {
		const form = hoursAsInput([], [{ weekday: 1, opensMinute: 540, closesMinute: 1080 }]);
		expect(form.useCenterHours).toBe(true);
		expect(form.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
		expect(form.days[0]).toEqual({ weekday: 1, open: true, opens: '09:00', closes: '18:00' });
		expect(form.days[1]!.open).toBe(false);
	});
});
