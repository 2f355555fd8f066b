import { sql } from 'kysely';
import { db, prepared, type Db } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import { latestModel, type CompiledModel } from '$lib/server/models/registry';
import { config } from '$lib/server/config';
import { scoreResponse } from '$lib/survey/scoring';
import { sealAnswers, sealCapacity } from '$lib/server/responses/seal';
import { countUnknownToken, normalizeToken, tokenGuard, type TokenResult } from './access';
import { lookupKey, selectByToken, statementName, toInvitation } from './participant';
import { patchStatements, type AnswersPatch } from './save';
import { submitSurvey } from './submit';

export type SubmitByToken = { submitted: true; alreadySubmitted: boolean } | { refused: Exclude<TokenResult, { state: 'open' }> };

/**
 * Submits a survey for its link token (the JSON API), in ONE statement when the response can be
 * built before the invitation is read: the answers are keyed to the current model, the patch names no
 * company question, the round has none and there is no draft to merge. The statement reads the
 * invitation by token hash exactly as a page does (guess limit included) and writes only if all of
 * that holds for the round it finds and the round is open (holding a share lock on the round, as every
 * submit does, so that closing waits for it). What it stores is a pending response: the invitation's
 * sealed identity (its frozen unit and role, sealed at launch and bound to its round) followed by the
 * answers sealed here — the same bytes and length the general path writes. Otherwise (or for an
 * invitation made before sealed identities) it writes nothing and the general path (read, merge with
 * the draft, submit) takes over with the row it read. Either way a second submit of the same
 * invitation stores nothing.
 */
export async function submitByToken(opts: { token: string; ip: string | null; patch: AnswersPatch }, executor: Db = db()): Promise<SubmitByToken> {
	const key = lookupKey(normalizeToken(opts.token));
	// The fast path serves the configured default model (read from files, no query); other rounds take the general path.
	const model = await latestModel(config().SOS_DEFAULT_MODEL);
	const early = Object.keys(opts.patch.questions).length === 0 ? prebuild(model, opts.patch) : null;
	const [found] = early
		? await prepared(
				statementName('survey-submit-by-token', key),
				sql<Parameters<typeof toInvitation>[0] & { inserted: number }>`
			WITH f AS (${selectByToken(key, tokenGuard(opts.ip))}),
			live AS (
				SELECT r.organization_id, r.id FROM rounds r JOIN f ON r.organization_id = f.organization_id AND r.id = f.round_id
				WHERE r.status = 'open' AND r.ends_at > now() AND (f.wait IS NULL OR f.wait <= 0)
					AND r.model_id = ${model.structure.id} AND r.model_version = ${model.structure.version}
					AND f.answers IS NULL AND r.questions = '[]'::jsonb
				FOR SHARE OF r
			),
			inv AS (
				UPDATE invitations i SET completed = true
				FROM live
				WHERE i.organization_id = live.organization_id AND i.round_id = live.id AND i.id = (SELECT id FROM f) AND NOT i.completed
					AND i.sealed_identity IS NOT NULL
				RETURNING i.organization_id, i.round_id, i.id, i.sealed_identity
			), ins AS (
				INSERT INTO pending_responses (organization_id, round_id, sealed)
				SELECT inv.organization_id, inv.round_id, inv.sealed_identity || ${early.sealed}::bytea FROM inv
				RETURNING 1
			), del AS (
				DELETE FROM drafts d USING inv
				WHERE d.organization_id = inv.organization_id AND d.round_id = inv.round_id AND d.invitation_id = inv.id
			)
			SELECT f.*, (SELECT count(*) FROM ins)::int AS inserted FROM f`
			)
		: await prepared(statementName('survey-open-invitation', key), selectByToken(key, tokenGuard(opts.ip))).then((rows) =>
				rows.map((r) => ({ ...r, inserted: 0 }))
			);
	if (found.inserted === 1) return { submitted: true, alreadySubmitted: false };

	const invitation = await toInvitation(found);
	if (invitation.state === 'submitted') return { submitted: true, alreadySubmitted: true };
	if (invitation.state === 'unknown') return { refused: await countUnknownToken(opts.ip, executor) };
	if (invitation.state !== 'open') return { refused: invitation };
	return { submitted: true, ...(await submitSurvey({ survey: invitation.survey, patch: opts.patch }, executor)) };
}

/**
 * The sealed answers as the patch alone makes them (no draft, no company questions: padded as for a
 * round without company questions, the only rounds this path writes to), or null when the patch does
 * not fit the model (the general path then explains why).
 */
function prebuild(model: CompiledModel, patch: AnswersPatch): { sealed: Buffer } | null {
	try {
		const answers = patchStatements(model, Array(model.shape.statementCount).fill(null), patch.answers);
		return {
			sealed: sealAnswers({ answers, areaScores: scoreResponse(answers, model.shape), questionAnswers: {} }, { capacity: sealCapacity(model.shape, []) })
		};
	} catch (err) {
		if (err instanceof DomainError) return null;
		throw err;
	}
}
