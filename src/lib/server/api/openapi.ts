/**
 * The OpenAPI 3.1 description of /api/v1, generated from the same Zod schemas the routes parse
 * with (src/lib/schemas/), so the document cannot disagree with what is accepted. A test compares
 * its paths with the route files.
 */
import * as z from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { dayQuery, rangeQuery } from '../../schemas/availability';
import { bookingRequest, cancelRequest, editRequest, moveRequest, rejectRequest, reservationId } from '../../schemas/reservations';
import { credentials } from '../../schemas/session';
import { uuid } from '../../schemas/primitives';
import * as out from './responses';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: out.problem } } });
const body = (schema: z.ZodType, required = true) => ({ required, ...json(schema) });
const signedIn = { security: [{ session: [] }] };

/** Refusals every write can get, besides its own. */
const writeRefusals: ZodOpenApiResponsesObject = {
	'400': problem('Body is not JSON (`malformed-json`), or nested deeper than 32 levels (`json-too-deep`)'),
	'403': problem('A browser Origin other than this site, or not allowed'),
	'413': problem('Body larger than the server accepts (BODY_SIZE_LIMIT, 512 kB by default)'),
	'415': problem('Body is not application/json')
};

const decision = (summary: string, extra: Partial<ZodOpenApiOperationObject> = {}): ZodOpenApiOperationObject => ({
	summary,
	...signedIn,
	requestParams: { path: reservationId },
	responses: {
		'200': { description: 'Decided', ...json(out.reservation) },
		'401': problem('Not signed in'),
		...writeRefusals,
		'404': problem('No such booking you may see'),
		'409': problem('Already decided'),
		...extra.responses
	},
	...(extra.requestBody ? { requestBody: extra.requestBody } : {})
});

export const openapi = withUnavailable(createDocument({
	openapi: '3.1.0',
	info: {
		title: 'Center booking API',
		version: '1.0.0',
		description:
			'JSON API of the school-support center booking system. Authentication is the session cookie set by POST /api/v1/session. ' +
			'State-changing requests must send Content-Type: application/json (415 otherwise); a browser Origin other than this site is refused (403). ' +
			'Errors are RFC 9457 problem details; `title` follows Accept-Language (ko, en), `type` is stable. ' +
			'Dates and instants are accepted from 2000-01-01 to 2100-12-31 (Asia/Seoul); text must not contain control characters.'
	},
	components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'session' } } },
	paths: {
		'/api/v1/session': {
			get: {
				summary: 'The current session',
				...signedIn,
				responses: { '200': { description: 'Signed in', ...json(out.session) }, '401': problem('Not signed in') }
			},
			post: {
				summary: 'Sign in; sets the same session cookie as the sign-in page',
				requestBody: body(credentials),
				responses: {
					'201': { description: 'Signed in; Set-Cookie carries the session', ...json(out.signedIn) },
					'401': problem('Wrong e-mail or password (never says which)'),
					...writeRefusals,
					'422': problem('Missing or malformed fields (`violations`)'),
					'429': problem('Too many failed attempts; Retry-After says when to try again')
				}
			},
			delete: {
				summary: 'Sign out',
				...signedIn,
				responses: { '204': { description: 'Signed out (also when there was no session)' } }
			}
		},
		'/api/v1/rooms': {
			get: { summary: 'The rooms of the center', responses: { '200': { description: 'Active rooms in display order', ...json(out.rooms) } } }
		},
		'/api/v1/availability': {
			get: {
				summary: "Every room's held intervals on one Seoul day (buffers included); busy/free only, except the caller's own bookings",
				requestParams: { query: dayQuery },
				responses: { '200': { description: 'The day', ...json(out.day) }, '422': problem('date missing, not a real date or out of range') }
			}
		},
		'/api/v1/rooms/{id}/availability': {
			get: {
				summary: "One room's held intervals in [from, to) (at most 62 days)",
				requestParams: { path: z.object({ id: uuid().meta({ description: 'Room id' }) }), query: rangeQuery },
				responses: {
					'200': { description: 'Busy intervals', ...json(out.roomRange) },
					'404': problem('No such room'),
					'422': problem('Bad range')
				}
			}
		},
		'/api/v1/reservations': {
			post: {
				summary: 'Book a room (or a weekly series)',
				...signedIn,
				requestParams: {
					header: z.object({
						'Idempotency-Key': z.string().min(8).max(128).meta({
							description: 'The same key and body return the first answer again; a different body with the same key is refused (409)'
						})
					})
				},
				requestBody: body(bookingRequest),
				responses: {
					'201': { description: 'Booked: status confirmed, or requested when the room needs approval', ...json(out.reservation) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'409': problem('Overlaps another booking: `conflicts` [{start,end}] and `alternatives` [{roomId,start,end,kind}]'),
					'422': problem('Malformed, or breaks rules: `violations` [{rule,message}] (all of them) and `alternatives`')
				}
			}
		},
		'/api/v1/reservations/preview': {
			post: {
				summary: 'Check a booking or each occurrence of a series without booking',
				...signedIn,
				requestBody: body(bookingRequest),
				responses: {
					'200': { description: 'Each occurrence: free, conflict or invalid', ...json(out.preview) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'422': problem('Malformed request'),
					'429': problem('Too many previews by this user in a minute; Retry-After says when to try again')
				}
			}
		},
		'/api/v1/reservations/{id}': {
			get: {
				summary: 'A booking you may edit (yours; any for facility staff), with its version to send back with the edit',
				...signedIn,
				requestParams: { path: reservationId },
				responses: {
					'200': { description: 'The booking', ...json(out.editableReservation) },
					'401': problem('Not signed in'),
					'404': problem('No such booking you may edit')
				}
			},
			patch: {
				summary: 'Edit a booking in place: room, time, purpose, people (its booker, or facility staff)',
				description:
					'Rules and clashes are checked again; the id and history stay; a new room or time that needs approval makes it a request again (facility staff are e-mailed); the school\'s monthly quota is counted again in the transaction; the booker is e-mailed; the reminder follows the new time. Not once the booking has started, nor when it is cancelled.',
				...signedIn,
				requestParams: { path: reservationId },
				requestBody: body(editRequest),
				responses: {
					'200': { description: 'Edited', ...json(out.editableReservation) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'404': problem('No such booking you may see'),
					'409': problem(
						'Changed meanwhile by someone else (booking_changed_meanwhile: reload and edit again), started or cancelled, or the new time overlaps another booking (`conflicts`)'
					),
					'422': problem('Malformed, or breaks rules at the new time or room (`violations`, all of them; the quota included)')
				}
			}
		},
		'/api/v1/reservations/{id}/cancel': {
			post: {
				summary: 'Cancel a booking, or it and the rest of its series (scope: following)',
				...signedIn,
				requestParams: { path: reservationId },
				requestBody: body(cancelRequest, false),
				responses: {
					'200': { description: 'The cancelled bookings', ...json(out.cancelled) },
					...writeRefusals,
					'404': problem('No such booking you may see'),
					'409': problem('Past the cancellation cutoff, or not active'),
					'422': problem('Malformed body')
				}
			}
		},
		'/api/v1/reservations/{id}/approve': { post: decision('Facility staff: approve a request') },
		'/api/v1/reservations/{id}/reject': {
			post: decision('Facility staff: reject a request with a reason', {
				requestBody: body(rejectRequest),
				responses: { '422': problem('Reason missing, too long or with control characters') }
			})
		},
		'/api/v1/reservations/{id}/move': {
			post: decision('Facility staff: move or resize a booking (rules checked again; the booker is e-mailed)', {
				requestBody: body(moveRequest),
				responses: {
					'200': { description: 'Moved', ...json(out.reservation) },
					'409': problem('The new time overlaps another booking (`conflicts`)'),
					'422': problem('The new time is malformed or breaks rules (`violations`)')
				}
			})
		},
		'/api/v1/openapi.json': {
			get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document' } } }
		}
	}
}));

/** Every operation that reaches the database may answer 503 (src/lib/server/http/unavailable.ts). */
function withUnavailable<D extends { paths?: object }>(document: D): D {
	const answer = {
		description: 'The database is unavailable or this process is overloaded; Retry-After says when to try again',
		content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
	};
	for (const [path, item] of Object.entries(document.paths ?? {}) as [string, Record<string, { responses?: Record<string, unknown> }>][]) {
		if (path === '/api/v1/openapi.json') continue;
		for (const operation of Object.values(item)) if (operation?.responses) operation.responses['503'] ??= answer;
	}
	return document;
}
