import { afterEach, describe, expect, it } from 'vitest';
import { letter, links, when } from './letter';

describe('a mail in one language', () => {
	const origin = process.env.ORIGIN;
	afterEach(() => {
		if (origin === undefined) delete process.env.ORIGIN;
		else process.env.ORIGIN = origin;
	});

	it('says a booking’s time as people write it, in Asia/Seoul, whatever the server’s zone', () => {
		expect(when('2026-12-05T05:00:00Z', '2026-12-05T07:00:00Z', 'ko')).toBe('2026년 12월 5일 (토) 14:00–16:00');
		expect(when('2026-12-05T05:00:00Z', '2026-12-05T07:00:00Z', 'en')).toBe('Sat, 5 Dec 2026, 14:00–16:00');
	});

	it('greets, leads, lists the facts and links, and signs in Korean only', () => {
		const mail = letter('ko', {
			subject: '제목',
			name: '한지민',
			lead: '예약이 확정되었습니다.',
			facts: [
				{ label: '공간', value: '중회의실 A' },
				{ label: '일시', value: ['12월 1일', '12월 8일'] }
			],
			links: ['예약 확인: https://booking.example.kr/my/bookings']
		});
		expect(mail.subject).toBe('제목');
		expect(mail.text).toBe(
			[
				'한지민 님,',
				'예약이 확정되었습니다.',
				'공간: 중회의실 A\n일시:\n  - 12월 1일\n  - 12월 8일',
				'예약 확인: https://booking.example.kr/my/bookings',
				'학교지원본부 통합예약'
			].join('\n\n')
		);
	});

	it('greets and signs in English only, and leaves out empty parts', () => {
		const mail = letter('en', { subject: 'Subject', greeting: 'Dear facility staff,', lead: 'A request waits.' });
		expect(mail.text).toBe('Dear facility staff,\n\nA request waits.\n\nSchool Support Center booking');
	});

	it('links into the app at its public origin', () => {
		process.env.ORIGIN = 'https://booking.example.kr';
		expect(links.booking('b1')).toBe('https://booking.example.kr/my/bookings#booking-b1');
		expect(links.bookingIcs('b1')).toBe('https://booking.example.kr/my/bookings/b1/ics');
		expect(links.approvals()).toBe('https://booking.example.kr/facility/approvals');
	});
});
