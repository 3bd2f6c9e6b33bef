import { m } from '$lib/paraglide/messages';

/** A visit's status in words (the coordinators' tabs, the delegation's page). */
const LABELS: Record<string, () => string> = {
	new: m.visit_status_new,
	waiting: m.visit_status_waiting,
	confirmed: m.visit_status_confirmed,
	done: m.visit_status_done,
	declined: m.visit_status_declined,
	cancelled: m.visit_status_cancelled
};
export const visitStatusLabel = (status: string): string => (LABELS[status] ?? LABELS.new!)();
