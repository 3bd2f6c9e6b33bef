import { describe, expect, it } from 'vitest';
import type { ConsultationView } from '../consultations/bookings';
import { consultationEvent } from './consultations';
import { buildCalendar } from './ics';

const view = (over: Partial<ConsultationView> = {}): ConsultationView => ({
	id: '11111111-2222-4333-8444-555555555555',
	reference: 'C-2026-0007',
	status: 'confirmed',
	// 2026-12-08 14:00–15:00 Seoul
	start: '2026-12-08T05:00:00.000Z',
	end: '2026-12-08T06:00:00.000Z',
	mode: 'visit',
	department: { id: 'd', code: 'mediation', nameKo: '화해조정부', nameEn: 'Reconciliation & Mediation' },
	topic: { id: 't', nameKo: '학교폭력 사안 상담', nameEn: 'School violence case consultation' },
	consultant: { id: 'c', name: '정하은', titleKo: '상담사', titleEn: 'Counsellor' },
	room: { id: 'r', nameKo: '화해조정실', nameEn: 'Mediation Room' },
	school: null,
	booker: null,
	description: '피해 학생 이름이 들어간 사안 설명',
	cancelReason: null,
	decisionReason: null,
	caseErased: false,
	createdAt: '2026-12-01T00:00:00.000Z',
	may: { cancel: true, reschedule: true, handle: false, readNote: false },
	...over
});

const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

describe('a consultation as a calendar event', () => {
	it('carries the reference, time, mode and room, and never the case text', () => {
		const event = consultationEvent(view(), { locale: 'ko', origin: 'https://center.test' });
		const text = unfold(buildCalendar({ prodId: '-//test//KO', events: [event], now: new Date('2026-12-01T00:00:00Z') }));
		expect(text).toContain('UID:consultation-11111111-2222-4333-8444-555555555555@center.test');
		expect(text).toContain('DTSTART;TZID=Asia/Seoul:20261208T140000');
		expect(text).toContain('C-2026-0007');
		expect(text).toContain('화해조정실');
		expect(text).toContain('URL:https://center.test/consultations/11111111-2222-4333-8444-555555555555');
		expect(text).not.toContain('피해 학생');
	});

	it('is cancelled, with a higher sequence, once the consultation is cancelled', () => {
		const event = consultationEvent(view({ status: 'cancelled', room: null, mode: 'phone' }), { locale: 'en', origin: 'https://center.test' });
		expect(event.status).toBe('CANCELLED');
		expect(event.sequence).toBe(1);
		expect(event.location).toBe('Phone');
	});
});
