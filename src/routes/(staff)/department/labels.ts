import { m } from '$lib/paraglide/messages';

/** A consultation's status and mode as the queue says them (tables of message functions). */
export const STATUS_LABELS: Record<string, () => string> = {
	requested: m.dept_queue_status_requested,
	confirmed: m.dept_queue_status_confirmed,
	completed: m.dept_queue_status_completed,
	no_show: m.dept_queue_status_no_show,
	cancelled: m.dept_queue_status_cancelled,
	rejected: m.dept_queue_status_rejected
};
export const STATUS_BADGES: Record<string, string> = {
	requested: 'badge-warning',
	confirmed: 'badge-primary',
	completed: 'badge-success',
	no_show: 'badge-danger',
	cancelled: 'badge-neutral',
	rejected: 'badge-neutral'
};
export const MODE_LABELS: Record<string, () => string> = {
	visit: m.consultation_mode_visit,
	video: m.consultation_mode_video,
	phone: m.consultation_mode_phone
};
export const statusLabel = (status: string) => STATUS_LABELS[status]?.() ?? status;
export const modeLabel = (mode: string) => MODE_LABELS[mode]?.() ?? mode;
