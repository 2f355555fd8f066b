import { sql } from 'kysely';
import { prepared } from '$lib/server/db';
import { hashToken } from '$lib/server/auth/tokens';
import { organizationFromRoutingKey, ROUTING_KEY_LENGTH } from '$lib/server/db/routing-key';
import { getModel, type CompiledModel } from '$lib/server/models/registry';
import type { RoundQuestion } from '$lib/server/rounds/questions';
import type { JobRole, Language, RoundStatus } from '$lib/server/db/schema';
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
	/** Frozen on the invitation at launch; sealed into the pending response at submit. */
	unitId: string;
	jobRole: JobRole;
	language: Language;
	roundName: string;
	organizationName: string;
	endsAt: Date;
	model: CompiledModel;
	questions: RoundQuestion[];
	answers: Answer[];
	questionAnswers: Record<string, QuestionAnswer>;
}

/** The client's allowance of unknown tokens, checked in the same statement that reads the invitation. */
export interface TokenGuard {
	key: string;
	limit: number;
	windowSeconds: number;
}

/** An invitation read by its token, with the state of its round and the participant's draft. */
export interface InvitationRow {
	organization_id: string;
	round_id: string;
	id: string;
	unit_id: string;
	job_role: JobRole;
	language: Language;
	completed: boolean;
	status: RoundStatus;
	name: string;
	starts_at: Date;
	ends_at: Date;
	model_id: string;
	model_version: string;
	questions: unknown;
	org_name: string;
	answers: Answer[] | null;
	question_answers: unknown;
}

/** One row always: the invitation's columns (all null when no invitation has this hash) and `wait`. */
export type FoundRow = Partial<InvitationRow> & { wait: number | null };

/**
 * What a token is looked up by: a link token is the organization's routing key and the secret
 * (rounds/links.ts), looked up by (organization_id, hash of the secret) on one shard; a link sent before
 * routing keys is the secret alone, looked up by its hash in every organization (organizationId null).
 * A malformed token gets a hash that matches nothing.
 */
export interface TokenLookup {
	organizationId: string | null;
	hash: string;
}

export function lookupKey(token: string): TokenLookup {
	if (/^[a-z2-7]{58}$/.test(token)) {
		const organizationId = organizationFromRoutingKey(token.slice(0, ROUTING_KEY_LENGTH));
		return organizationId ? { organizationId, hash: hashToken(token.slice(ROUTING_KEY_LENGTH)) } : { organizationId: null, hash: '' };
	}
	return { organizationId: null, hash: /^[a-z2-7]{32}$/.test(token) ? hashToken(token) : '' };
}

/** The prepared statement's name for a lookup: the SQL differs for links without a routing key. */
export const statementName = (name: string, key: TokenLookup) => (key.organizationId ? name : `${name}-legacy`);

/**
 * The SELECT that reads an invitation by token. `wait` is the seconds left in the client's
 * window once it has used up its allowance of unknown tokens, else null.
 */
export function selectByToken(key: TokenLookup, g: TokenGuard) {
	const match = key.organizationId ? sql`i.organization_id = ${key.organizationId}::uuid AND i.token_hash = ${key.hash}` : sql`i.token_hash = ${key.hash}`;
	return sql<FoundRow>`
		SELECT i.organization_id, i.round_id, i.id, i.unit_id, i.job_role, i.language, i.completed, r.status, r.name, r.starts_at, r.ends_at,
			r.model_id, r.model_version, r.questions, o.name AS org_name, d.answers, d.question_answers,
			(SELECT CASE WHEN rl.hits >= ${g.limit} THEN EXTRACT(EPOCH FROM (rl.window_start + make_interval(secs => ${g.windowSeconds}) - now()))::float8 END
				FROM rate_limits rl WHERE rl.key = ${g.key}) AS wait
		FROM (SELECT 1) AS one
		LEFT JOIN invitations i ON ${match}
		LEFT JOIN rounds r ON r.organization_id = i.organization_id AND r.id = i.round_id
		LEFT JOIN organizations o ON o.id = i.organization_id
		LEFT JOIN drafts d ON d.organization_id = i.organization_id AND d.round_id = i.round_id AND d.invitation_id = i.id`;
}

/**
 * Resolves a survey link's token in one round trip together with the client's guess limit: when the
 * client has used up its allowance, the answer is {state: 'rate_limited'} whatever the token.
 */
export async function openInvitation(opts: { token: string; guard: TokenGuard }): Promise<Invitation | RateLimited> {
	const key = lookupKey(opts.token);
	const [row] = await prepared(statementName('survey-open-invitation', key), selectByToken(key, opts.guard));
	return toInvitation(row);
}

export type RateLimited = { state: 'rate_limited'; retryAfterSeconds: number };

/** What a found row means for the participant. */
export async function toInvitation({ wait, ...found }: FoundRow): Promise<Invitation | RateLimited> {
	if (wait !== null && wait > 0) return { state: 'rate_limited', retryAfterSeconds: Math.ceil(wait) };
	if (!found.id) return { state: 'unknown' };
	const row = found as InvitationRow;
	const plain = { organizationName: row.org_name, language: row.language };
	if (row.status === 'draft' || row.status === 'scheduled') return { state: 'not_open', startsAt: row.starts_at, ...plain };
	// Once the round has closed, every link says only that: whoever holds someone's link must not learn
	// whether they took part. Until then the participant may see that they have answered.
	if (row.status !== 'open' || row.ends_at <= new Date()) return { state: 'closed', ...plain };
	if (row.completed) return { state: 'submitted', ...plain };
	const model = await getModel(row.model_id, row.model_version);
	const answers: Answer[] = row.answers ?? Array(model.shape.statementCount).fill(null);
	return {
		state: 'open',
		survey: {
			organizationId: row.organization_id,
			roundId: row.round_id,
			invitationId: row.id,
			unitId: row.unit_id,
			jobRole: row.job_role,
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
