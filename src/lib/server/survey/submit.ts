import { sql } from 'kysely';
import { db, prepared, type Db } from '$lib/server/db';
import { ConflictError } from '$lib/server/errors';
import { scoreResponse } from '$lib/survey/scoring';
import { sealCapacity, sealResponse } from '$lib/server/responses/seal';
import { applyPatch, type AnswersPatch } from './save';
import type { SurveyContext } from './participant';

export class SurveyClosedError extends ConflictError {
	constructor() {
		super('survey_closed', 'This survey is closed. Your answers could not be submitted.');
	}
}

/**
 * Submits the survey: the invitation marked completed, the response stored SEALED in pending_responses
 * (frozen unit and job role, answers, area scores, company answers — encrypted under the response key,
 * which the database does not hold; the row itself names only its round) and the draft deleted — all in
 * ONE statement, so one round trip and one atomic commit. The pending row shares its transaction id
 * with the completion; the mixer (responses/mix.ts) later moves it into `responses` with at least k
 * others of its round, so that no stored answer shares one with an invitation. The statement holds a
 * share lock on the round, so closing the round (which locks it for update, mixes, then builds the
 * results) waits for submits under way and submits after it find the round closed. Marking the
 * invitation takes its row lock and only succeeds while it is not completed and the round is open; a
 * second submit of the same invitation (double click, two tabs, a retry, 20 at once) waits for the
 * first, then finds it completed and stores nothing: `alreadySubmitted` is then true. The answers are
 * the draft as loaded plus the patch sent.
 */
export async function submitSurvey(opts: { survey: SurveyContext; patch?: AnswersPatch }, executor: Db = db()): Promise<{ alreadySubmitted: boolean }> {
	const s = opts.survey;
	const final = opts.patch ? applyPatch(s, opts.patch) : { answers: s.answers, questionAnswers: s.questionAnswers };
	const sealed = sealResponse(
		{
			unitId: s.unitId,
			jobRole: s.jobRole,
			answers: final.answers,
			areaScores: scoreResponse(final.answers, s.model.shape),
			questionAnswers: final.questionAnswers
		},
		{ organizationId: s.organizationId, roundId: s.roundId, capacity: sealCapacity(s.model.shape, s.questions) }
	);
	const rows = await prepared(
		'survey-submit',
		sql<{ inserted: number }>`
		WITH live AS (
			SELECT 1 FROM rounds WHERE organization_id = ${s.organizationId} AND id = ${s.roundId} AND status = 'open' AND ends_at > now() FOR SHARE
		), inv AS (
			UPDATE invitations i SET completed = true
			FROM live
			WHERE i.organization_id = ${s.organizationId} AND i.round_id = ${s.roundId} AND i.id = ${s.invitationId} AND NOT i.completed
				AND i.unit_id = ${s.unitId} AND i.job_role = ${s.jobRole}
			RETURNING 1
		), ins AS (
			INSERT INTO pending_responses (organization_id, round_id, sealed)
			SELECT ${s.organizationId}::uuid, ${s.roundId}::uuid, ${sealed}::bytea FROM inv
			RETURNING 1
		), del AS (
			DELETE FROM drafts
			WHERE organization_id = ${s.organizationId} AND round_id = ${s.roundId} AND invitation_id = ${s.invitationId} AND EXISTS (SELECT 1 FROM inv)
		)
		SELECT (SELECT count(*) FROM ins)::int AS inserted`
	);
	if (rows[0]?.inserted === 1) return { alreadySubmitted: false };
	// Nothing written: either it was submitted already, or the round is no longer open.
	const inv = await executor
		.selectFrom('invitations')
		.select('completed')
		.where('organization_id', '=', s.organizationId)
		.where('round_id', '=', s.roundId)
		.where('id', '=', s.invitationId)
		.executeTakeFirst();
	if (inv?.completed) return { alreadySubmitted: true };
	throw new SurveyClosedError();
}
