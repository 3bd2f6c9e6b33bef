import { describe, expect, it } from 'vitest';
import { describeRepeat, englishOrdinal, exceptionsText, repeatEndText, repeatRuleText, shortMonthsNote, skippedMonthsText } from './repeat-text';

// 2026-12-01 is a Tuesday (the first of its month); 2026-12-25 a Friday (the last); 2027-01-12 the second Tuesday.
describe('repeatRuleText', () => {
	it.each([
		[{ kind: 'weekly', interval: 1 }, '2026-12-01', '매주 화요일', 'Every Tuesday'],
		[{ kind: 'weekly', interval: 2 }, '2026-12-01', '격주 화요일', 'Every other Tuesday'],
		[{ kind: 'weekly', interval: 1, weekdays: [3, 1] }, '2026-12-01', '매주 화요일, 목요일', 'Every Tuesday and Thursday'],
		[{ kind: 'weekly', interval: 1, weekdays: [0, 2, 4] }, '2026-12-02', '매주 월요일, 수요일, 금요일', 'Every Monday, Wednesday and Friday'],
		[{ kind: 'weekdays' }, '2026-12-01', '평일 매일', 'Every weekday (Monday to Friday)'],
		[{ kind: 'monthlyDate' }, '2026-12-15', '매월 15일', 'Monthly on the 15th'],
		[{ kind: 'monthlyDate' }, '2027-01-31', '매월 31일', 'Monthly on the 31st'],
		[{ kind: 'monthlyWeekday', nth: 2 }, '2027-01-12', '매월 둘째 화요일', 'Monthly on the second Tuesday'],
		[{ kind: 'monthlyWeekday', nth: -1 }, '2026-12-25', '매월 마지막 금요일', 'Monthly on the last Friday'],
		[{ kind: 'yearly' }, '2026-12-10', '매년 12월 10일', 'Every year on 10 December']
	] as const)('%j from %s reads "%s" / "%s"', (params, first, ko, en) => {
		expect(repeatRuleText({ ...params, weekdays: 'weekdays' in params ? [...params.weekdays] : undefined }, first, 'ko')).toBe(ko);
		expect(repeatRuleText({ ...params, weekdays: 'weekdays' in params ? [...params.weekdays] : undefined }, first, 'en')).toBe(en);
	});
});

describe('the end, the exceptions and skipped months', () => {
	it('says until a date without ISO, or a number of times', () => {
		expect(repeatEndText({ until: '2027-03-31' }, 'ko')).toBe('2027년 3월 31일까지');
		expect(repeatEndText({ until: '2027-03-31' }, 'en')).toBe('until 31 March 2027');
		expect(repeatEndText({ count: 10 }, 'ko')).toBe('10회');
		expect(repeatEndText({ count: 10 }, 'en')).toBe('10 times');
	});

	it('lists the dates left out, sorted', () => {
		expect(exceptionsText(['2027-01-01', '2026-12-25'], 'ko')).toBe('2026년 12월 25일, 2027년 1월 1일 제외');
		expect(exceptionsText(['2027-01-01', '2026-12-25'], 'en')).toBe('except 25 December 2026 and 1 January 2027');
		expect(exceptionsText([], 'en')).toBe('');
	});

	it('says in a sentence which months have no such day', () => {
		expect(skippedMonthsText(['2027-02', '2027-04'], '2027-01-31', 'ko')).toBe('2027년 2월, 4월에는 31일이 없어 예약하지 않습니다.');
		expect(skippedMonthsText(['2027-02', '2027-04'], '2027-01-31', 'en')).toBe('No booking in February and April 2027: they have no 31st.');
		expect(skippedMonthsText(['2027-02'], '2027-01-30', 'en')).toBe('No booking in February 2027: it has no 30th.');
		expect(skippedMonthsText([], '2027-01-31', 'ko')).toBe('');
		expect(shortMonthsNote('2027-01-31', 'ko')).toBe('31일이 없는 달은 건너뜁니다.');
		expect(shortMonthsNote('2027-01-15', 'en')).toBe('');
	});

	it('reads English ordinals the English way', () => {
		expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(englishOrdinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '31st']);
	});
});

describe('describeRepeat', () => {
	it('puts rule, end and exceptions in one line in each language', () => {
		const rule = { kind: 'monthlyWeekday', nth: 2, count: 10 } as const;
		expect(describeRepeat(rule, '2027-01-12', 'ko', ['2027-03-09'])).toBe('매월 둘째 화요일, 10회 (2027년 3월 9일 제외)');
		expect(describeRepeat(rule, '2027-01-12', 'en', ['2027-03-09'])).toBe('Monthly on the second Tuesday, 10 times, except 9 March 2027');
		expect(describeRepeat({ kind: 'weekly', interval: 2, until: '2027-03-31' }, '2026-12-01', 'ko')).toBe('격주 화요일, 2027년 3월 31일까지');
	});

	it('never puts Hangul in English or Latin words in Korean', () => {
		const rules = [
			{ kind: 'weekly', interval: 2, weekdays: [1, 3], count: 5 },
			{ kind: 'weekdays', until: '2027-03-31' },
			{ kind: 'monthlyDate', count: 3 },
			{ kind: 'monthlyWeekday', nth: -1, count: 4 }
		] as const;
		for (const rule of rules) {
			const params = { ...rule, weekdays: 'weekdays' in rule ? [...rule.weekdays] : undefined };
			expect(describeRepeat(params, '2026-12-01', 'en', ['2026-12-08'])).not.toMatch(/[\uAC00-\uD7A3]/);
			expect(describeRepeat(params, '2026-12-01', 'ko', ['2026-12-08'])).not.toMatch(/[A-Za-z]/);
		}
	});
});
