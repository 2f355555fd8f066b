import { error } from '@sveltejs/kit';
import { DomainError, statusOf } from '$lib/server/errors';

/** Runs a page's domain call; a domain error becomes the page's error status (404, 403, …) with its message. */
export async function forPage<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (err instanceof DomainError) error(statusOf(err), err.message);
		throw err;
	}
}
