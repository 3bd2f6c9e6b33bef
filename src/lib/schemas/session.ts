/** Sign-in: the API body (POST /api/v1/session) and the sign-in form. */
import * as z from 'zod';
import { safeText } from './primitives';

export const EMAIL_MAX_LENGTH = 254;
/** Long enough for any passphrase; a longer one is no password but a load on argon2. */
export const PASSWORD_MAX_LENGTH = 1024;

export const password = z
	.string({ error: 'field_required' })
	.min(1, { error: 'field_required' })
	.max(PASSWORD_MAX_LENGTH, { error: 'field_too_long' })
	.meta({ format: 'password' });

/** The e-mail is not checked for form: a sign-in never says whether an address exists. */
export const credentials = z
	.object({ email: safeText({ max: EMAIL_MAX_LENGTH, invalidKey: 'field_required' }).meta({ format: 'email' }), password })
	.meta({ id: 'Credentials' });
export type Credentials = z.output<typeof credentials>;
