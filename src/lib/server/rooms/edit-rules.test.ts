import { describe, expect, it } from 'vitest';
import { checkEditable, pastEditCutoff, statusAfterEdit, versionOf } from './edit-rules';

const now = new Date('2031-03-10T00:00:00Z');
const booking = { bookedBy: 'u1', status: 'confirmed' as const, startsAt: new Date('2031-03-11T01:00:00Z') };

describe('who may edit a booking, and when', () => {
	it('lets its booker edit it before it starts', () => {
		expect(checkEditable(booking, { actorId: 'u1', staff: false }, now)).toBeNull();
	});
	it('refuses someone else who is not staff', () => {
		expect(checkEditable(booking, { actorId: 'u2', staff: false }, now)).toBe('forbidden');
	});
	it('lets staff who manage rooms edit anyone’s booking', () => {
		expect(checkEditable(booking, { actorId: 'u2', staff: true }, now)).toBeNull();
	});
	it('refuses a cancelled or rejected booking', () => {
		expect(checkEditable({ ...booking, status: 'cancelled' }, { actorId: 'u1', staff: false }, now)).toBe('booking_edit_not_holding');
		expect(checkEditable({ ...booking, status: 'rejected' }, { actorId: 'u1', staff: true }, now)).toBe('booking_edit_not_holding');
	});
	it('refuses a booking that has started, from its first minute', () => {
		expect(checkEditable(booking, { actorId: 'u1', staff: false }, booking.startsAt)).toBe('booking_edit_started');
		expect(checkEditable(booking, { actorId: 'u1', staff: false }, new Date(booking.startsAt.getTime() - 1))).toBeNull();
	});
});

describe('the status after an edit', () => {
	it('sends a confirmed booking moved into a room that needs approval back to pending', () => {
		expect(statusAfterEdit({ current: 'confirmed', placeChanged: true, detailsChanged: false, requiresApproval: true, approver: false })).toBe('requested');
	});
	it('confirms a request moved to a room that needs no approval', () => {
		expect(statusAfterEdit({ current: 'requested', placeChanged: true, detailsChanged: false, requiresApproval: false, approver: false })).toBe('confirmed');
	});
	it('keeps the status when only the purpose or the number of people changes in a room that needs no approval, or nothing changes', () => {
		expect(statusAfterEdit({ current: 'confirmed', placeChanged: false, detailsChanged: true, requiresApproval: false, approver: false })).toBe('confirmed');
		expect(statusAfterEdit({ current: 'requested', placeChanged: false, detailsChanged: true, requiresApproval: false, approver: false })).toBe('requested');
		expect(statusAfterEdit({ current: 'confirmed', placeChanged: false, detailsChanged: false, requiresApproval: true, approver: false })).toBe('confirmed');
	});
	it('asks again when the purpose or the number of people of an approved booking changes in a room that needs approval', () => {
		expect(statusAfterEdit({ current: 'confirmed', placeChanged: false, detailsChanged: true, requiresApproval: true, approver: false })).toBe('requested');
		expect(statusAfterEdit({ current: 'confirmed', placeChanged: false, detailsChanged: true, requiresApproval: true, approver: true })).toBe('confirmed');
	});
	it('refuses a new time or room inside the cancellation cutoff, as a late cancellation', () => {
		const start = new Date('2031-03-11T01:00:00Z');
		expect(pastEditCutoff(start, 24 * 60, new Date('2031-03-10T00:59:00Z'))).toBe(false);
		expect(pastEditCutoff(start, 24 * 60, new Date('2031-03-10T01:01:00Z'))).toBe(true);
		expect(pastEditCutoff(start, 0, new Date('2031-03-11T00:59:00Z'))).toBe(false);
	});
	it('keeps it confirmed when staff who approve move it into such a room', () => {
		expect(statusAfterEdit({ current: 'confirmed', placeChanged: true, detailsChanged: false, requiresApproval: true, approver: true })).toBe('confirmed');
	});
});

describe('a booking’s version', () => {
	const row = {
		updatedAt: new Date('2031-03-01T00:00:00.123Z'),
		status: 'confirmed' as const,
		startsAt: new Date('2031-03-11T01:00:00Z'),
		endsAt: new Date('2031-03-11T02:00:00Z'),
		resourceId: 'r1',
		purpose: '학년 협의회',
		attendees: 4
	};
	it('is the same for the same booking and differs when anything an edit changes differs', () => {
		expect(versionOf({ ...row })).toBe(versionOf(row));
		for (const changed of [
			{ updatedAt: new Date(row.updatedAt.getTime() + 1) },
			{ status: 'requested' as const },
			{ startsAt: new Date(row.startsAt.getTime() + 60_000) },
			{ endsAt: new Date(row.endsAt.getTime() + 60_000) },
			{ resourceId: 'r2' },
			{ purpose: '학년 협의회 ' },
			{ attendees: 5 }
		])
			expect(versionOf({ ...row, ...changed })).not.toBe(versionOf(row));
	});
});
