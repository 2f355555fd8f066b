/** Typed domain errors; routes map them to HTTP status codes in one place (http/errors.ts). */
export class DomainError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly details?: unknown
	) {
		super(message);
		this.name = new.target.name;
	}
}

/** Input failed validation (400). `details` lists field problems. */
export class ValidationError extends DomainError {
	constructor(message: string, details?: { path: string; message: string }[]) {
		super('validation_failed', message, details);
	}
}

/** The thing does not exist in this organization — or the caller may not know it does (404). */
export class NotFoundError extends DomainError {
	constructor(what = 'resource') {
		super('not_found', `The ${what} was not found.`);
	}
}

/** Signed in but not allowed (403). */
export class ForbiddenError extends DomainError {
	constructor(message = 'You do not have access to this.') {
		super('forbidden', message);
	}
}

/** The request conflicts with the current state, e.g. deleting a unit that still has users (409). */
export class ConflictError extends DomainError {
	constructor(code: string, message: string) {
		super(code, message);
	}
}

/** Too many attempts (429). */
export class RateLimitedError extends DomainError {
	constructor(readonly retryAfterSeconds: number) {
		super('rate_limited', 'Too many attempts. Please wait a few minutes and try again.');
	}
}

export function statusOf(err: DomainError): number {
	if (err instanceof ValidationError) return 400;
	if (err instanceof NotFoundError) return 404;
	if (err instanceof ForbiddenError) return 403;
	if (err instanceof ConflictError) return 409;
	if (err instanceof RateLimitedError) return 429;
	return 400;
}
