/**
 * The OpenAPI 3.1 description of /api/v1, generated from the same Zod schemas the routes parse
 * with (src/lib/schemas/), so the document cannot disagree with what is accepted. A test compares
 * its paths with the route files.
 */
import * as z from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { dayQuery, rangeQuery } from '../../schemas/availability';
import { bookingRequest, cancelRequest, editRequest, moveRequest, rejectRequest, reservationId } from '../../schemas/reservations';
import { cancelRequest as consultationCancelRequest, consultationRequest, exceptionRequest, noteRequest, reassignRequest, rescheduleRequest, slotQuery, weeklyHoursRequest } from '../../schemas/consultations';
import { credentials } from '../../schemas/session';
import { drawInput, registrationInput, trainingProgrammeInput } from '../../schemas/trainings';
import { itineraryInput, visitCheckInByCode, visitCheckInMark, visitDateChoice, visitDeclineForm, visitInboxQuery, visitMessageInput, visitProposeForm, visitRequestInput } from '../../schemas/visits';
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

const visitId = z.object({ id: uuid().meta({ description: 'Visit request id (GET /api/v1/visit-requests)' }) });

/** A coordinator's decision on a visit request: the request afterwards, or a refusal. */
const visitDecision = (summary: string, schema: z.ZodType, extra: { description?: string; status?: '200' | '201' } = {}): ZodOpenApiOperationObject => ({
	summary,
	...(extra.description ? { description: extra.description } : {}),
	...signedIn,
	requestParams: { path: visitId },
	requestBody: body(schema),
	responses: {
		[extra.status ?? '200']: { description: 'Done: the request as the coordinators see it now (the delegation is e-mailed)', ...json(out.visitCoordinatorView) },
		'401': problem('Not signed in'),
		...writeRefusals,
		'404': problem('No such request'),
		'409': problem('The request’s status does not allow it (already decided, cancelled…), or the day is full'),
		'422': problem('A bad date (past, weekend, holiday, beyond a year), a missing reason (`violations`)')
	}
});

const consultationId = z.object({ id: uuid().meta({ description: 'Consultation id' }) });
const consultantId = z.object({ id: uuid().meta({ description: "Consultant id (the consultant's resource id, as in GET /api/v1/departments)" }) });
const idempotencyHeader = z.object({
	'Idempotency-Key': z.string().min(8).max(128).meta({
		description: 'The same key and body return the first answer again; a different body with the same key is refused (409)'
	})
});

/** A consultation's action: the consultation afterwards, or a refusal (a 404 for one the caller may not see). */
const consultationAction = (summary: string, extra: Partial<ZodOpenApiOperationObject> = {}): ZodOpenApiOperationObject => ({
	summary,
	...signedIn,
	requestParams: { path: consultationId },
	...(extra.requestBody ? { requestBody: extra.requestBody } : {}),
	...(extra.description ? { description: extra.description } : {}),
	responses: {
		'200': { description: 'Done: the consultation as the caller sees it now', ...json(out.consultation) },
		'401': problem('Not signed in'),
		...writeRefusals,
		'404': problem('No such consultation the caller may see'),
		'409': problem('Not open any more (cancelled, completed…)'),
		...extra.responses
	}
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
		'/api/v1/departments': {
			get: {
				summary: 'The departments with their consultation topics and consultants',
				responses: { '200': { description: 'Every department, its active topics in order and its active consultants', ...json(out.departments) } }
			}
		},
		'/api/v1/departments/{id}/slots': {
			get: {
				summary: "A topic's free consultation slots over Seoul dates [from, to] (at most 62 days), computed from the consultants' hours and holds",
				requestParams: { path: z.object({ id: uuid().meta({ description: 'Department id' }) }), query: slotQuery },
				responses: {
					'200': { description: 'Free slots in time order (ISO 8601 with +09:00)', ...json(out.slots) },
					'404': problem('No such department, no such active topic, or a topic of another department'),
					'422': problem('Bad range (to before from, more than 62 days), date, mode or id (`violations`)')
				}
			}
		},
		'/api/v1/consultations': {
			get: {
				summary: "The caller's consultations: a school user's school's (newest first), department staff's department's queue (by start)",
				description: 'Lists never carry the description or the outcome note; read one consultation for them.',
				...signedIn,
				responses: {
					'200': { description: 'The consultations', ...json(out.consultationList) },
					'401': problem('Not signed in'),
					'403': problem('Neither a school user nor department staff')
				}
			},
			post: {
				summary: 'Book a consultation (school users)',
				description:
					'Without consultantId the free consultant with the fewest consultations that week gets it; in person a consultation room is held too, all or nothing. The school is e-mailed with the reference.',
				...signedIn,
				requestParams: { header: idempotencyHeader },
				requestBody: body(consultationRequest),
				responses: {
					'201': { description: 'Booked: confirmed, or requested when the topic needs confirmation', ...json(out.consultationCreated) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'403': problem('Not a school user, or a browser Origin other than this site'),
					'409': problem('The slot was taken meanwhile: `alternatives` [{start,end}], the next free slots; or the Idempotency-Key was used with another body'),
					'422': problem('Malformed, or refused by the rules: `violations` [{rule,message}] (slot not offered, mode not offered, the open-consultation limit…)')
				}
			}
		},
		'/api/v1/consultations/{id}': {
			get: {
				summary: 'One consultation (its school and its department only)',
				description: "The description for its school and department; the outcome note for the department only. A read of a 화해조정부 case's text is logged.",
				...signedIn,
				requestParams: { path: consultationId },
				responses: {
					'200': { description: 'The consultation', ...json(out.consultation) },
					'401': problem('Not signed in'),
					'404': problem('No such consultation the caller may see (the same answer for one of another school or department)')
				}
			}
		},
		'/api/v1/consultations/{id}/cancel': {
			post: consultationAction('Cancel: the school before the cutoff, the department before the start with a reason (the school is told)', {
				requestBody: body(consultationCancelRequest, false),
				responses: { '422': problem('Past the cancellation cutoff (`cutoff`), a department cancelling without a reason (`reason`), or a malformed body') }
			})
		},
		'/api/v1/consultations/{id}/reschedule': {
			post: consultationAction('Move to another slot of the same consultant (the school before the cutoff, the department before the start)', {
				requestBody: body(rescheduleRequest),
				responses: {
					'409': problem('The new time was taken: `alternatives` [{start,end}]; or not open any more'),
					'422': problem('Not a slot the consultant offers (`start`), or past the cutoff (`cutoff`)')
				}
			})
		},
		'/api/v1/consultations/{id}/confirm': { post: consultationAction('The department confirms a request (the school is e-mailed)', { responses: { '403': problem('Not staff of its department') } }) },
		'/api/v1/consultations/{id}/reassign': {
			post: consultationAction("The department hands it to a colleague, checked against the colleague's hours and holds", {
				requestBody: body(reassignRequest),
				responses: {
					'403': problem('Not staff of its department'),
					'409': problem('The colleague is taken then: `alternatives`; or not open any more'),
					'422': problem('Not a consultant of the department (`consultantId`), or the colleague does not offer that time (`start`)')
				}
			})
		},
		'/api/v1/consultations/{id}/complete': {
			post: consultationAction('The department marks it completed (after its end)', {
				responses: { '403': problem('Not staff of its department'), '409': problem('Not ended yet, or not open') }
			})
		},
		'/api/v1/consultations/{id}/no-show': {
			post: consultationAction('The department marks it a no-show (after its start)', {
				responses: { '403': problem('Not staff of its department'), '409': problem('Not started yet, or not open') }
			})
		},
		'/api/v1/consultations/{id}/note': {
			put: consultationAction("The department's outcome note (never shown to the school)", {
				requestBody: body(noteRequest),
				responses: {
					'403': problem('Not staff of its department'),
					'409': problem('The case text was erased (retention)'),
					'422': problem('Note missing, too long or with control characters')
				}
			})
		},
		'/api/v1/consultants/{id}/availability': {
			get: {
				summary: "A consultant's weekly hours, exceptions from today and working hours of the next 14 days (department staff)",
				description: "The department's lead may read and edit anyone of it; a consultant, their own. Working hours are the template and extra hours inside the center's hours, less leave, public holidays and closures (not less bookings: see the slots).",
				...signedIn,
				requestParams: { path: consultantId },
				responses: {
					'200': { description: 'The availability', ...json(out.consultantAvailability) },
					'401': problem('Not signed in'),
					'403': problem("A colleague's, for someone who is not the department's lead"),
					'404': problem('No such consultant in the caller’s department')
				}
			}
		},
		'/api/v1/consultants/{id}/hours': {
			put: {
				summary: "Replace a consultant's weekly hours",
				...signedIn,
				requestParams: { path: consultantId },
				requestBody: body(weeklyHoursRequest),
				responses: {
					'200': { description: 'Saved: how many spans', ...json(z.object({ hours: z.int() })) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'404': problem('No such consultant in the caller’s department'),
					'422': problem('A time off the 30-minute grid, an end not after its start, two spans of one weekday that overlap (`violations`)')
				}
			}
		},
		'/api/v1/consultants/{id}/exceptions': {
			post: {
				summary: 'Add a date exception: leave (a whole day or hours) or extra hours',
				...signedIn,
				requestParams: { path: consultantId },
				requestBody: body(exceptionRequest),
				responses: {
					'201': { description: 'Added', ...json(z.object({ id: uuid() })) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'404': problem('No such consultant in the caller’s department'),
					'422': problem('A date before today, a bad kind or time (`violations`)')
				}
			}
		},
		'/api/v1/consultants/{id}/exceptions/{exceptionId}': {
			delete: {
				summary: 'Remove a date exception',
				...signedIn,
				requestParams: { path: consultantId.extend({ exceptionId: uuid().meta({ description: 'Exception id' }) }) },
				responses: {
					'204': { description: 'Removed' },
					'401': problem('Not signed in'),
					...writeRefusals,
					'404': problem('No such consultant or exception')
				}
			}
		},
		'/api/v1/visits': {
			post: {
				summary: 'Request a benchmarking visit (public, no account)',
				description:
					'A delegation from another region asks to visit. Answered with a reference and a private link (also e-mailed in the language of the request). Preferred dates must be weekdays, not public holidays, from tomorrow to a year ahead. Requests per sender address are limited.',
				requestBody: body(visitRequestInput),
				responses: {
					'201': { description: 'Received', ...json(out.visitCreated) },
					...writeRefusals,
					'422': { description: 'Refused: `errors` {field: message} and `violations` [{rule,message}], every problem at once', content: { 'application/problem+json': { schema: out.visitProblem } } },
					'429': problem('Too many requests from this address: Retry-After says when to try again')
				}
			}
		},
		'/api/v1/visits/{token}': {
			get: {
				summary: "The delegation's view of its request, through the private link's token",
				description: 'Status, history, messages and, once confirmed and planned, the itinerary. An unknown or malformed token answers 404, the same as any missing page.',
				requestParams: { path: z.object({ token: z.string().meta({ description: "The private link's token" }) }) },
				responses: {
					'200': { description: 'The request', ...json(out.visitView) },
					'404': problem('No request with this token')
				}
			}
		},
		'/api/v1/visit-requests': {
			get: {
				summary: 'The coordinators’ inbox: requests of one status, and how many each status holds',
				description: 'For visit coordinators and admins (403 for everyone else).',
				...signedIn,
				requestParams: { query: visitInboxQuery },
				responses: {
					'200': { description: 'The requests (newest first; confirmed ones by visit date)', ...json(out.visitInbox) },
					'401': problem('Not signed in'),
					'403': problem('Not a visit coordinator'),
					'422': problem('An unknown status')
				}
			}
		},
		'/api/v1/visit-requests/{id}': {
			get: {
				summary: 'One request as the coordinators see it, with the decisions its status allows',
				...signedIn,
				requestParams: { path: visitId },
				responses: {
					'200': { description: 'The request', ...json(out.visitCoordinatorView) },
					'401': problem('Not signed in'),
					'403': problem('Not a visit coordinator'),
					'404': problem('No such request')
				}
			}
		},
		'/api/v1/visit-requests/{id}/confirm': { post: visitDecision('Confirm the visit on a date (counted against the day’s capacity under its lock)', visitDateChoice) },
		'/api/v1/visit-requests/{id}/propose': {
			post: visitDecision('Propose another date; the delegation accepts it through its link', visitProposeForm, {
				description: 'From a confirmed visit too: its itinerary’s holds are released and its segments dropped.'
			})
		},
		'/api/v1/visit-requests/{id}/decline': { post: visitDecision('Decline a new or waiting request, with a reason', visitDeclineForm) },
		'/api/v1/visit-requests/{id}/cancel': { post: visitDecision('Call off a confirmed visit, with a reason: every hold of its itinerary is released', visitDeclineForm) },
		'/api/v1/visit-requests/{id}/messages': { post: visitDecision('Write to the delegation (e-mailed; it replies through its private link)', visitMessageInput, { status: '201' }) },
		'/api/v1/visit-requests/{id}/itinerary': {
			put: {
				summary: 'Replace a confirmed visit’s itinerary, all or nothing',
				description:
					'Each segment holds its room and presenters (consultants) through the reservation engine, so a presenter’s consultation slots close meanwhile. When any hold clashes, nothing is held and the answer names the segment, the resource, the time and when the resource is next free.',
				...signedIn,
				requestParams: { path: visitId },
				requestBody: body(itineraryInput),
				responses: {
					'200': { description: 'Saved and held (the delegation and the presenters whose part changed are e-mailed)', ...json(out.itinerarySaved) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'404': problem('No such request'),
					'409': { description: 'A clash (`clashes`), nothing held; or the visit is not confirmed', content: { 'application/problem+json': { schema: out.itineraryClash } } },
					'422': problem('A bad time, a room too small for the group, one presenter or room in two overlapping segments (`violations`, rule `segments.N.field`)')
				}
			}
		},
		'/api/v1/visit-requests/{id}/check-in': {
			post: {
				summary: 'Mark a confirmed visit arrived or not come: the visit is done',
				...signedIn,
				requestParams: { path: visitId },
				requestBody: body(visitCheckInMark),
				responses: {
					'200': { description: 'Checked in', ...json(out.checkedIn) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'404': problem('No such request'),
					'409': problem('Already checked in, or (arrived) not the visit day')
				}
			}
		},
		'/api/v1/visit-requests/check-in': {
			post: {
				summary: 'Check a delegation in by the reference its QR code holds (or typed)',
				...signedIn,
				requestBody: body(visitCheckInByCode),
				responses: {
					'200': { description: 'Checked in: the visit is done', ...json(out.checkedIn) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'409': problem('Already checked in'),
					'422': problem('Not the shape of a reference, or no visit of today has it (`violations`, rule `code`)')
				}
			}
		},
		'/api/v1/trainings': {
			get: {
				summary: 'Training programmes with their sessions and seats (public)',
				responses: { '200': { description: 'The programmes', ...json(out.trainingList) } }
			},
			post: {
				summary: 'Publish a programme with its sessions (staff of the department, admins)',
				description: 'A session in one of the center’s rooms holds the room for its time through the reservation engine; a room taken refuses the whole programme (409 with `conflicts`, like a booking).',
				...signedIn,
				requestBody: body(trainingProgrammeInput),
				responses: {
					'201': { description: 'Published', ...json(out.trainingCreated) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'403': problem('Not staff of the department'),
					'409': problem('A room is taken then (`conflicts`)'),
					'422': problem('A bad session (times, window, place, lottery minutes), or a room smaller than the capacity (`violations`, rule `sessions.N.field`)')
				}
			}
		},
		'/api/v1/trainings/sessions/{id}/registrations': {
			post: {
				summary: 'Register people for a session (a school user, for the school’s staff)',
				description:
					'Each person gets a seat while any is left, then a numbered place in line (in a lottery’s first minutes, the pool). Registrations are decided under the session’s row lock: never a seat sold twice, whatever the number of app processes. The Idempotency-Key is written with them: a retry gets the first answer.',
				...signedIn,
				requestParams: { path: z.object({ id: uuid().meta({ description: 'Session id' }) }), header: idempotencyHeader },
				requestBody: body(registrationInput),
				responses: {
					'201': { description: 'Registered', ...json(out.registrationsCreated) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'404': problem('No such session'),
					'409': problem('A person already holds another session of the programme (the message names it), or the Idempotency-Key was used with another body'),
					'422': problem('Before opening, after closing, over the school’s cap, or a malformed list (`violations`)')
				}
			}
		},
		'/api/v1/trainings/sessions/{id}/draw': {
			post: {
				summary: 'Draw a lottery session’s pool (staff of the department), once its period is over',
				description: 'Tickets are SHA-256("<seed>:<registration id>") sorted ascending: seats go in that order, the rest join the line in it. The seed and the log are stored and returned so anyone can re-run the draw.',
				...signedIn,
				requestParams: { path: z.object({ id: uuid().meta({ description: 'Session id' }) }) },
				requestBody: body(drawInput),
				responses: {
					'200': { description: 'Drawn', ...json(out.drawn) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'404': problem('No such session'),
					'409': problem('Not a lottery, already drawn, or its period is not over')
				}
			}
		},
		'/api/v1/trainings/registrations/{id}/cancel': {
			post: {
				summary: 'Cancel a registration: the seat goes to the first person waiting',
				description: 'Its school until the cancellation cutoff (the start when none is set), the department’s staff until the end.',
				...signedIn,
				requestParams: { path: z.object({ id: uuid().meta({ description: 'Registration id' }) }) },
				responses: {
					'200': { description: 'Cancelled', ...json(out.registrationCancelled) },
					'401': problem('Not signed in'),
					...writeRefusals,
					'404': problem('No such registration of the caller’s school'),
					'409': problem('Already cancelled or over, or past the cutoff')
				}
			}
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
