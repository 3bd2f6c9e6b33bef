import { redirect, type Cookies } from '@sveltejs/kit';
import { isTextSize } from '$lib/display';
import { safeRedirectPath } from '$lib/nav';
import { cookieName as localeCookie, isLocale } from '$lib/paraglide/runtime';
import { CONTRAST_COOKIE, PREFERENCE_MAX_AGE_S, TEXT_COOKIE } from '$lib/server/ui-preferences';
import * as users from '$lib/server/users';
import type { Actions } from './$types';

// Readable by the page (the Paraglide client runtime reads the language cookie).
const options = { path: '/', maxAge: PREFERENCE_MAX_AGE_S, httpOnly: false, sameSite: 'lax' as const };

function setChoice(cookies: Cookies, name: string, value: string | null) {
	if (value) cookies.set(name, value, options);
}

async function apply({ request, cookies, locals }: { request: Request; cookies: Cookies; locals: App.Locals }) {
	const form = await request.formData();
	const locale = String(form.get('locale') ?? '');
	const contrast = String(form.get('contrast') ?? '');
	const text = String(form.get('text') ?? '');
	setChoice(cookies, localeCookie, isLocale(locale) ? locale : null);
	// Signed in: the account remembers it too, so e-mails come in this language.
	if (locals.user && isLocale(locale) && locale !== locals.user.locale) await users.setLocale(locals.user.id, locale);
	setChoice(cookies, CONTRAST_COOKIE, contrast === 'high' || contrast === 'normal' ? contrast : null);
	setChoice(cookies, TEXT_COOKIE, isTextSize(text) ? text : null);
	redirect(303, safeRedirectPath(form.get('redirectTo'), '/preferences'));
}

/** One endpoint for the header's three toggles and the settings page; all work without JavaScript. */
export const actions: Actions = {
	save: (event) => apply(event),
	language: (event) => apply(event),
	contrast: (event) => apply(event),
	text: (event) => apply(event)
};
