import { db, type Db } from '$lib/server/db';
import { hitRateLimit } from '$lib/server/auth/rate-limit';
import { RateLimitedError } from '$lib/server/errors';
import { openInvitation, type Invitation, type RateLimited, type TokenGuard } from './participant';

/** The httpOnly cookie (path /s) a survey link's token is exchanged for on first open. */
export const SURVEY_COOKIE = 'sos_survey';
/** The participant's chosen survey language (path /s); without it, the invitation's language. */
export const SURVEY_LANG_COOKIE = 'sos_survey_lang';
/** How long a browser keeps the survey cookie: longer than any round stays open. */
export const SURVEY_COOKIE_DAYS = 120;

/** Unknown tokens allowed per client address and window, before every token lookup from it is refused. */
export const TOKEN_GUESS_LIMIT = 30;
export const TOKEN_GUESS_WINDOW_SECONDS = 15 * 60;

export type TokenResult = Invitation | RateLimited;

/** The guess allowance of one client address. */
export function tokenGuard(ip: string | null): TokenGuard {
	return { key: `survey-token:${ip ?? 'unknown'}`, limit: TOKEN_GUESS_LIMIT, windowSeconds: TOKEN_GUESS_WINDOW_SECONDS };
}

/** Tokens are base32 (case does not matter); anything much longer is not one. */
export const normalizeToken = (token: string) => (token.length <= 64 ? token.toLowerCase() : '');

/**
 * Resolves a survey token (from a link, the survey cookie or a Bearer header) for one client.
 * Unknown tokens count against the client's address; once it has guessed wrong TOKEN_GUESS_LIMIT
 * times in the window, every lookup from it is refused — a right guess included, so the limit
 * cannot be used to tell a real token from a wrong one.
 */
export async function resolveSurveyToken(opts: { token: string; ip: string | null }, executor: Db = db()): Promise<TokenResult> {
	const invitation = await openInvitation({ token: normalizeToken(opts.token), guard: tokenGuard(opts.ip) });
	return invitation.state === 'unknown' ? countUnknownToken(opts.ip, executor) : invitation;
}

/** Counts a wrong guess against the client: {state: 'unknown'}, or 'rate_limited' once it is one too many. */
export async function countUnknownToken(ip: string | null, executor: Db = db()): Promise<{ state: 'unknown' } | RateLimited> {
	const g = tokenGuard(ip);
	try {
		await hitRateLimit(g.key, g.limit, g.windowSeconds, executor);
		return { state: 'unknown' };
	} catch (err) {
		if (err instanceof RateLimitedError) return { state: 'rate_limited', retryAfterSeconds: err.retryAfterSeconds };
		throw err;
	}
}
