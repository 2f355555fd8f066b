import { recordAudit } from '$lib/server/audit/record';
import { randomUUID } from 'node:crypto';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ConflictError, NotFoundError } from '$lib/server/errors';
import { isUuid, parse } from '$lib/server/validation';
import type { StandardQuestion } from '$lib/server/models/schema';
import { questionInput, toDefinition } from './input';

/** Active (not archived) questions an organization may keep at once. */
export const MAX_ACTIVE_QUESTIONS = 200;

export interface OrgQuestion {
	id: string;
	definition: StandardQuestion;
	createdAt: Date;
	archivedAt: Date | null;
}

/** The key a question carries inside a round (and in its definition): unique, derived from the id. */
export function orgQuestionKey(id: string): string {
	return `org_${id.replace(/-/g, '')}`;
}

function toQuestion(r: { id: string; definition: unknown; created_at: Date; archived_at: Date | null }): OrgQuestion {
	return { id: r.id, definition: r.definition as StandardQuestion, createdAt: r.created_at, archivedAt: r.archived_at };
}

/** The organization's own questions, newest first; archived ones only when asked for. */
export async function listQuestions(opts: { organizationId: string; includeArchived?: boolean }, executor: Db = db()): Promise<OrgQuestion[]> {
	let q = executor.selectFrom('org_questions').select(['id', 'definition', 'created_at', 'archived_at']).where('organization_id', '=', opts.organizationId);
	if (!opts.includeArchived) q = q.where('archived_at', 'is', null);
	const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
	return rows.map(toQuestion);
}

export async function getQuestion(opts: { organizationId: string; questionId: string }, executor: Db = db()): Promise<OrgQuestion> {
	if (!isUuid(opts.questionId)) throw new NotFoundError('question');
	const row = await executor
		.selectFrom('org_questions')
		.select(['id', 'definition', 'created_at', 'archived_at'])
		.where('organization_id', '=', opts.organizationId)
		.where('id', '=', opts.questionId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('question');
	return toQuestion(row);
}

/** Adds a question; rounds launched afterwards can include it. */
export async function createQuestion(opts: { organizationId: string; actor: Actor; input: unknown }, executor: Db = db()): Promise<OrgQuestion> {
	const input = parse(questionInput, opts.input);
	const id = randomUUID();
	const definition = toDefinition(input, orgQuestionKey(id));
	return executor.transaction().execute(async (trx) => {
		// Serializes concurrent adds in one organization, so the cap holds.
		await trx.selectFrom('organizations').select('id').where('id', '=', opts.organizationId).forUpdate().executeTakeFirst();
		const active = await trx
			.selectFrom('org_questions')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('organization_id', '=', opts.organizationId)
			.where('archived_at', 'is', null)
			.executeTakeFirstOrThrow();
		if (Number(active.n) >= MAX_ACTIVE_QUESTIONS)
			throw new ConflictError('too_many_questions', `An organization can keep at most ${MAX_ACTIVE_QUESTIONS} questions. Archive some you no longer use.`);
		const row = await trx
			.insertInto('org_questions')
			.values({ organization_id: opts.organizationId, id, definition: JSON.stringify(definition) })
			.returning(['id', 'definition', 'created_at', 'archived_at'])
			.executeTakeFirstOrThrow();
		await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'question_created', target: input.en.text.slice(0, 200) }, trx);
		return toQuestion(row);
	});
}

/**
 * Archives a question: new rounds can no longer include it. Rounds that already did keep their own copy
 * of it, so their surveys and results do not change.
 */
export async function archiveQuestion(opts: { organizationId: string; actor: Actor; questionId: string }, executor: Db = db()): Promise<OrgQuestion> {
	const q = await getQuestion(opts, executor);
	const row = await executor
		.updateTable('org_questions')
		.set({ archived_at: new Date() })
		.where('organization_id', '=', opts.organizationId)
		.where('id', '=', q.id)
		.where('archived_at', 'is', null)
		.returning(['id', 'definition', 'created_at', 'archived_at'])
		.executeTakeFirst();
	if (!row) throw new ConflictError('question_archived', 'This question is already archived.');
	await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'question_archived', target: q.id }, executor);
	return toQuestion(row);
}
