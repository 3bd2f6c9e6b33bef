import { seoulInstant } from '../../../time/seoul';
import type { RuleContext } from './types';

/** Seoul wall-clock instant: at('2026-11-24', '14:00'). */
export const at = (date: string, time: string) => {
	const [h, m] = time.split(':').map(Number);
	return seoulInstant(date, h! * 60 + m!);
};

/** A weekday room booking at Tuesday 2026-11-24 10:00–11:00, asked on Monday 09:00. */
export function context(overrides: Partial<RuleContext> = {}): RuleContext {
	return {
		now: at('2026-11-23', '09:00'),
		request: { start: at('2026-11-24', '10:00'), end: at('2026-11-24', '11:00'), attendees: 10 },
		room: { capacity: 20 },
		rules: {
			granularityMinutes: 30,
			minMinutes: 30,
			maxMinutes: 240,
			leadTimeMinutes: 60,
			horizonDays: 90,
			bufferBeforeMinutes: 0,
			bufferAfterMinutes: 0,
			requiresApproval: false,
			allowedRoles: [],
			allowedSchoolIds: [],
			monthlyQuotaMinutes: null,
			closedOnHolidays: true,
			cancelCutoffMinutes: 60
		},
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
