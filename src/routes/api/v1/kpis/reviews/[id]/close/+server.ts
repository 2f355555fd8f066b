import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api, readJson } from '$lib/server/http/api';
import { kpiReviewOutput } from '$lib/server/kpis/review-output';
import { reviewDetail } from '$lib/server/kpis/review-list';
import { closeReview } from '$lib/server/kpis/review';

/** Closes a review with its minutes ({ minutes }); 409 when it is closed already. */
export const POST: RequestHandler = api(async (event, actor) => {
	const reviewId = event.params.id;
	await closeReview({ actor, reviewId, input: await readJson(event) });
	return reply(kpiReviewOutput, await reviewDetail({ actor, reviewId }));
});
