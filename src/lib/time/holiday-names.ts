/**
 * English names of Korean public holidays, keyed by the official Korean name the gazette data
 * (@hyunbinseo/holidays-kr) uses. The Korean name is the identifier everywhere; pages and messages
 * show it through holidayLabel(), so no Korean word reaches an English page.
 */
const ENGLISH: Record<string, string> = {
	'1월 1일': "New Year's Day",
	'설날 전날': 'Day before Lunar New Year',
	설날: 'Lunar New Year',
	'설날 다음 날': 'Day after Lunar New Year',
	'3ㆍ1절': 'Independence Movement Day',
	어린이날: "Children's Day",
	'부처님 오신 날': "Buddha's Birthday",
	현충일: 'Memorial Day',
	광복절: 'Liberation Day',
	'추석 전날': 'Day before Chuseok',
	추석: 'Chuseok',
	'추석 다음 날': 'Day after Chuseok',
	개천절: 'National Foundation Day',
	한글날: 'Hangeul Day',
	기독탄신일: 'Christmas Day',
	노동절: 'Labour Day',
	제헌절: 'Constitution Day',
	임시공휴일: 'Temporary public holiday',
	대통령선거: 'Presidential election',
	전국동시지방선거: 'Local elections',
	'제21대 국회의원선거': '21st National Assembly election',
	제22대국회의원선거: '22nd National Assembly election'
};

/** "기독탄신일" → "Christmas Day"; "대체공휴일(추석)" → "Substitute holiday (Chuseok)". */
export function holidayLabel(name: string, locale: 'ko' | 'en'): string {
	if (locale === 'ko') return name;
	const known = ENGLISH[name];
	if (known) return known;
	const qualified = /^(대체공휴일|임시공휴일)\((.+)\)$/.exec(name);
	if (qualified) {
		const kind = qualified[1] === '대체공휴일' ? 'Substitute holiday' : 'Temporary public holiday';
		return `${kind} (${holidayLabel(qualified[2]!, 'en')})`;
	}
	// A name newer than this table: say what it is rather than show Korean on an English page.
	return 'Public holiday';
}

/** Several names of one day, joined as the data joins them (", "). */
export function holidayLabels(names: string, locale: 'ko' | 'en'): string {
	return names
		.split(', ')
		.map((n) => holidayLabel(n, locale))
		.join(', ');
}
