import type { Locale } from '../../time/format';

type Say = (locale: Locale) => string;

/**
 * One e-mail in both languages, Korean first: the booker reads it outside the app, where we do
 * not know which language they chose.
 */
export function bilingual(subject: Say, body: Say): { subject: string; text: string } {
	return {
		subject: `${subject('ko')} / ${subject('en')}`,
		text: [body('ko'), '', '---', '', body('en')].join('\n')
	};
}
