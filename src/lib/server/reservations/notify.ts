import { eq } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import { formatDateTime, formatTime } from '../../time/format';
import type { Executor } from '../db';
import { appUser, type Reservation } from '../db/schema';
import * as outbox from '../notifications/outbox';
import type { RoomWithRules } from './context';

const when = (r: Pick<Reservation, 'startsAt' | 'endsAt'>, locale: 'ko' | 'en') =>
	`${formatDateTime(r.startsAt, locale)}–${formatTime(r.endsAt)}`;

/** Tell the booker their booking was moved (bilingual: Korean first). */
export async function notifyMoved(tx: Executor, moved: Reservation, target: RoomWithRules, before: Reservation) {
	const [booker] = await tx.select({ email: appUser.email, name: appUser.name }).from(appUser).where(eq(appUser.id, moved.bookedBy));
	if (!booker) return;
	const body = (locale: 'ko' | 'en') =>
		m.email_booking_moved_body(
			{
				name: booker.name,
				room: locale === 'en' ? target.room.nameEn : target.room.nameKo,
				before: when(before, locale),
				after: when(moved, locale)
			},
			{ locale }
		);
	await outbox.enqueue(tx, {
		to: booker.email,
		kind: 'booking_moved',
		subject: `${m.email_booking_moved_subject({}, { locale: 'ko' })} / ${m.email_booking_moved_subject({}, { locale: 'en' })}`,
		text: [body('ko'), '', '---', '', body('en')].join('\n')
	});
}
