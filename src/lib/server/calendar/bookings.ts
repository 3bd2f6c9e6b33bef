import type { ReservationStatus } from '../db/schema';
import { say } from '../i18n';
import type { BookingSummary } from '../rooms/mine';
import { buildCalendar, ICS_CONTENT_TYPE, type IcsEvent, type IcsStatus } from './ics';

const PROD_ID = '-//Sejong School Support Center//Room Booking//KO';

/** A booking's status as an iCalendar STATUS (every service's bookings share these statuses). */
export const ICS_STATUS: Record<ReservationStatus, IcsStatus> = {
	requested: 'TENTATIVE',
	confirmed: 'CONFIRMED',
	completed: 'CONFIRMED',
	rejected: 'CANCELLED',
	cancelled: 'CANCELLED',
	no_show: 'CANCELLED'
};

const STATUS_LABEL: Record<ReservationStatus, string> = {
	requested: 'my_status_requested',
	confirmed: 'my_status_confirmed',
	completed: 'my_status_completed',
	rejected: 'my_status_rejected',
	cancelled: 'my_status_cancelled',
	no_show: 'my_status_no_show'
};

/** One booking as a calendar event, in the current request's language. */
export function bookingEvent(booking: BookingSummary, options: { locale: string; origin: string }): IcsEvent {
	const room = options.locale === 'en' ? booking.roomNameEn : booking.roomNameKo;
	const status = ICS_STATUS[booking.status];
	return {
		// Stable per booking: importing the file again updates the event instead of adding one.
		uid: `reservation-${booking.id}@${new URL(options.origin).hostname}`,
		start: new Date(booking.start),
		end: new Date(booking.end),
		summary: say('ics_summary', { purpose: booking.purpose, room }),
		location: say('ics_location', { room, floor: booking.floor }),
		description: say('ics_description', { attendees: booking.attendees, status: say(STATUS_LABEL[booking.status]), id: booking.id }),
		status,
		// A cancelled copy must win over the one imported while it was still booked.
		sequence: status === 'CANCELLED' ? 1 : 0,
		url: `${options.origin}/my/bookings`
	};
}

/** A downloadable .ics response. */
export function calendarResponse(events: IcsEvent[], filename: string, now: Date, name = say('ics_calendar_name')): Response {
	const body = buildCalendar({ prodId: PROD_ID, name, events, now });
	return new Response(body, {
		headers: {
			'content-type': ICS_CONTENT_TYPE,
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
