import type { Db } from '$lib/server/db';
import { hitRateLimit, rateLimitWait } from '$lib/server/auth/rate-limit';
import { RateLimitedError } from '$lib/server/errors';
import { openInvitation, type Invitation } from './participant';

/** The httpOnly cookie (path /s) a survey link's token is exchanged for on first open. */
export const SURVEY_COOKIE = 'sos_survey';
/** The participant's chosen survey language (path /s); without it, the invitation's language. */
export const SURVEY_LANG_COOKIE = 'sos_survey_lang';
/** How long a browser keeps the survey cookie: longer than any round stays open. */
export const SURVEY_COOKIE_DAYS = 120;

/** Unknown tokens allowed per client address and window, before every token lookup from it is refused. */
export const TOKEN_GUESS_LIMIT = 30;
export const TOKEN_GUESS_WINDOW_SECONDS = 15 * 60;

export type TokenResult = Invitation | { state: 'rate_limited'; retryAfterSeconds: number };

const limitKey = (ip: string | null) => `survey-token:${ip ?? 'unknown'}`;

/**
 * Resolves a survey token (from a link, the survey cookie or a Bearer header) for one client.
 * Unknown tokens count against the client's address; once it has guessed wrong TOKEN_GUESS_LIMIT
 * times in the window, every lookup from it is refused — a right guess included, so the limit
 * cannot be used to tell a real token from a wrong one.
 */
export async function resolveSurveyToken(db: Db, opts: { token: string; ip: string | null }): Promise<TokenResult> {
	const wait = await rateLimitWait(db, limitKey(opts.ip), TOKEN_GUESS_LIMIT, TOKEN_GUESS_WINDOW_SECONDS);
	if (wait > 0) return { state: 'rate_limited', retryAfterSeconds: wait };
	const token = opts.token.length <= 64 ? opts.token.toLowerCase() : '';
	const invitation = await openInvitation(db, { token });
	if (invitation.state === 'unknown') {
		try {
			await hitRateLimit(db, limitKey(opts.ip), TOKEN_GUESS_LIMIT, TOKEN_GUESS_WINDOW_SECONDS);
		} catch (err) {
			if (err instanceof RateLimitedError) return { state: 'rate_limited', retryAfterSeconds: err.retryAfterSeconds };
			throw err;
		}
	}
	return invitation;
}
