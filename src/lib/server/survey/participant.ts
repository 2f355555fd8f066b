import type { Db } from '$lib/server/db';
import { hashToken } from '$lib/server/auth/tokens';
import { getModel, type CompiledModel } from '$lib/server/models/registry';
import type { RoundQuestion } from '$lib/server/rounds/questions';
import type { Language, RoundStatus } from '$lib/server/db/schema';
import type { Answer } from '$lib/survey/scoring';
import type { QuestionAnswer } from './answers';

/** What a survey link leads to. Every problem looks alike to the outside except these plain states. */
export type Invitation =
	| { state: 'unknown' }
	| { state: 'not_open'; startsAt: Date; organizationName: string; language: Language }
	| { state: 'closed'; organizationName: string; language: Language }
	| { state: 'submitted'; organizationName: string; language: Language }
	| { state: 'open'; survey: SurveyContext };

export interface SurveyContext {
	organizationId: string;
	roundId: string;
	invitationId: string;
	language: Language;
	roundName: string;
	organizationName: string;
	endsAt: Date;
	model: CompiledModel;
	questions: RoundQuestion[];
	answers: Answer[];
	questionAnswers: Record<string, QuestionAnswer>;
}

/** Resolves a survey link's token. Tokens are compared by hash; anything malformed is simply unknown. */
export async function openInvitation(db: Db, opts: { token: string }): Promise<Invitation> {
	if (!/^[a-z2-7]{32}$/.test(opts.token)) return { state: 'unknown' };
	const row = await db
		.selectFrom('invitations as i')
		.innerJoin('rounds as r', (j) => j.onRef('r.organization_id', '=', 'i.organization_id').onRef('r.id', '=', 'i.round_id'))
		.innerJoin('organizations as o', 'o.id', 'i.organization_id')
		.leftJoin('drafts as d', (j) => j.onRef('d.organization_id', '=', 'i.organization_id').onRef('d.round_id', '=', 'i.round_id').onRef('d.invitation_id', '=', 'i.id'))
		.select([
			'i.organization_id',
			'i.round_id',
			'i.id',
			'i.language',
			'i.completed',
			'r.status',
			'r.name',
			'r.starts_at',
			'r.ends_at',
			'r.model_id',
			'r.model_version',
			'r.questions',
			'o.name as org_name',
			'd.answers',
			'd.question_answers'
		])
		.where('i.token_hash', '=', hashToken(opts.token))
		.executeTakeFirst();
	if (!row) return { state: 'unknown' };
	const status = row.status as RoundStatus;
	const plain = { organizationName: row.org_name, language: row.language };
	if (row.completed) return { state: 'submitted', ...plain };
	if (status === 'draft' || status === 'scheduled') return { state: 'not_open', startsAt: row.starts_at, ...plain };
	if (status !== 'open' || row.ends_at <= new Date()) return { state: 'closed', ...plain };
	const model = await getModel(row.model_id, row.model_version);
	const answers: Answer[] = row.answers ?? Array(model.shape.statementCount).fill(null);
	return {
		state: 'open',
		survey: {
			organizationId: row.organization_id,
			roundId: row.round_id,
			invitationId: row.id,
			language: row.language,
			roundName: row.name,
			organizationName: row.org_name,
			endsAt: row.ends_at,
			model,
			questions: (row.questions ?? []) as RoundQuestion[],
			answers,
			questionAnswers: (row.question_answers ?? {}) as Record<string, QuestionAnswer>
		}
	};
}
