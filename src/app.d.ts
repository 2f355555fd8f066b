import type { Actor } from '$lib/server/auth/actor';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
			locale: Locale;
			sessionId: string | null;
			/** Set by handleError when the database could not be reached: the answer becomes a 503. */
			unavailable?: boolean;
			/** Seconds until a refused (429) request may be tried again, when known. */
			retryAfter?: number;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
