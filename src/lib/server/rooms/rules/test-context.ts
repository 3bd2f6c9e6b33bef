import { at } from '../../engine/availability/test-context';
import { DEFAULT_RULES, type RuleContext } from './types';

export { at };

/** A weekday room booking at Tuesday 2026-11-24 10:00–11:00, asked on Monday 09:00. */
export function context(overrides: Partial<RuleContext> = {}): RuleContext {
	return {
		now: at('2026-11-23', '09:00'),
		request: { start: at('2026-11-24', '10:00'), end: at('2026-11-24', '11:00'), attendees: 10 },
		room: { capacity: 20 },
		// The schema's defaults, with a 4-hour maximum so length limits are easy to reach.
		rules: { ...DEFAULT_RULES, maxMinutes: 240 },
		openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensMinute: 540, closesMinute: 1080 })),
		closures: [],
		holidayNames: () => null,
		actor: { role: 'school_user', schoolId: 'school-a' },
		quotaUsedMinutes: 0,
		...overrides
	};
}

export const booking = (date: string, from: string, to: string, attendees = 10) => ({
	start: at(date, from),
	end: at(date, to),
	attendees
});
