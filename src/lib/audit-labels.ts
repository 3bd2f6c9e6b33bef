import { m } from '$lib/paraglide/messages';

/** What an audited action is called on screen, as a table; an action without a label shows its code. */
const LABELS: Record<string, () => string> = {
	'reservation.create': m.audit_reservation_create,
	'reservation.create_series': m.audit_reservation_create_series,
	'reservation.approve': m.audit_reservation_approve,
	'reservation.reject': m.audit_reservation_reject,
	'reservation.cancel': m.audit_reservation_cancel,
	'reservation.lapse': m.audit_reservation_lapse,
	'reservation.move': m.audit_reservation_move,
	'reservation.complete': m.audit_reservation_complete,
	'reservation.no_show': m.audit_reservation_no_show,
	'closure.create': m.audit_closure_create,
	'closure.delete': m.audit_closure_delete,
	'room.create': m.audit_room_create,
	'room.update': m.audit_room_update,
	'room.rules.update': m.audit_room_rules_update,
	'room.hours.update': m.audit_room_hours_update
};

export function auditActionLabel(action: string): string {
	return LABELS[action]?.() ?? action;
}
