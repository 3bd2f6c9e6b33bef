/**
 * The OpenAPI 3.1 description of /api/v1. Every endpoint that exists is here; a test compares
 * this document with the route files so neither can drift.
 */
const problemRef = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({
	description,
	content: { 'application/problem+json': { schema: problemRef } }
});

export const openapi = {
	openapi: '3.1.0',
	info: {
		title: 'Center booking API',
		version: '1.0.0',
		description:
			'JSON API of the school-support center booking system. Authentication is the session cookie set by POST /api/v1/session. ' +
			'State-changing requests must send Content-Type: application/json (415 otherwise); a browser Origin other than this site is refused (403). ' +
			'Errors are RFC 9457 problem details; `title` follows Accept-Language (ko, en), `type` is stable.'
	},
	servers: [{ url: '/' }],
	components: {
		securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'session' } },
		schemas: {
			Problem: {
				type: 'object',
				required: ['type', 'title', 'status'],
				properties: {
					type: { type: 'string', description: 'Stable URI reference, e.g. /api/v1/problems/validation' },
					title: { type: 'string', description: 'Localized summary' },
					status: { type: 'integer' },
					detail: { type: 'string' },
					violations: {
						type: 'array',
						items: {
							type: 'object',
							required: ['rule', 'message'],
							properties: { rule: { type: 'string' }, message: { type: 'string' } }
						}
					}
				}
			},
			Interval: {
				type: 'object',
				required: ['start', 'end'],
				properties: {
					start: { type: 'string', format: 'date-time' },
					end: { type: 'string', format: 'date-time' },
					mine: { type: 'boolean', description: "Only on the caller's own bookings, with id, purpose, status" },
					id: { type: 'string', format: 'uuid' },
					purpose: { type: 'string' },
					status: { type: 'string' },
					bookingStart: { type: 'string', format: 'date-time', description: 'Without buffers' },
					bookingEnd: { type: 'string', format: 'date-time' }
				}
			},
			Room: {
				type: 'object',
				required: ['id', 'name', 'capacity', 'floor', 'equipment', 'requiresApproval'],
				properties: {
					id: { type: 'string', format: 'uuid' },
					name: { type: 'string', description: "In the request's language" },
					capacity: { type: 'integer' },
					floor: { type: 'integer' },
					equipment: { type: 'array', items: { type: 'string' } },
					accessibility: { type: 'array', items: { type: 'string' } },
					requiresApproval: { type: 'boolean' }
				}
			},
			BookingRequest: {
				type: 'object',
				required: ['roomId', 'start', 'end', 'purpose', 'attendees'],
				properties: {
					roomId: { type: 'string', format: 'uuid' },
					start: { type: 'string', format: 'date-time', description: 'ISO 8601 with an offset, e.g. 2026-11-24T14:00:00+09:00' },
					end: { type: 'string', format: 'date-time' },
					purpose: { type: 'string', maxLength: 200 },
					attendees: { type: 'integer', minimum: 1 },
					recurrence: {
						type: 'object',
						required: ['frequency'],
						description: 'Weekly series; exactly one of until (Seoul date, inclusive) and count (2–52)',
						properties: {
							frequency: { type: 'string', enum: ['weekly', 'biweekly'] },
							until: { type: 'string', format: 'date' },
							count: { type: 'integer', minimum: 2, maximum: 52 }
						}
					}
				}
			},
			Reservation: {
				type: 'object',
				required: ['id', 'roomId', 'start', 'end', 'status'],
				properties: {
					id: { type: 'string', format: 'uuid' },
					roomId: { type: 'string', format: 'uuid' },
					start: { type: 'string', format: 'date-time' },
					end: { type: 'string', format: 'date-time' },
					status: { type: 'string', enum: ['requested', 'confirmed', 'rejected', 'cancelled', 'completed', 'no_show'] },
					seriesId: { type: 'string', format: 'uuid' },
					created: { type: 'array', items: { $ref: '#/components/schemas/Reservation' }, description: 'Series only' },
					skipped: { type: 'array', items: { type: 'object' }, description: 'Series only: occurrences not booked, with state conflict|invalid' }
				}
			},
			Credentials: {
				type: 'object',
				required: ['email', 'password'],
				properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } }
			},
			Session: {
				type: 'object',
				required: ['user', 'expiresAt'],
				properties: {
					user: {
						type: 'object',
						properties: {
							id: { type: 'string', format: 'uuid' },
							email: { type: 'string' },
							name: { type: 'string' },
							role: {
								type: 'string',
								enum: ['admin', 'facility_manager', 'department_staff', 'visit_coordinator', 'school_user']
							}
						}
					},
					expiresAt: { type: 'string', format: 'date-time' },
					idleTimeoutSeconds: { type: ['integer', 'null'] }
				}
			}
		}
	},
	paths: {
		'/api/v1/session': {
			get: {
				summary: 'The current session',
				security: [{ session: [] }],
				responses: {
					'200': { description: 'Signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Session' } } } },
					'401': problemResponse('Not signed in')
				}
			},
			post: {
				summary: 'Sign in; sets the same session cookie as the sign-in page',
				requestBody: {
					required: true,
					content: { 'application/json': { schema: { $ref: '#/components/schemas/Credentials' } } }
				},
				responses: {
					'201': {
						description: 'Signed in; Set-Cookie carries the session',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: { userId: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } }
								}
							}
						}
					},
					'401': problemResponse('Wrong e-mail or password (never says which)'),
					'415': problemResponse('Body is not application/json'),
					'422': problemResponse('Missing fields'),
					'429': problemResponse('Too many failed attempts; Retry-After says when to try again')
				}
			},
			delete: {
				summary: 'Sign out',
				security: [{ session: [] }],
				responses: { '204': { description: 'Signed out (also when there was no session)' } }
			}
		},
		'/api/v1/rooms': {
			get: {
				summary: 'The rooms of the center',
				responses: {
					'200': {
						description: 'Active rooms in display order',
						content: {
							'application/json': {
								schema: { type: 'object', properties: { rooms: { type: 'array', items: { $ref: '#/components/schemas/Room' } } } }
							}
						}
					}
				}
			}
		},
		'/api/v1/availability': {
			get: {
				summary: "Every room's held intervals on one Seoul day (buffers included); busy/free only, except the caller's own bookings",
				parameters: [{ name: 'date', in: 'query', required: true, schema: { type: 'string', format: 'date' } }],
				responses: {
					'200': {
						description: 'The day',
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: {
										date: { type: 'string', format: 'date' },
										rooms: {
											type: 'array',
											items: {
												type: 'object',
												properties: {
													id: { type: 'string' },
													name: { type: 'string' },
													busy: { type: 'array', items: { $ref: '#/components/schemas/Interval' } }
												}
											}
										}
									}
								}
							}
						}
					},
					'422': problemResponse('date missing or not YYYY-MM-DD')
				}
			}
		},
		'/api/v1/rooms/{id}/availability': {
			get: {
				summary: "One room's held intervals in [from, to) (at most 62 days)",
				parameters: [
					{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
					{ name: 'from', in: 'query', required: true, schema: { type: 'string' }, description: 'ISO instant with offset, or a Seoul date' },
					{ name: 'to', in: 'query', required: true, schema: { type: 'string' }, description: 'ISO instant with offset, or a Seoul date (inclusive)' }
				],
				responses: {
					'200': {
						description: 'Busy intervals',
						content: {
							'application/json': {
								schema: { type: 'object', properties: { busy: { type: 'array', items: { $ref: '#/components/schemas/Interval' } } } }
							}
						}
					},
					'404': problemResponse('No such room'),
					'422': problemResponse('Bad range')
				}
			}
		},
		'/api/v1/reservations': {
			post: {
				summary: 'Book a room (or a weekly series)',
				security: [{ session: [] }],
				parameters: [
					{
						name: 'Idempotency-Key',
						in: 'header',
						required: true,
						schema: { type: 'string', minLength: 8, maxLength: 128 },
						description: 'The same key and body return the first answer again; a different body with the same key is refused (409)'
					}
				],
				requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/BookingRequest' } } } },
				responses: {
					'201': {
						description: 'Booked: status confirmed, or requested when the room needs approval',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Reservation' } } }
					},
					'401': problemResponse('Not signed in'),
					'409': problemResponse('Overlaps another booking: `conflicts` [{start,end}] and `alternatives` [{roomId,start,end,kind}]'),
					'422': problemResponse('Breaks rules: `violations` [{rule,message}] (all of them) and `alternatives`')
				}
			}
		},
		'/api/v1/reservations/preview': {
			post: {
				summary: 'Check a booking or each occurrence of a series without booking',
				security: [{ session: [] }],
				requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/BookingRequest' } } } },
				responses: {
					'200': {
						description: 'occurrences: [{start, end, state: free|conflict|invalid, violations, conflicts}]',
						content: { 'application/json': { schema: { type: 'object' } } }
					},
					'401': problemResponse('Not signed in'),
					'422': problemResponse('Malformed request')
				}
			}
		},
		'/api/v1/reservations/{id}/cancel': {
			post: {
				summary: 'Cancel a booking, or it and the rest of its series (scope: following)',
				security: [{ session: [] }],
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				requestBody: {
					required: false,
					content: {
						'application/json': {
							schema: {
								type: 'object',
								properties: { scope: { type: 'string', enum: ['one', 'following'] }, reason: { type: 'string' } }
							}
						}
					}
				},
				responses: {
					'200': { description: '{cancelled: [ids]}' },
					'403': problemResponse('Not yours'),
					'404': problemResponse('No such booking you may see'),
					'409': problemResponse('Past the cancellation cutoff, or not active')
				}
			}
		},
		'/api/v1/reservations/{id}/approve': {
			post: {
				summary: 'Facility staff: approve a request',
				security: [{ session: [] }],
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				responses: {
					'200': { description: 'Confirmed', content: { 'application/json': { schema: { $ref: '#/components/schemas/Reservation' } } } },
					'403': problemResponse('Not facility staff'),
					'409': problemResponse('Already decided')
				}
			}
		},
		'/api/v1/reservations/{id}/reject': {
			post: {
				summary: 'Facility staff: reject a request with a reason',
				security: [{ session: [] }],
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				requestBody: {
					required: true,
					content: { 'application/json': { schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } } }
				},
				responses: {
					'200': { description: 'Rejected', content: { 'application/json': { schema: { $ref: '#/components/schemas/Reservation' } } } },
					'403': problemResponse('Not facility staff'),
					'409': problemResponse('Already decided'),
					'422': problemResponse('Reason missing')
				}
			}
		},
		'/api/v1/reservations/{id}/move': {
			post: {
				summary: 'Facility staff: move or resize a booking (rules checked again; the booker is e-mailed)',
				security: [{ session: [] }],
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: {
								type: 'object',
								required: ['start', 'end'],
								properties: { start: { type: 'string', format: 'date-time' }, end: { type: 'string', format: 'date-time' } }
							}
						}
					}
				},
				responses: {
					'200': { description: 'Moved', content: { 'application/json': { schema: { $ref: '#/components/schemas/Reservation' } } } },
					'403': problemResponse('Not facility staff'),
					'409': problemResponse('The new time overlaps another booking (`conflicts`)'),
					'422': problemResponse('The new time breaks rules (`violations`)')
				}
			}
		},
		'/api/v1/openapi.json': {
			get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document' } } }
		}
	}
} as const;
