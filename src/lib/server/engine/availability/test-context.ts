import { seoulInstant } from '../../../time/seoul';
import type { AvailabilityContext } from './types';

/** Seoul wall-clock instant: at('2026-11-24', '14:00'). */
export const at = (date: string, time: string) => {
	const [h, m] = time.split(':').map(Number);
	return seoulInstant(date, h! * 60 + m!);
};

/** A resource open Monday to Friday 09:00–18:00, closed on holidays, asked for Tuesday 2026-11-24 10:00–11:00. */
export function context(overrides: Partial<AvailabilityContext> = {}): AvailabilityContext {
	return {
		request: { start: at('2026-11-24', '10:00'), end: at('2026-11-24', '11:00') },
		openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensMinute: 540, closesMinute: 1080 })),
		closures: [],
		holidayNames: () => null,
		rules: { closedOnHolidays: true },
		...overrides
	};
}

export const booking = (date: string, from: string, to: string) => ({ start: at(date, from), end: at(date, to) });
