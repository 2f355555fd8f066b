import { db, type Db } from '$lib/server/db';
import { ValidationError } from '$lib/server/errors';
import { standardQuestions } from '$lib/server/models/registry';
import type { StandardQuestion } from '$lib/server/models/schema';
import type { z } from 'zod';
import type { questionRef } from './input';

/** A question as frozen into a round: its definition in every language, and a key unique in the round. */
export type RoundQuestion = Omit<StandardQuestion, 'key'> & { key: string };

/** Resolves the questions an admin picked into the definitions the round keeps (later edits do not change it). */
export async function snapshotQuestions(organizationId: string, refs: z.infer<typeof questionRef>[], executor: Db = db()): Promise<RoundQuestion[]> {
	const library = await standardQuestions();
	const out: RoundQuestion[] = [];
	for (const ref of refs) {
		if (ref.source === 'standard') {
			const q = library.find((s) => s.key === ref.key);
			if (!q)
				throw new ValidationError(`questions: There is no standard question "${ref.key}".`, [{ path: 'questions', message: `Unknown question ${ref.key}` }]);
			out.push({ ...q, key: `std_${q.key}` });
		} else {
			const row = await executor
				.selectFrom('org_questions')
				.select(['id', 'definition'])
				.where('organization_id', '=', organizationId)
				.where('id', '=', ref.id)
				.where('archived_at', 'is', null)
				.executeTakeFirst();
			if (!row)
				throw new ValidationError('questions: One of the organization’s questions no longer exists.', [{ path: 'questions', message: 'Unknown question' }]);
			out.push({ ...(row.definition as StandardQuestion), key: `org_${row.id.replace(/-/g, '')}` });
		}
	}
	if (new Set(out.map((q) => q.key)).size !== out.length)
		throw new ValidationError('questions: The same question is picked twice.', [{ path: 'questions', message: 'The same question is picked twice' }]);
	return out;
}
