import fc from 'fast-check';
import { josa, numberToHangul } from 'es-hangul';
import { describe, expect, it } from 'vitest';
import * as m from '$lib/paraglide/messages';
import { lastReading, particleFor, withParticle, type Particle } from './particles';
import { rewriteParticles } from './vite-plugin';

describe('particleFor: the particle agrees with how the value is read', () => {
	it.each([
		['회의실', '은', '은'],
		['세미나실', '는', '은'],
		['상담실 1', '가', '이'],
		['학교', '은', '는'],
		['학교', '이', '가'],
		['교장', '를', '을'],
		['교사', '을', '를'],
		['시청각실', '와', '과'],
		['서버', '과', '와'],
		['교실', '으로', '로'], // ㄹ final takes 로
		['강당', '로', '으로'],
		['학교', '으로', '로']
	] as const)('%s + %s → %s (Hangul final consonant)', (word, written, expected) => {
		expect(particleFor(word, written)).toBe(expected);
	});

	it.each([
		['1', '은', '은'], // 일
		['2', '은', '는'], // 이
		['3', '로', '으로'], // 삼
		['6', '가', '이'], // 육
		['7', '으로', '로'], // 칠
		['8', '를', '을'], // 팔
		['9', '을', '를'], // 구
		['0', '는', '은'], // 영
		['10', '는', '은'], // 십
		['100', '가', '이'], // 백
		['1,000', '와', '과'], // 천
		['20000', '는', '은'], // 이만
		['1.5', '을', '를'], // 일 점 오
		['30%', '은', '는'] // 퍼센트
	] as const)('%s + %s → %s (digits read in Korean)', (value, written, expected) => {
		expect(particleFor(value, written)).toBe(expected);
	});

	it('skips a trailing parenthetical: the particle agrees with the word before it', () => {
		expect(withParticle('2026년 12월 5일 (토)', '는')).toBe('2026년 12월 5일 (토)은');
		expect(withParticle('2026년 12월 4일 (금)', '은')).toBe('2026년 12월 4일 (금)은');
		expect(withParticle('2027년 1월 2일 (토)', '가')).toBe('2027년 1월 2일 (토)이');
		expect(withParticle('공휴일(기독탄신일)', '는')).toBe('공휴일(기독탄신일)은');
		expect(withParticle('세미나실 (3층)', '로')).toBe('세미나실 (3층)로');
	});

	it('reads Latin letters by a common reading: acronyms by letter names, words by their ending', () => {
		expect(particleFor('KRDS', '은')).toBe('는'); // 에스
		expect(particleFor('R-101', '은')).toBe('은'); // 일
		expect(particleFor('회의실 A', '은')).toBe('는'); // 에이
		expect(particleFor('Room L', '이')).toBe('이'); // 엘
		expect(particleFor('Room L', '로')).toBe('로');
		expect(particleFor('Zoom', '을')).toBe('을'); // 줌
		expect(particleFor('email', '을')).toBe('을'); // 메일
		expect(particleFor('Wi-Fi', '가')).toBe('가'); // 파이
		expect(particleFor('Notebook', '이')).toBe('이'); // 북
	});

	it('after symbols alone takes the particle after a vowel, and never throws on empty values', () => {
		expect(particleFor('', '은')).toBe('는');
		expect(particleFor('—', '이')).toBe('가');
		expect(particleFor(undefined, '을')).toBe('를');
		expect(lastReading('“회의실”')).toBe('실');
	});

	it('property: any whole number takes the particle of its Korean reading (es-hangul numberToHangul)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), fc.constantFrom<Particle>('은', '이', '을', '과', '으로'), (n, written) => {
				const reading = numberToHangul(n).replace(/\s/g, '').at(-1)!;
				const pair = ({ 은: '은/는', 이: '이/가', 을: '을/를', 과: '와/과', 으로: '으로/로' } as const)[written as '은'];
				expect(particleFor(String(n), written)).toBe(josa.pick(reading, pair));
				expect(particleFor(n.toLocaleString('en-US'), written)).toBe(josa.pick(reading, pair));
			})
		);
	});

	it('property: either particle of a pair gives the same answer, and a trailing parenthetical changes nothing', () => {
		const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
		const word = fc.array(syllable, { minLength: 1, maxLength: 6 }).map((s) => s.join(''));
		fc.assert(
			fc.property(word, word, fc.constantFrom<[Particle, Particle]>(['은', '는'], ['이', '가'], ['을', '를'], ['과', '와'], ['으로', '로']), (w, aside, [a, b]) => {
				expect(particleFor(w, a)).toBe(particleFor(w, b));
				expect(particleFor(`${w} (${aside})`, a)).toBe(particleFor(w, a));
				expect(withParticle(w, a).startsWith(w)).toBe(true);
			})
		);
	});
});

describe('compiled messages resolve the particle after a placeholder', () => {
	it('rewrites a placeholder followed by a particle, and leaves "{n}이하" or "{x}에는" alone', () => {
		const code = 'const ko = (i) => `${i?.date}은 쉽니다. ${i?.n}이하 ${i?.x}에는 ${i?.room}로부터`';
		const out = rewriteParticles(code)!;
		expect(out).toContain('${__withParticle(i?.date, "은")} 쉽니다.');
		expect(out).toContain('${i?.n}이하');
		expect(out).toContain('${i?.x}에는');
		expect(out).toContain('${__withParticle(i?.room, "로")}부터');
		expect(rewriteParticles('const en = (i) => `Closed on ${i?.date}.`')).toBeUndefined();
	});

	it('a message rendered by Paraglide gets the particle of its actual value, in both directions', () => {
		const say = (date: string) => m.rule_closed_day({ date }, { locale: 'ko' });
		expect(say('2026년 12월 5일 (토)')).toBe('2026년 12월 5일 (토)은 운영하지 않는 날입니다.');
		expect(say('모레')).toBe('모레는 운영하지 않는 날입니다.');
		expect(m.rule_closed_day({ date: 'Sat, 5 Dec 2026' }, { locale: 'en' })).toBe('The center is closed on Sat, 5 Dec 2026.');
	});
});
