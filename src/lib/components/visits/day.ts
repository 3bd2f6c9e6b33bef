import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/time/format';
import { seoulInstant } from '$lib/time/seoul';

/** "2027년 3월 10일 (수) 오전" / "Wed, 10 Mar 2027, morning": a visit date and its half day. */
export const visitDayText = (date: string, period: 'am' | 'pm', locale: 'ko' | 'en') =>
	m.visit_preferred_text({ date: formatDate(seoulInstant(date), locale), period: period === 'am' ? m.visit_period_am() : m.visit_period_pm() });
