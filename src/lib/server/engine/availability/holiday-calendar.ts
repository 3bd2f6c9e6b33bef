import * as years from '@hyunbinseo/holidays-kr/all';

/** Korean public holidays from the official gazette (@hyunbinseo/holidays-kr), by 'YYYY-MM-DD'. */
const BY_DATE: Record<string, readonly string[]> = Object.assign({}, ...Object.values(years));

export function holidayNames(date: string): readonly string[] | null {
	return BY_DATE[date] ?? null;
}

/** Last year the package knows; bookings beyond it are not checked against holidays. */
export const LAST_KNOWN_YEAR = Math.max(...Object.keys(years).map((k) => Number(k.slice(1))));
