import { describe, expect, it } from 'vitest';
import { seoulInstant } from '../../time/seoul';
import { checkClosure, MAX_CLOSURE_OCCURRENCES, type ClosureInput } from './closures';

const ROOM = '22222222-2222-4222-8222-222222222222';
const now = seoulInstant('2026-11-23', 8 * 60);
const known = { roomIds: [ROOM], now };
const input = (over: Partial<ClosureInput> = {}): ClosureInput => ({
	roomId: ROOM,
	fromDate: '2026-12-02',
	fromTime: '13:00',
	toDate: '2026-12-02',
	toTime: '18:00',
	reason: '냉난방 설비 점검',
	...over
});

describe('checkClosure', () => {
	it('turns Seoul dates and times into the closure range', () => {
		const { violations, range } = checkClosure(input(), known);
		expect(violations).toEqual([]);
		expect(range).toEqual({
			resourceId: ROOM,
			start: new Date('2026-12-02T04:00:00Z'),
			end: new Date('2026-12-02T09:00:00Z'),
			reason: '냉난방 설비 점검'
		});
	});

	it('closes the whole building when no room is chosen', () => {
		expect(checkClosure(input({ roomId: '' }), known).range?.resourceId).toBeNull();
	});

	it('reports every problem at once: unknown room, bad dates and times, missing reason', () => {
		const { violations, range } = checkClosure(
			{ roomId: 'x', fromDate: '2026-02-30', fromTime: '9', toDate: '', toTime: '25:00', reason: ' ' },
			known
		);
		expect(range).toBeNull();
		expect(violations.map((v) => v.rule)).toEqual(['roomId', 'fromDate', 'toDate', 'fromTime', 'toTime', 'reason']);
	});

	it('refuses an end that is not after the start, and a period already over', () => {
		expect(checkClosure(input({ toTime: '13:00' }), known).violations).toEqual([
			{ rule: 'toDate', messageKey: 'facility_closure_end_before_start' }
		]);
		expect(checkClosure(input({ fromDate: '2026-11-20', toDate: '2026-11-21' }), known).violations).toEqual([
			{ rule: 'toDate', messageKey: 'facility_closure_in_past' }
		]);
	});

	it('lets a whole-day closure end at 24:00', () => {
		const { range } = checkClosure(input({ fromTime: '00:00', toTime: '24:00' }), known);
		expect(range?.end).toEqual(seoulInstant('2026-12-03', 0));
	});
});

describe('checkClosure: all day and repeating', () => {
	it('closes whole days without times: midnight of the first date to midnight after the last', () => {
		const { violations, plan } = checkClosure(input({ allDay: true, fromTime: '', toTime: 'x', toDate: '2026-12-03' }), known);
		expect(violations).toEqual([]);
		expect(plan?.allDay).toBe(true);
		expect(plan?.ranges.map((r) => [r.start.toISOString(), r.end.toISOString()])).toEqual([['2026-12-01T15:00:00.000Z', '2026-12-03T15:00:00.000Z']]);
	});

	it('repeats every week on its weekday until the last date, each occurrence as long as the first', () => {
		const { violations, plan } = checkClosure(input({ repeat: 'weekly', repeatUntil: '2026-12-23' }), known);
		expect(violations).toEqual([]);
		expect(plan?.ranges.map((r) => r.start.toISOString())).toEqual(['2026-12-02T04:00:00.000Z', '2026-12-09T04:00:00.000Z', '2026-12-16T04:00:00.000Z', '2026-12-23T04:00:00.000Z']);
		expect(plan?.ranges.every((r) => r.end.getTime() - r.start.getTime() === 5 * 3_600_000)).toBe(true);
		expect(plan?.rule).toContain('FREQ=WEEKLY');
	});

	it('repeats every year on its date, all day', () => {
		const { plan } = checkClosure(input({ allDay: true, fromDate: '2026-12-10', toDate: '2026-12-10', repeat: 'yearly', repeatUntil: '2028-12-31' }), known);
		expect(plan?.ranges.map((r) => r.start.toISOString())).toEqual(['2026-12-09T15:00:00.000Z', '2027-12-09T15:00:00.000Z', '2028-12-09T15:00:00.000Z']);
		expect(plan?.rule).toContain('FREQ=YEARLY');
	});

	it('wants a last date after the start for a repeating closure, and a known repeat', () => {
		const problems = (over: Partial<ClosureInput>) => checkClosure(input(over), known).violations.map((v) => `${v.rule}:${v.messageKey}`);
		expect(problems({ repeat: 'weekly' })).toEqual(['repeatUntil:facility_closure_repeat_until_required']);
		expect(problems({ repeat: 'weekly', repeatUntil: '2026-12-02' })).toEqual(['repeatUntil:facility_closure_repeat_until_after_start']);
		expect(problems({ repeat: 'weekly', repeatUntil: '2027-02-30' })).toEqual(['repeatUntil:facility_closure_repeat_until_required']);
		expect(problems({ repeat: 'constructor' })).toEqual(['repeat:facility_closure_repeat_invalid']);
	});

	it('refuses a repeat that runs past the most occurrences instead of cutting it short', () => {
		const problems = (over: Partial<ClosureInput>) => checkClosure(input(over), known).violations.map((v) => `${v.rule}:${v.messageKey}`);
		// Weekly from early December 2026 for two years: about 104 weeks.
		expect(problems({ repeat: 'weekly', repeatUntil: '2028-12-01' })).toEqual(['repeatUntil:facility_closure_repeat_too_many']);
		const within = checkClosure(input({ repeat: 'weekly', repeatUntil: '2027-06-30' }), known).plan!.ranges.length;
		expect(within).toBeGreaterThan(20);
		expect(within).toBeLessThanOrEqual(MAX_CLOSURE_OCCURRENCES);
	});

	it('keeps only the occurrences still ahead of a repeat that began in the past', () => {
		const { plan } = checkClosure(input({ fromDate: '2026-11-11', toDate: '2026-11-11', repeat: 'weekly', repeatUntil: '2026-12-02' }), known);
		expect(plan?.ranges.map((r) => r.start.toISOString().slice(0, 10))).toEqual(['2026-11-25', '2026-12-02']);
	});
});
