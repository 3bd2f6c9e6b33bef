import { CENTER_ADDRESS } from '../../center';
import { formatTime } from '../../time/format';
import { say } from '../i18n';
import type { DelegationView } from '../visits/requests';
import type { IcsEvent } from './ics';

/**
 * A confirmed visit as one calendar event for the delegation: from the first segment's start to
 * the last one's end, at the center's address, with the programme in the description. Its uid is
 * the reference's, so importing a changed programme updates the event; a cancelled visit cancels it.
 */
export function visitEvent(v: DelegationView, options: { locale: 'ko' | 'en'; origin: string }): IcsEvent | null {
	const items = v.itinerary;
	if (items.length === 0) return null;
	const en = options.locale === 'en';
	const cancelled = v.status === 'cancelled' || v.status === 'declined';
	const lines = items.map((s) => {
		const room = s.room ? ` · ${en ? s.room.nameEn : s.room.nameKo}` : '';
		const who = s.presenters.length ? ` · ${s.presenters.map((p) => p.name).join(', ')}` : '';
		return `${formatTime(s.start)}–${formatTime(s.end)} ${s.title}${room}${who}`;
	});
	return {
		uid: `visit-${v.reference}@${new URL(options.origin).hostname}`,
		start: new Date(items[0]!.start),
		end: new Date(items.reduce((last, s) => (s.end > last ? s.end : last), items[0]!.end)),
		summary: say('visit_ics_summary', { reference: v.reference }),
		location: CENTER_ADDRESS[options.locale],
		description: lines.join('\n'),
		status: cancelled ? 'CANCELLED' : 'CONFIRMED',
		sequence: cancelled ? 1 : 0
	};
}
