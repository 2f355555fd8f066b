import { db } from '$lib/server/db';
import { openResponse } from '$lib/server/responses/seal';

/**
 * Every answer an organization's participants have submitted, as response rows: those already mixed
 * into `responses` and those still pending, opened with the response key (tests hold the same key as
 * the server they start). Ids of pending ones are their pending ids.
 */
export async function storedResponses(organizationId: string) {
	const mixed = await db().selectFrom('responses').selectAll().where('organization_id', '=', organizationId).execute();
	const pending = await db().selectFrom('pending_responses').selectAll().where('organization_id', '=', organizationId).execute();
	return [
		...mixed,
		...pending.map((p) => {
			const r = openResponse(p.sealed, { organizationId, roundId: p.round_id });
			return {
				organization_id: organizationId,
				round_id: p.round_id,
				id: p.id,
				unit_id: r.unitId,
				job_role: r.jobRole,
				answers: r.answers as number[],
				area_scores: r.areaScores,
				question_answers: r.questionAnswers as unknown
			};
		})
	];
}
