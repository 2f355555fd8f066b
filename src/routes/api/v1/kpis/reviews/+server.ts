import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api, readJson } from '$lib/server/http/api';
import { kpiReviewListOutput, kpiReviewOutput } from '$lib/server/kpis/review-output';
import { listReviews, reviewDetail } from '$lib/server/kpis/review-list';
import { openReview } from '$lib/server/kpis/review';

/** The monthly reviews the caller may act on (?unit=, ?from=, ?to=), newest month first. */
export const GET: RequestHandler = api(async (event, actor) =>
	reply(kpiReviewListOutput, { reviews: await listReviews({ actor, query: Object.fromEntries(event.url.searchParams) }) })
);

/** Opens the review of { unitId, month }; the same unit and month again answer the same review. */
export const POST: RequestHandler = api(async (event, actor) => {
	const review = await openReview({ actor, input: await readJson(event) });
	return reply(kpiReviewOutput, await reviewDetail({ actor, reviewId: review.id }));
});
