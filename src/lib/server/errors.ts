/**
 * Typed errors services throw (`ensure*`); routes map them to HTTP. Each carries a message key
 * (src messages/*.json) so the route can say it in the user's language.
 */
export interface Violation {
	/** Stable rule or field name, e.g. "email" or "opening_hours". */
	rule: string;
	/** Message key; see messages/ko.json. */
	messageKey: string;
	params?: Record<string, string | number>;
}

/**
 * A DomainError's extra members for the problem document, typed per kind of refusal (a booking's
 * conflicts and alternatives: engine/result.ts), so no caller casts them.
 */
export type Details = object;

export class DomainError<D extends Details = Record<string, unknown>> extends Error {
	/** Extra members for the problem document (e.g. conflicts, alternatives). */
	details: Partial<D> = {};

	constructor(
		readonly status: number,
		readonly type: string,
		readonly messageKey: string,
		readonly params: Record<string, string | number> = {}
	) {
		super(`${type}: ${messageKey}`);
		this.name = new.target.name;
	}

	with(details: Partial<D>): this {
		this.details = { ...this.details, ...details };
		return this;
	}
}

export class ValidationError<D extends Details = Record<string, unknown>> extends DomainError<D> {
	constructor(readonly violations: Violation[]) {
		super(422, 'validation', 'error_validation_title');
	}
}

export class NotFoundError extends DomainError {
	constructor(messageKey = 'error_not_found_title') {
		super(404, 'not-found', messageKey);
	}
}

export class ForbiddenError extends DomainError {
	constructor(messageKey = 'error_forbidden_title') {
		super(403, 'forbidden', messageKey);
	}
}

export class ConflictError<D extends Details = Record<string, unknown>> extends DomainError<D> {
	constructor(messageKey: string, params: Record<string, string | number> = {}) {
		super(409, 'conflict', messageKey, params);
	}
}

export class TooManyRequestsError extends DomainError {
	constructor(
		readonly retryAfterSeconds: number,
		messageKey = 'error_throttled'
	) {
		// The message says the wait as a duration in the reader's language: i18n.throttledMessage.
		super(429, 'too-many-requests', messageKey);
	}
}
