/** Seconds a client is asked to wait (Retry-After) while the database cannot be reached. */
export const RETRY_AFTER_SECONDS = 10;

// PostgreSQL SQLSTATEs that mean "the server is not taking work right now", not "your query is wrong":
// 08xxx connection exceptions, 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now,
// 53300 too many connections.
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;
// Node socket errors on the way to the server.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
// What pg and its pool say when a connection ends or none can be had in time, and PostgreSQL's answer
// for a database that takes no connections (55000 is too general a state to go by).
const MESSAGES = [
	/^Connection terminated/,
	/timeout exceeded when trying to connect/,
	/Client has encountered a connection error and is not queryable/,
	/Connection ended unexpectedly/,
	/is not currently accepting connections/,
	/the database system is (starting up|shutting down|in recovery mode)/
];

/**
 * Whether an error means the database cannot be reached (refused, dropped, shutting down, pool timed
 * out) — a retryable 503 for the client — rather than a bug. Looks through `cause` and AggregateErrors
 * (Node reports a refused connection to "localhost" as one per address).
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
	if (!err || typeof err !== 'object' || depth > 4) return false;
	const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
	if (typeof e.code === 'string' && (UNAVAILABLE_STATES.test(e.code) || SOCKET_CODES.has(e.code))) return true;
	if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
	if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
	return isDatabaseUnavailable(e.cause, depth + 1);
}
