import { prepared, type Db } from '$lib/server/db';
import { countUnknownToken, normalizeToken, tokenGuard, type TokenResult } from './access';
import { lookupHash, selectByToken, toInvitation } from './participant';
import type { AnswersPatch } from './save';
import { submitSurvey } from './submit';

export type SubmitByToken = { submitted: true; alreadySubmitted: boolean } | { refused: Exclude<TokenResult, { state: 'open' }> };

/**
 * Submits a survey for its link token (the JSON API): the invitation is read by token hash exactly as
 * a page reads it (guess limit included), then submitted like the page's form — merged with the draft,
 * sealed with the invitation's frozen unit and job role, one statement. (The response is sealed before
 * it reaches the database, and its unit and role are inside the seal, so the invitation is read first:
 * two round trips, both prepared statements.) A second submit of the same invitation stores nothing.
 */
export async function submitByToken(db: Db, opts: { token: string; ip: string | null; patch: AnswersPatch }): Promise<SubmitByToken> {
	const [found] = await prepared('survey-open-invitation', selectByToken(lookupHash(normalizeToken(opts.token)), tokenGuard(opts.ip)));
	const invitation = await toInvitation(found);
	if (invitation.state === 'submitted') return { submitted: true, alreadySubmitted: true };
	if (invitation.state === 'unknown') return { refused: await countUnknownToken(db, opts.ip) };
	if (invitation.state !== 'open') return { refused: invitation };
	return { submitted: true, ...(await submitSurvey(db, { survey: invitation.survey, patch: opts.patch })) };
}
