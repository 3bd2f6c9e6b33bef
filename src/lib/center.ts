/**
 * The center's contacts named in the footer and the policies. Apart from privacy.ts (which holds
 * the policy's words): the footer is on every page, and should not bring the policy's messages to
 * every page's JavaScript.
 */
export const CENTER_PHONE = '044-320-3000';
export const PRIVACY_OFFICER_PHONE = '044-320-3010';
export const PRIVACY_OFFICER_EMAIL = 'privacy@center.test';
