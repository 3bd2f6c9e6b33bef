import { describe, expect, it } from 'vitest';
import { checkPreferredDates } from './dates';

const holidays = (date: string) => (date === '2027-03-01' ? ['삼일절'] : null);
const keys = (dates: string[]) => checkPreferredDates(dates.map((date) => ({ date })), '2027-02-24', holidays).map((v) => `${v.params?.n}:${v.messageKey}`);

describe('preferred visit dates', () => {
	it('takes weekdays from tomorrow to a year ahead', () => {
		expect(keys(['2027-02-25', '2028-02-24'])).toEqual([]);
	});
	it('refuses today and before, beyond a year, weekends and public holidays, each by its place', () => {
		expect(keys(['2027-02-24', '2028-02-25', '2027-02-27', '2027-03-01'])).toEqual(['1:visit_date_past', '2:visit_date_too_far', '3:visit_date_weekend', '4:visit_date_holiday']);
	});
	it("names the holiday (as the message's holiday parameter)", () => {
		const [v] = checkPreferredDates([{ date: '2027-03-01' }], '2027-02-24', holidays);
		expect(v!.params).toEqual({ n: 1, holiday: '삼일절' });
	});
});
