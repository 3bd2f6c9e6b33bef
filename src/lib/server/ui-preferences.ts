import type { Cookies } from '@sveltejs/kit';
import { isTextSize, type TextSize } from '$lib/display';

/** Display preferences Korean public sites offer: high contrast and five text sizes. */
export const CONTRAST_COOKIE = 'ui-contrast';
export const TEXT_COOKIE = 'ui-text';
export const PREFERENCE_MAX_AGE_S = 400 * 24 * 60 * 60;

export function readUiPreferences(cookies: Pick<Cookies, 'get'>) {
	return {
		contrast: cookies.get(CONTRAST_COOKIE) === 'high' ? ('high' as const) : ('normal' as const),
		text: readTextSize(cookies.get(TEXT_COOKIE))
	};
}

function readTextSize(value: string | undefined): TextSize {
	return isTextSize(value) ? value : 'normal';
}
