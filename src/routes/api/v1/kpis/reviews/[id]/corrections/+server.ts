import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api, readJson } from '$lib/server/http/api';
import { kpiCorrectionOutput } from '$lib/server/kpis/review-output';
import { reviewDetail } from '$lib/server/kpis/review-list';
import { recordCorrection } from '$lib/server/kpis/review';

/** Records a correction for a KPI alarm at an open review (409 once it is closed). */
export const POST: RequestHandler = api(async (event, actor) => {
	const reviewId = event.params.id;
	const { decisionId } = await recordCorrection({ actor, reviewId, input: await readJson(event) });
	const recorded = (await reviewDetail({ actor, reviewId })).corrections.find((c) => c.id === decisionId)!;
	return reply(kpiCorrectionOutput, recorded, { status: 201 });
});
