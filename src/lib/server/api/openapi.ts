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
		'/api/v1/openapi.json': {
			get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document' } } }
		}
	}
} as const;
