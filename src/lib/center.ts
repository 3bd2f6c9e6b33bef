/**
 * The center's contacts named in the footer and the policies. Apart from privacy.ts (which holds
 * the policy's words): the footer is on every page, and should not bring the policy's messages to
 * every page's JavaScript.
 */
export const CENTER_PHONE = '044-320-3000';
export const PRIVACY_OFFICER_PHONE = '044-320-3010';
export const PRIVACY_OFFICER_EMAIL = 'privacy@center.test';
/** Where the center is (the delegation's itinerary, its calendar file and the printed page say it). */
export const CENTER_ADDRESS = {
	ko: '세종특별자치시 한누리대로 2154, 학교지원본부 (본관 1층 안내 데스크)',
	en: 'School Support Headquarters, 2154 Hannuri-daero, Sejong (reception desk, main building, ground floor)'
} as const;
