import type { ConsultationView } from '../consultations/bookings';
import { modeLabel } from '../consultations/notify';
import { say } from '../i18n';
import { ICS_STATUS } from './bookings';
import type { IcsEvent } from './ics';

/**
 * One consultation as a calendar event, in the current request's language. Like the mails, it
 * never carries the case text (the description): a calendar is shared and synced widely.
 */
export function consultationEvent(c: Omit<ConsultationView, 'description' | 'outcomeNote'>, options: { locale: 'ko' | 'en'; origin: string }): IcsEvent {
	const en = options.locale === 'en';
	const department = en ? c.department.nameEn : c.department.nameKo;
	const topic = en ? c.topic.nameEn : c.topic.nameKo;
	const mode = modeLabel(c.mode, options.locale);
	const room = c.room ? (en ? c.room.nameEn : c.room.nameKo) : null;
	const status = ICS_STATUS[c.status as keyof typeof ICS_STATUS] ?? 'CONFIRMED';
	return {
		// Stable per consultation: importing the file again updates the event instead of adding one.
		uid: `consultation-${c.id}@${new URL(options.origin).hostname}`,
		start: new Date(c.start),
		end: new Date(c.end),
		summary: say('consult_school_ics_summary', { department, topic }),
		location: room ? say('consult_school_ics_location_room', { mode, room }) : mode,
		description: say('consult_school_ics_description', { reference: c.reference, consultant: c.consultant.name, status: say(`consult_school_status_${c.status}`) }),
		status,
		// A cancelled copy must win over the one imported while it was still booked.
		sequence: status === 'CANCELLED' ? 1 : 0,
		url: `${options.origin}/consultations/${c.id}`
	};
}
