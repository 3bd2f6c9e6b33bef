import { isHoliday } from '../api/holidays';

const DAY_MS = 86_400_000;

/**
 * `count` Seoul weekdays from `days` ahead that can be asked for a visit: not a weekend and not a
 * public holiday (any month: 광복절, 추석 and 설날 fall mid-month), whatever today is.
 */
export function visitWeekdays(days: number, count = 1): string[] {
	const out: string[] = [];
	const d = new Date(Date.now() + 9 * 3_600_000 + days * DAY_MS);
	while (out.length < count) {
		const date = d.toISOString().slice(0, 10);
		if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !isHoliday(date)) out.push(date);
		d.setUTCDate(d.getUTCDate() + 1);
	}
	return out;
}
