import * as rrulePackage from 'rrule';
import type { Options, Weekday } from 'rrule';

// rrule ships CommonJS for Node (a UMD bundle whose named exports Node's ESM loader cannot see:
// the built server failed on `import { RRule }`) and ESM for bundlers and vitest: take RRule from
// wherever this loader put it.
const RRule: typeof rrulePackage.RRule =
	rrulePackage.RRule ?? (rrulePackage as unknown as { default: typeof rrulePackage }).default.RRule;
import { isIsoDate, type IsoDate } from '../../time/seoul';
import { mondayIndex, weekdayPosition } from '../../time/weekday-of-month';
import { MAX_OCCURRENCES } from '../../schemas/reservations';

/**
 * Repeat rules beyond "every week", expanded with `rrule` on Seoul wall-clock DATES only.
 *
 * Time zones: rrule works in UTC when no `tzid` is given, and reads/writes dates with the UTC
 * getters, so we feed it "floating" dates — the Seoul calendar date as midnight UTC — and read
 * back `toISOString().slice(0, 10)`. The machine's TZ never enters; the times of day are combined
 * afterwards with `seoulInstant` (see `recurrence.ts`).
 */
export type RepeatRule =
	| { kind: 'weekly'; weekdays: number[]; interval?: 1 | 2 } // weekdays 0=Mon … 6=Sun
	| { kind: 'weekdays' } // daily, Monday to Friday
	| { kind: 'monthlyDate' } // same day of the month as the first date; months without it are skipped
	| { kind: 'monthlyWeekday'; nth: 1 | 2 | 3 | 4 | -1 } // nth (or last) weekday of the first date
	| { kind: 'yearly' }; // the same date every year (closures: a founding day); 29 February only in leap years

export interface RepeatBounds {
	/** Last Seoul date an occurrence may fall on (inclusive). */
	until?: IsoDate;
	/** Number of occurrences, the first included (exceptions do not count as occurrences). */
	count?: number;
	/** Seoul dates to leave out. */
	except?: IsoDate[];
}

const WEEKDAYS: Weekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

const floating = (date: IsoDate) => new Date(`${date}T00:00:00.000Z`);
const isoOf = (d: Date): IsoDate => d.toISOString().slice(0, 10);
export { mondayIndex, weekdayPosition };

export function rruleOptions(first: IsoDate, rule: RepeatRule, bounds: Pick<RepeatBounds, 'until' | 'count'>): Partial<Options> {
	const base: Partial<Options> = { dtstart: floating(first) };
	if (bounds.until) base.until = floating(bounds.until);
	if (bounds.count) base.count = bounds.count;
	const day = floating(first);
	switch (rule.kind) {
		case 'weekly':
			return { ...base, freq: RRule.WEEKLY, interval: rule.interval ?? 1, byweekday: rule.weekdays.map((w) => WEEKDAYS[w]!), wkst: RRule.MO };
		case 'weekdays':
			return { ...base, freq: RRule.DAILY, byweekday: WEEKDAYS.slice(0, 5) };
		case 'monthlyDate':
			return { ...base, freq: RRule.MONTHLY, bymonthday: [day.getUTCDate()] };
		case 'monthlyWeekday':
			return { ...base, freq: RRule.MONTHLY, byweekday: [WEEKDAYS[mondayIndex(first)]!.nth(rule.nth)] };
		case 'yearly':
			return { ...base, freq: RRule.YEARLY, bymonth: [day.getUTCMonth() + 1], bymonthday: [day.getUTCDate()] };
	}
}

/** The rule as an RFC 5545 RRULE string, to store on the series row and show later. */
export function ruleString(first: IsoDate, rule: RepeatRule, bounds: Pick<RepeatBounds, 'until' | 'count'>): string {
	return new RRule(rruleOptions(first, rule, bounds)).toString();
}

/**
 * The Seoul dates of a series, sorted, without duplicates or exceptions, never more than
 * MAX_OCCURRENCES. The first date is always the first occurrence, even if the rule would not
 * produce it (e.g. a weekly rule on other weekdays); `skippedMonths` lists the months a
 * monthly-by-date rule passed over (no 31st in April), so the preview can say so; `more` says the
 * rule goes on past the limit before its end (a caller bounded by `until` refuses rather than cut).
 */
export function expandDates(
	first: IsoDate,
	rule: RepeatRule,
	bounds: RepeatBounds
): { dates: IsoDate[]; skippedMonths: string[]; more: boolean } {
	if (!isIsoDate(first)) return { dates: [], skippedMonths: [], more: false };
	const except = new Set(bounds.except ?? []);
	const limit = Math.min(bounds.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
	const until = bounds.until ?? isoOf(new Date(floating(first).getTime() + 5 * 366 * 86_400_000));
	const rr = new RRule(rruleOptions(first, rule, { until }));
	const dates: IsoDate[] = [];
	const seen = new Set<IsoDate>();
	const push = (date: IsoDate) => {
		if (seen.has(date) || except.has(date) || date < first || date > until) return;
		seen.add(date);
		dates.push(date);
	};
	push(first);
	// rrule's iterator stops when the callback returns false; exceptions are skipped, not counted.
	// One past the limit, to tell whether the rule would go on.
	rr.all((d) => {
		push(isoOf(d));
		return dates.length <= limit;
	});
	dates.sort();
	const result = dates.slice(0, limit);
	const more = dates.length > limit;
	const skippedMonths: string[] = [];
	if (rule.kind === 'monthlyDate' && result.length > 0) {
		const dom = floating(first).getUTCDate();
		const lastMonth = result[result.length - 1]!.slice(0, 7);
		for (let m = floating(first.slice(0, 7) + '-01'); isoOf(m).slice(0, 7) <= lastMonth; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
			const daysInMonth = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 0)).getUTCDate();
			if (daysInMonth < dom) skippedMonths.push(isoOf(m).slice(0, 7));
		}
	}
	return { dates: result, skippedMonths, more };
}
