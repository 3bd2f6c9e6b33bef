import { describe, expect, it } from 'vitest';
import { seoulInstant } from '../../time/seoul';
import { checkClosure, type ClosureInput } from './closures';

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
