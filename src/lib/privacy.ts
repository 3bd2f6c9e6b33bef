/**
 * What the center collects, why and for how long: the data behind the privacy policy page
 * (개인정보처리방침) and the consent statements. A new service that collects personal data
 * (surveys, visits) adds its row here and, if it asks for consent, its statement version.
 */
import { m } from '$lib/paraglide/messages';

type Say = () => string;

export interface RetentionRow {
	/** Stable id (also the anchor on the privacy page). */
	id: string;
	/** What is collected. */
	items: Say;
	/** Why. */
	purpose: Say;
	/** How long it is kept. */
	period: Say;
	/** Whether the consent statement when an account is opened names it. */
	inAccountConsent: boolean;
}

export const RETENTION: readonly RetentionRow[] = [
	{
		id: 'accounts',
		items: m.legal_ret_accounts_items,
		purpose: m.legal_ret_accounts_purpose,
		period: m.legal_ret_accounts_period,
		inAccountConsent: true
	},
	{
		id: 'bookings',
		items: m.legal_ret_bookings_items,
		purpose: m.legal_ret_bookings_purpose,
		period: m.legal_ret_bookings_period,
		inAccountConsent: true
	},
	{
		id: 'consents',
		items: m.legal_ret_consents_items,
		purpose: m.legal_ret_consents_purpose,
		period: m.legal_ret_consents_period,
		inAccountConsent: false
	},
	{
		id: 'access-logs',
		items: m.legal_ret_logs_items,
		purpose: m.legal_ret_logs_purpose,
		period: m.legal_ret_logs_period,
		inAccountConsent: false
	},
	{
		id: 'visits',
		items: m.legal_ret_visits_items,
		purpose: m.legal_ret_visits_purpose,
		period: m.legal_ret_visits_period,
		inAccountConsent: false
	},
	{
		id: 'emails',
		items: m.legal_ret_emails_items,
		purpose: m.legal_ret_emails_purpose,
		period: m.legal_ret_emails_period,
		inAccountConsent: false
	}
];

/** The version of each consent statement; a changed statement gets a new version (and new consents). */
export const CONSENT_VERSIONS = { account: '2026-12-02', visits: '2026-12-07' } as const;

/** The date the privacy policy took effect (shown on the page). */
export const PRIVACY_POLICY_EFFECTIVE = '2026-12-02';

export { CENTER_PHONE, PRIVACY_OFFICER_EMAIL, PRIVACY_OFFICER_PHONE } from './center';
