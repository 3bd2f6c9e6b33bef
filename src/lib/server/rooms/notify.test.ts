import { describe, expect, it } from 'vitest';
import type { Reservation } from '../db/schema';
import type { Executor } from '../db';
import { movedWords } from './notify';
import type { RoomWithRules } from './store';

const roomA = { nameKo: '중회의실 A', nameEn: 'Meeting Room A' };
const roomB = { nameKo: '중회의실 B', nameEn: 'Meeting Room B' };
const target = (names: typeof roomA) => ({ room: names }) as unknown as RoomWithRules;
const booking = (start: string, end: string) => ({ id: 'b1', startsAt: new Date(start), endsAt: new Date(end) }) as Reservation;
const booker = { name: '한지민', email: 'school@center.test' };
const noDatabase = {} as Executor;

describe('the mail of a moved booking', () => {
	it('says the time before and now in the same room', async () => {
		const words = movedWords(target(roomA), booking('2026-12-04T01:00:00Z', '2026-12-04T02:00:00Z'));
		const mail = await words(booking('2026-12-04T04:00:00Z', '2026-12-04T05:30:00Z'), booker, noDatabase);
		const text = mail!.compose('ko').text;
		expect(text).toContain('공간: 중회의실 A\n변경 전: 2026년 12월 4일 (금) 10:00–11:00\n변경 후: 2026년 12월 4일 (금) 13:00–14:30');
	});

	it('names both rooms when the booking moved to another room', async () => {
		const words = movedWords(target(roomB), booking('2026-12-04T01:00:00Z', '2026-12-04T02:00:00Z'), roomA);
		const mail = await words(booking('2026-12-04T01:00:00Z', '2026-12-04T02:00:00Z'), booker, noDatabase);
		const text = mail!.compose('en').text;
		expect(text).toContain('Before: Meeting Room A, Fri, 4 Dec 2026, 10:00–11:00\nNow: Meeting Room B, Fri, 4 Dec 2026, 10:00–11:00');
		expect(text).not.toContain('Room: ');
	});
});
