import { josa } from 'es-hangul';

/**
 * Korean particles chosen by the sound a value ends with, so a catalogue author writes natural
 * Korean ("{date}은 운영하지 않는 날입니다") and the reader sees "2026년 12월 5일 (토)은" or
 * "회의실 A는" — never "은(는)". es-hangul picks the particle for a Hangul syllable; this module
 * finds the syllable a value is *read* with: digits as Korean numbers (1 일, 3 삼, 10 십, 1000 천),
 * Latin letters by their names or a common reading, a trailing parenthetical skipped.
 */

/** Each particle's pair as es-hangul names it, and the form after a vowel (ㄹ takes 로). */
const PAIRS = {
	은: { option: '은/는', afterVowel: '는' },
	는: { option: '은/는', afterVowel: '는' },
	이: { option: '이/가', afterVowel: '가' },
	가: { option: '이/가', afterVowel: '가' },
	을: { option: '을/를', afterVowel: '를' },
	를: { option: '을/를', afterVowel: '를' },
	과: { option: '와/과', afterVowel: '와' },
	와: { option: '와/과', afterVowel: '와' },
	으로: { option: '으로/로', afterVowel: '로' },
	로: { option: '으로/로', afterVowel: '로' }
} as const;

export type Particle = keyof typeof PAIRS;

const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/;

/** How each digit is read at the end of a number: 1 일, 2 이, 3 삼 … 0 영. */
const DIGIT_READING = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'] as const;

/** A whole number ending in zeros is read by its last unit word: 10 십, 100 백, 1000 천, 10⁴ 만, 10⁸ 억, 10¹² 조. */
function readTrailingZeros(zeros: number): string {
	if (zeros >= 12) return '조';
	if (zeros >= 8) return '억';
	if (zeros >= 4) return '만';
	return ['', '십', '백', '천'][zeros]!;
}

function readNumber(digits: string): string {
	const [whole, fraction] = digits.replace(/,/g, '').split('.');
	if (fraction) return DIGIT_READING[Number(fraction.at(-1))]!;
	const number = whole!.replace(/^0+(?=\d)/, '');
	if (/^0+$/.test(number)) return '영';
	const zeros = number.length - number.replace(/0+$/, '').length;
	return zeros === 0 ? DIGIT_READING[Number(number.at(-1))]! : readTrailingZeros(zeros);
}

/** Letter names as Koreans say them (A 에이, L 엘, M 엠, R 알 …): for codes and acronyms. */
const LETTER_READING: Record<string, string> = {
	a: '이', b: '비', c: '씨', d: '디', e: '이', f: '프', g: '지', h: '치', i: '이', j: '이', k: '이', l: '엘', m: '엠',
	n: '엔', o: '오', p: '피', q: '큐', r: '알', s: '스', t: '티', u: '유', v: '이', w: '유', x: '스', y: '이', z: '지'
};

/** An English word by how its ending is usually read in Korean: "email" 메일, "Zoom" 줌, "Wi-Fi" 파이, "book" 북. */
function readWord(word: string): string {
	const lower = word.toLowerCase();
	const acronym = word.length === 1 || word === word.toUpperCase();
	if (acronym) return LETTER_READING[lower.at(-1)!]!;
	if (/ng$/.test(lower)) return '응';
	if (/(m|me)$/.test(lower)) return '엠';
	if (/(n|ne)$/.test(lower)) return '엔';
	if (/(l|le)$/.test(lower)) return '엘';
	if (/[bdgkpt]$|ck$/.test(lower)) return '윽';
	return '아';
}

/**
 * The syllable a value is read with at its end, or undefined when nothing in it is readable
 * (then the particle after a vowel is used, as after most symbols).
 */
export function lastReading(value: string): string | undefined {
	let text = value.trim();
	// "2026년 12월 5일 (토)" and "공휴일(기독탄신일)": the particle agrees with what stands before the brackets.
	for (;;) {
		const withoutBracket = text.replace(/\s*[([{（［][^()[\]{}（）［］]*[)\]}）］]$/, '');
		if (withoutBracket === text || withoutBracket === '') break;
		text = withoutBracket.trimEnd();
	}
	// Closing quotes and sentence marks are silent.
	text = text.replace(/[\s'"’”»›.,!?:;·…]+$/, '');
	if (text.endsWith('%')) return '트'; // 퍼센트
	const end = text.match(/(\d[\d,]*(?:\.\d+)?)$|([A-Za-z]+)$|([\uAC00-\uD7A3])$/);
	if (!end) {
		const readable = [...text].reverse().find((c) => HANGUL_SYLLABLE.test(c) || /[A-Za-z0-9]/.test(c));
		return readable ? lastReading(readable) : undefined;
	}
	if (end[1]) return readNumber(end[1]);
	if (end[2]) return readWord(end[2]);
	return end[3];
}

/** The particle that follows `value`, written in either form: particleFor('회의실', '는') → '은'. */
export function particleFor(value: unknown, written: Particle): string {
	const pair = PAIRS[written];
	const reading = lastReading(String(value ?? ''));
	return reading === undefined ? pair.afterVowel : josa.pick(reading, pair.option);
}

/** The value followed by its particle: withParticle('2026년 12월 5일 (토)', '는') → '2026년 12월 5일 (토)은'. */
export function withParticle(value: unknown, written: Particle): string {
	return `${String(value)}${particleFor(value, written)}`;
}

/**
 * Where a placeholder in a Korean message is followed by a particle: `{name}` then one of the
 * particles, then something that ends the word (a space, punctuation, the end, or a particle that
 * may follow it: "로부터", "과는"). "{n}이하" or "{x}이다" are not particles.
 */
export const PARTICLE_AFTER_PLACEHOLDER =
	/\{(\w+)\}(으로|로|은|는|이|가|을|를|과|와)(?=$|[^\uAC00-\uD7A3]|(?<=로)(?:는|도|부터|서|써|의|만)|(?<=[과와])(?:는|도|의))/g;
