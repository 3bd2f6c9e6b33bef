import * as m from '$lib/paraglide/messages';
import { formatDateTime, formatTime, type Locale } from '../../time/format';
import type { Reservation } from '../db/schema';
import type { Words } from '../engine/transitions';
import { bilingual } from '../notifications/bilingual';
import type { RoomWithRules } from './store';

const when = (r: Pick<Reservation, 'startsAt' | 'endsAt'>, locale: Locale) => `${formatDateTime(r.startsAt, locale)}–${formatTime(r.endsAt)}`;

/** The words of the booker's e-mail when staff moved their booking (both languages, Korean first). */
export function movedWords(target: RoomWithRules, before: Reservation): Words {
	return async (moved, booker) => ({
		kind: 'booking_moved',
		...bilingual(
			(locale) => m.email_booking_moved_subject({}, { locale }),
			(locale) =>
				m.email_booking_moved_body(
					{
						name: booker.name,
						room: locale === 'en' ? target.room.nameEn : target.room.nameKo,
						before: when(before, locale),
						after: when(moved, locale)
					},
					{ locale }
				)
		)
	});
}
