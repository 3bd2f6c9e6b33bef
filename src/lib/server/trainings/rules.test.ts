import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inLotteryPool, land, mayCancel, personKey, refusals, windowAt, type SeatState } from './rules';

const OPENS = new Date('2027-03-02T01:00:00Z'); // 10:00 Seoul
const session = (over: Partial<SeatState> = {}): SeatState => ({
	capacity: 3,
	confirmedCount: 0,
	waitingSeq: 0,
	perSchoolCap: null,
	mode: 'first_come',
	lotteryMinutes: null,
	opensAt: OPENS,
	closesAt: new Date('2027-03-09T09:00:00Z'),
	...over
});
const words = { opensAt: '3월 2일 10:00', closesAt: '3월 9일 18:00' };
const minute = (n: number) => new Date(OPENS.getTime() + n * 60_000);

describe('the registration window', () => {
	it('opens at its exact minute and closes at its', () => {
		expect(windowAt(session(), new Date(OPENS.getTime() - 1))).toBe('before');
		expect(windowAt(session(), OPENS)).toBe('open');
		expect(windowAt(session(), new Date('2027-03-09T08:59:59.999Z'))).toBe('open');
		expect(windowAt(session(), new Date('2027-03-09T09:00:00Z'))).toBe('closed');
	});
	it('refuses before opening and after closing, naming when', () => {
		expect(refusals(session(), minute(-1), { count: 1, schoolHeld: 0 }, words)).toEqual([{ rule: 'opensAt', messageKey: 'training_not_open_yet', params: { opensAt: words.opensAt } }]);
		expect(refusals(session(), new Date('2027-03-10T00:00:00Z'), { count: 1, schoolHeld: 0 }, words)[0]!.messageKey).toBe('training_closed');
		expect(refusals(session(), minute(0), { count: 1, schoolHeld: 0 }, words)).toEqual([]);
	});
});

describe('seats', () => {
	it('fills exactly the capacity, then numbers the waiting list from the last number on', () => {
		const { landings, confirmedCount, waitingSeq } = land(session({ confirmedCount: 1, waitingSeq: 4 }), 4, false);
		expect(landings).toEqual([{ status: 'confirmed' }, { status: 'confirmed' }, { status: 'waitlisted', waitingNumber: 5 }, { status: 'waitlisted', waitingNumber: 6 }]);
		expect([confirmedCount, waitingSeq]).toEqual([3, 6]);
	});
	it('never confirms more than the capacity and never repeats a waiting number, whatever the requests (fast-check)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 30 }), (capacity, requests) => {
				let s = session({ capacity });
				const numbers: number[] = [];
				let confirmed = 0;
				for (const count of requests) {
					const r = land(s, count, false);
					for (const l of r.landings) l.status === 'confirmed' ? confirmed++ : l.status === 'waitlisted' && numbers.push(l.waitingNumber);
					s = { ...s, confirmedCount: r.confirmedCount, waitingSeq: r.waitingSeq };
				}
				const total = requests.reduce((a, b) => a + b, 0);
				expect(confirmed).toBe(Math.min(capacity, total));
				expect(numbers).toEqual(Array.from({ length: Math.max(0, total - capacity) }, (_, i) => i + 1));
			})
		);
	});
	it('puts a lottery’s requests in its pool for its first minutes, then seats them as usual', () => {
		const lottery = session({ mode: 'lottery', lotteryMinutes: 10 });
		expect(inLotteryPool(lottery, minute(9.99), false)).toBe(true);
		expect(inLotteryPool(lottery, minute(10), false)).toBe(false);
		expect(inLotteryPool(lottery, minute(5), true)).toBe(false);
		expect(land(lottery, 2, true).landings).toEqual([{ status: 'pending_draw' }, { status: 'pending_draw' }]);
	});
});

describe('the per-school cap', () => {
	it('takes a request that reaches it and refuses one beyond it, counting what the school holds', () => {
		const capped = session({ perSchoolCap: 2 });
		expect(refusals(capped, minute(1), { count: 1, schoolHeld: 1 }, words)).toEqual([]);
		expect(refusals(capped, minute(1), { count: 2, schoolHeld: 1 }, words)).toEqual([{ rule: 'perSchoolCap', messageKey: 'training_school_cap', params: { cap: 2, held: 1 } }]);
	});
});

describe('cancelling', () => {
	const times = { cancelCutoff: new Date('2027-03-15T09:00:00Z'), startsAt: new Date('2027-03-16T01:00:00Z'), endsAt: new Date('2027-03-16T08:00:00Z') };
	it('is open to a school until the cutoff’s exact minute, to staff until the end', () => {
		expect(mayCancel(times, new Date('2027-03-15T08:59:59Z'), false)).toBe(true);
		expect(mayCancel(times, new Date('2027-03-15T09:00:00Z'), false)).toBe(false);
		expect(mayCancel(times, new Date('2027-03-16T07:59:00Z'), true)).toBe(true);
		expect(mayCancel({ ...times, cancelCutoff: null }, new Date('2027-03-16T00:59:00Z'), false)).toBe(true);
	});
	it('knows a person by the address, whatever its case and spaces', () => {
		expect(personKey('  Kim.Principal@School.KR ')).toBe('kim.principal@school.kr');
	});
});

describe('the lottery’s order', () => {
	const ids = Array.from({ length: 30 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
	it('is the same for the same seed (anyone re-runs it), another for another seed, and holds every request once', async () => {
		const { drawOrder } = await import('./rules');
		const first = drawOrder('a1b2c3', ids);
		expect(drawOrder('a1b2c3', [...ids].reverse())).toEqual(first);
		expect(drawOrder('ffff00', ids).map((t) => t.id)).not.toEqual(first.map((t) => t.id));
		expect(new Set(first.map((t) => t.id)).size).toBe(30);
		expect(first[0]!.ticket).toMatch(/^[0-9a-f]{64}$/);
	});
});
