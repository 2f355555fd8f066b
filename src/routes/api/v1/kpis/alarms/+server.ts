import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api } from '$lib/server/http/api';
import { kpiAlarmListOutput } from '$lib/server/kpis/review-output';
import { kpiAlarms } from '$lib/server/kpis/alarms';

/** The red and amber alarms of the board of ?unit= for ?month= (defaults as the board's). */
export const GET: RequestHandler = api(async (event, actor) => {
	const q = event.url.searchParams;
	return reply(kpiAlarmListOutput, await kpiAlarms({ actor, unitId: q.get('unit'), month: q.get('month') }));
});
