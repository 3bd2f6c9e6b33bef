import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, MAX_LINE_OCTETS, seoulLocalStamp, utcStamp, type IcsEvent } from './ics';

const octets = (s: string) => new TextEncoder().encode(s).length;
/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab joins the lines. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

const now = new Date('2026-11-20T01:02:03Z');
const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
	uid: 'reservation-1@center.test',
	// 2026-11-24 14:00–15:30 Seoul
	start: new Date('2026-11-24T05:00:00Z'),
	end: new Date('2026-11-24T06:30:00Z'),
	summary: '학년 협의회',
	location: '중회의실 B (3층)',
	status: 'CONFIRMED',
	...over
});
const calendar = (events: IcsEvent[] = [event()]) =>
	buildCalendar({ prodId: '-//Sejong School Support Center//Booking//KO', name: '내 예약', events, now });

/** Property lines of the first VEVENT, unfolded. */
function eventProps(text: string, index = 0): string[] {
	const blocks = unfold(text).split('BEGIN:VEVENT\r\n').slice(1);
	return blocks[index]!.split('END:VEVENT')[0]!.split('\r\n').filter(Boolean);
}

describe('ics calendar file (RFC 5545)', () => {
	it('ends every line with CRLF and never with a bare LF or CR', () => {
		const text = calendar([event({ description: 'line one\nline two' })]);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('starts with VCALENDAR, VERSION:2.0, PRODID and METHOD:PUBLISH', () => {
		const lines = calendar().split('\r\n');
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('VERSION:2.0');
		expect(lines).toContain('PRODID:-//Sejong School Support Center//Booking//KO');
		expect(lines).toContain('METHOD:PUBLISH');
		expect(lines.at(-2)).toBe('END:VCALENDAR');
	});

	it('describes Asia/Seoul in a VTIMEZONE with one STANDARD part at +0900 named KST', () => {
		const text = calendar();
		const tz = text.slice(text.indexOf('BEGIN:VTIMEZONE'), text.indexOf('END:VTIMEZONE'));
		const lines = tz.split('\r\n');
		expect(lines).toContain('TZID:Asia/Seoul');
		expect(lines).toContain('BEGIN:STANDARD');
		expect(lines).toContain('TZOFFSETFROM:+0900');
		expect(lines).toContain('TZOFFSETTO:+0900');
		expect(lines).toContain('TZNAME:KST');
		expect(lines).toContain('END:STANDARD');
		expect(lines.some((l) => l.startsWith('DTSTART:'))).toBe(true);
		expect(text.indexOf('END:VTIMEZONE')).toBeLessThan(text.indexOf('BEGIN:VEVENT'));
	});

	it('gives every event a UID and a UTC DTSTAMP', () => {
		const text = calendar([event(), event({ uid: 'reservation-2@center.test', status: 'TENTATIVE' })]);
		for (const index of [0, 1]) {
			const props = eventProps(text, index);
			expect(props.filter((p) => p.startsWith('UID:'))).toHaveLength(1);
			expect(props).toContain('DTSTAMP:20261120T010203Z');
		}
		expect(eventProps(text, 1)).toContain('UID:reservation-2@center.test');
	});

	it('writes start and end in Seoul wall-clock time with TZID=Asia/Seoul', () => {
		const props = eventProps(calendar());
		expect(props).toContain('DTSTART;TZID=Asia/Seoul:20261124T140000');
		expect(props).toContain('DTEND;TZID=Asia/Seoul:20261124T153000');
	});

	it('keeps Seoul time across midnight UTC, whatever the machine zone', () => {
		expect(seoulLocalStamp(new Date('2026-11-23T23:30:00Z'))).toBe('20261124T083000');
		expect(utcStamp(new Date('2026-11-23T23:30:00Z'))).toBe('20261123T233000Z');
	});

	it('marks the status CONFIRMED, TENTATIVE or CANCELLED', () => {
		for (const status of ['CONFIRMED', 'TENTATIVE', 'CANCELLED'] as const)
			expect(eventProps(calendar([event({ status })]))).toContain(`STATUS:${status}`);
	});

	it('escapes backslashes, semicolons, commas and line breaks in text', () => {
		expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
		const props = eventProps(calendar([event({ summary: '회의; 준비, 점검', description: '1층\n2층\\B' })]));
		expect(props).toContain('SUMMARY:회의\\; 준비\\, 점검');
		expect(props).toContain('DESCRIPTION:1층\\n2층\\\\B');
	});

	it('folds lines at 75 octets without splitting a Hangul character, and unfolds to the original', () => {
		const summary = '세종특별자치시교육청 학교지원본부 중회의실 B에서 열리는 2026학년도 2학기 학년 협의회 및 교육과정 운영 점검 회의';
		const text = calendar([event({ summary })]);
		for (const line of text.split('\r\n')) {
			expect(octets(line)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
			// A split multi-byte character would decode to U+FFFD.
			expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
		}
		const lines = text.split('\r\n');
		const first = lines.findIndex((l) => l.startsWith('SUMMARY:'));
		expect(lines[first + 1]!.startsWith(' ')).toBe(true);
		expect(lines[first + 2]!.startsWith(' ')).toBe(true);
		expect(eventProps(text)).toContain(`SUMMARY:${summary}`);
	});

	it('folds on code points: a line of 3-octet characters fills each line to at most 75 octets', () => {
		const line = `SUMMARY:${'가'.repeat(60)}`;
		const folded = foldLine(line).split('\r\n');
		// "SUMMARY:" is 8 octets, then 22 syllables (66) = 74; the next would make 77.
		expect(octets(folded[0]!)).toBe(74);
		expect(folded.slice(1).every((l) => l.startsWith(' ') && octets(l) <= MAX_LINE_OCTETS)).toBe(true);
		expect(unfold(foldLine(line))).toBe(line);
	});

	it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
		expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
		expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
	});

	it('writes an empty calendar (no upcoming bookings) that is still valid', () => {
		const text = calendar([]);
		expect(text).toContain('BEGIN:VTIMEZONE');
		expect(text).not.toContain('BEGIN:VEVENT');
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
	});
});
