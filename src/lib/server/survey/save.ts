import { sql } from 'kysely';
import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import { ValidationError } from '$lib/server/errors';
import { answerProblem, type Answer } from '$lib/survey/scoring';
import type { CompiledModel } from '$lib/server/models/registry';
import { cleanQuestionAnswer, type QuestionAnswer } from './answers';
import type { SurveyContext } from './participant';

const NOT_OURS = 'Not a statement or question of this survey';
const patchKey = z
	.string()
	.max(80, 'Keys are at most 80 characters')
	.regex(/^[a-z][a-z0-9_]*$/, NOT_OURS);
/** zod leaves out a "__proto__" key without a word; a batch that names one is refused instead. */
const noProto = z.unknown().refine((v) => typeof v !== 'object' || v === null || !Object.hasOwn(v, '__proto__'), NOT_OURS);
/** A batch of answers from the survey: statements by key, company questions by key. Unknown keys are refused. */
export const answersPatch = z.strictObject({
	answers: noProto
		.pipe(z.record(patchKey, z.union([z.number(), z.null()])))
		.default({})
		.describe(
			'By statement key: 1–5 on the scale, 0 for “don’t know”, -1 for “not used in our team” (only for the statements the model offers it for; elsewhere 400), or null to clear.'
		),
	questions: noProto.pipe(z.record(patchKey, z.unknown())).default({})
});
export type AnswersPatch = z.infer<typeof answersPatch>;

/** Applies a patch to the context's answers; throws ValidationError naming the first bad entry. */
export function applyPatch(ctx: SurveyContext, patch: AnswersPatch): { answers: Answer[]; questionAnswers: Record<string, QuestionAnswer> } {
	const answers = patchStatements(ctx.model, ctx.answers, patch.answers);
	const questionAnswers = { ...ctx.questionAnswers };
	for (const [key, value] of Object.entries(patch.questions)) {
		const q = ctx.questions.find((x) => x.key === key);
		if (!q) throw new ValidationError(`There is no question "${key.slice(0, 80)}" in this survey.`);
		const clean = cleanQuestionAnswer(q, value);
		if ('error' in clean) throw new ValidationError(`The answer to "${q.en.text.slice(0, 60)}" ${clean.error}.`);
		questionAnswers[key] = clean.value;
	}
	return { answers, questionAnswers };
}

/**
 * `base` (answers in model order) with the patched statements replaced; ValidationError on a bad key or
 * value. -1 ("not used in our team") is accepted only for the statements the model offers it for.
 */
export function patchStatements(model: Pick<CompiledModel, 'statementKeys' | 'shape'>, base: Answer[], patch: AnswersPatch['answers']): Answer[] {
	const answers = [...base];
	for (const [key, value] of Object.entries(patch)) {
		const i = model.statementKeys.indexOf(key);
		if (i < 0) throw new ValidationError(`There is no statement "${key.slice(0, 80)}" in this survey.`);
		const problem = answerProblem(value, i, model.shape);
		if (problem) throw new ValidationError(`The answer to "${key}" ${problem}.`);
		answers[i] = value;
	}
	return answers;
}

/**
 * Saves a patch into the participant's draft (only while the invitation is open and not submitted).
 * The merge happens in the statement, under the draft's row lock: only the statements and questions
 * the patch names change, so simultaneous saves of different answers all stay. The invitation and
 * its round are share-locked while it runs, so a save cannot slip in after a submit or a close has
 * deleted the draft.
 */
export async function saveDraft(opts: { survey: SurveyContext; patch: AnswersPatch }, executor: Db = db()): Promise<void> {
	const s = opts.survey;
	const keys = s.model.statementKeys;
	// Checks every entry before anything is written; the insert's array has only the patched answers.
	const fresh = applyPatch({ ...s, answers: Array(keys.length).fill(null), questionAnswers: {} }, opts.patch);
	const positions = Object.keys(opts.patch.answers).map((k) => keys.indexOf(k) + 1);
	const values = positions.map((p) => fresh.answers[p - 1]);
	await sql`
		INSERT INTO drafts AS d (organization_id, round_id, invitation_id, answers, question_answers)
		SELECT ${s.organizationId}::uuid, ${s.roundId}::uuid, ${s.invitationId}::uuid, ${fresh.answers}::smallint[], ${JSON.stringify(fresh.questionAnswers)}::jsonb
		WHERE EXISTS (SELECT 1 FROM invitations i JOIN rounds r ON r.organization_id = i.organization_id AND r.id = i.round_id
			WHERE i.organization_id = ${s.organizationId} AND i.round_id = ${s.roundId} AND i.id = ${s.invitationId} AND NOT i.completed AND r.status = 'open'
			FOR SHARE OF i FOR KEY SHARE OF r)
		ON CONFLICT (organization_id, round_id, invitation_id) DO UPDATE SET
			answers = (SELECT array_agg(CASE WHEN p.at IS NULL THEN a.v ELSE p.v END ORDER BY a.at)
				FROM unnest(d.answers) WITH ORDINALITY AS a(v, at)
				LEFT JOIN unnest(${positions}::int[], ${values}::smallint[]) AS p(at, v) ON p.at = a.at),
			question_answers = d.question_answers || EXCLUDED.question_answers`.execute(executor);
}
