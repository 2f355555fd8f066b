import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api } from '$lib/server/http/api';
import { kpiReviewOutput } from '$lib/server/kpis/review-output';
import { reviewDetail } from '$lib/server/kpis/review-list';

/** A review with the corrections recorded at it and its minutes. */
export const GET: RequestHandler = api(async (event, actor) => reply(kpiReviewOutput, await reviewDetail({ actor, reviewId: event.params.id })));
