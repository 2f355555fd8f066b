import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import { ConflictError } from '$lib/server/errors';
import { scoreResponse, type Answer } from '$lib/survey/scoring';
import type { QuestionAnswer } from './answers';
import { applyPatch, type AnswersPatch } from './save';
import type { SurveyContext } from './participant';

export class SurveyClosedError extends ConflictError {
	constructor() {
		super('survey_closed', 'This survey is closed. Your answers could not be submitted.');
	}
}

/**
 * Submits the survey: one anonymous response row (frozen unit and job role, answers, area scores — no
 * person, invitation or time), the invitation marked completed and the draft deleted, in one
 * transaction that holds the invitation's row lock. A second submit of the same invitation (double
 * click, two tabs, a retry) finds it completed and stores nothing: `alreadySubmitted` is then true.
 */
export async function submitSurvey(db: Db, opts: { survey: SurveyContext; patch?: AnswersPatch }): Promise<{ alreadySubmitted: boolean }> {
	const s = opts.survey;
	if (opts.patch) applyPatch(s, opts.patch); // validate before taking any lock
	return db.transaction().execute(async (trx) => {
		const inv = await sql<{ unit_id: string; job_role: string; completed: boolean; status: string; ends_at: Date; draft: Answer[] | null; draft_q: Record<string, QuestionAnswer> | null }>`
			SELECT i.unit_id, i.job_role, i.completed, r.status, r.ends_at, d.answers AS draft, d.question_answers AS draft_q
			FROM invitations i
			JOIN rounds r ON r.organization_id = i.organization_id AND r.id = i.round_id
			LEFT JOIN drafts d ON d.organization_id = i.organization_id AND d.round_id = i.round_id AND d.invitation_id = i.id
			WHERE i.organization_id = ${s.organizationId} AND i.round_id = ${s.roundId} AND i.id = ${s.invitationId}
			FOR UPDATE OF i`.execute(trx);
		const row = inv.rows[0];
		if (!row) throw new SurveyClosedError();
		if (row.completed) return { alreadySubmitted: true };
		if (row.status !== 'open' || row.ends_at <= new Date()) throw new SurveyClosedError();
		// The draft as it is now (another tab may have saved since the page loaded), plus the last answers sent.
		const current = { ...s, answers: row.draft ?? s.answers, questionAnswers: row.draft_q ?? s.questionAnswers };
		const final = opts.patch ? applyPatch(current, opts.patch) : current;
		const answers = final.answers;
		await sql`
			INSERT INTO responses (organization_id, round_id, unit_id, job_role, answers, area_scores, question_answers)
			VALUES (${s.organizationId}, ${s.roundId}, ${row.unit_id}, ${row.job_role}, ${answers}::smallint[],
				${scoreResponse(answers, s.model.shape)}::real[], ${JSON.stringify(final.questionAnswers)}::jsonb)`.execute(trx);
		await sql`UPDATE invitations SET completed = true WHERE organization_id = ${s.organizationId} AND round_id = ${s.roundId} AND id = ${s.invitationId}`.execute(trx);
		await sql`DELETE FROM drafts WHERE organization_id = ${s.organizationId} AND round_id = ${s.roundId} AND invitation_id = ${s.invitationId}`.execute(trx);
		return { alreadySubmitted: false };
	});
}
