import { describe, expect, it } from 'vitest';
import { parseInput } from './issues';
import { registrationInput, trainingProgrammeInput } from './trainings';

const session = {
	start: '2027-04-05T14:00:00+09:00',
	end: '2027-04-05T17:00:00+09:00',
	venue: { name: '충청남도교육연수원 대강당', address: '충남 공주시' },
	capacity: 1500,
	region: 'chungnam',
	opensAt: '2027-03-02T10:00:00+09:00',
	closesAt: '2027-03-31T18:00:00+09:00'
};
const programme = (over: Record<string, unknown> = {}) => ({ title: { ko: '관리자 연수', en: 'Leaders’ training' }, department: 'education', sessions: [{ ...session, ...over }] });
const keys = (raw: unknown) => {
	const parsed = parseInput(trainingProgrammeInput, raw);
	return parsed.ok ? [] : parsed.problems.map((p) => p.messageKey);
};

describe('a programme', () => {
	it('takes a session at an outside venue for 1,500, first come by default', () => {
		const parsed = parseInput(trainingProgrammeInput, programme());
		expect(parsed.ok && parsed.value.sessions[0]).toMatchObject({ capacity: 1500, mode: 'first_come' });
	});
	it('refuses a session ending before it starts, closing after its end, a cutoff after its start, and no place or two', () => {
		expect(keys(programme({ end: '2027-04-05T13:00:00+09:00' }))).toContain('training_end_before_start');
		expect(keys(programme({ closesAt: '2027-04-06T00:00:00+09:00' }))).toContain('training_closes_after_end');
		expect(keys(programme({ cancelCutoff: '2027-04-05T15:00:00+09:00' }))).toEqual(['training_cutoff_after_start']);
		expect(keys(programme({ venue: undefined }))).toEqual(['training_place_required']);
		expect(keys(programme({ roomId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['training_place_required']);
	});
	it('needs the lottery’s minutes with a lottery and none with first come; a capacity within 1..10,000', () => {
		expect(keys(programme({ mode: 'lottery' }))).toEqual(['training_lottery_minutes_required']);
		expect(keys(programme({ lotteryMinutes: 10 }))).toEqual(['training_lottery_minutes_required']);
		expect(keys(programme({ mode: 'lottery', lotteryMinutes: 10 }))).toEqual([]);
		expect(keys(programme({ capacity: 10_001 }))).toEqual(['training_capacity_invalid']);
	});
});

describe('a registration', () => {
	it('lists people with a valid address each, once each (whatever the case)', () => {
		const p = (email: string) => ({ name: '김교감', position: '교감', email });
		expect(parseInput(registrationInput, { participants: [p('a@school.kr'), p('b@school.kr')] }).ok).toBe(true);
		const repeated = parseInput(registrationInput, { participants: [p('a@school.kr'), p('A@School.kr')] });
		expect(repeated.ok ? [] : repeated.problems.map((x) => x.messageKey)).toEqual(['training_participants_repeated']);
		const bad = parseInput(registrationInput, { participants: [p('not-an-address')] });
		expect(bad.ok ? [] : bad.problems.map((x) => x.messageKey)).toEqual(['training_email_invalid']);
		expect(parseInput(registrationInput, { participants: [] }).ok).toBe(false);
	});
});
