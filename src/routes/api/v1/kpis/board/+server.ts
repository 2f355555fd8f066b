import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api } from '$lib/server/http/api';
import { kpiBoardOutput } from '$lib/server/kpis/output';
import { kpiBoard } from '$lib/server/kpis/board';

/** The alarm board of ?unit= (default: where the caller starts) for ?month= (default: the last closed month). */
export const GET: RequestHandler = api(async (event, actor) => {
	const unitId = event.url.searchParams.get('unit');
	const month = event.url.searchParams.get('month');
	return reply(kpiBoardOutput, await kpiBoard({ actor, unitId, month }));
});
