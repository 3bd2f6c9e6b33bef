import type { Cookies } from '@sveltejs/kit';

/** Display preferences Korean public sites offer: high contrast and larger text. */
export const CONTRAST_COOKIE = 'ui-contrast';
export const TEXT_COOKIE = 'ui-text';
export const PREFERENCE_MAX_AGE_S = 400 * 24 * 60 * 60;

export function readUiPreferences(cookies: Pick<Cookies, 'get'>) {
	return {
		contrast: cookies.get(CONTRAST_COOKIE) === 'high' ? ('high' as const) : ('normal' as const),
		text: cookies.get(TEXT_COOKIE) === 'large' ? ('large' as const) : ('normal' as const)
	};
}
