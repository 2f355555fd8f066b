import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api } from '$lib/server/http/api';
import { kpiCorrectionListOutput } from '$lib/server/kpis/review-output';
import { listCorrections } from '$lib/server/kpis/review-list';

/** Corrections decided at monthly reviews (?unit=, alarm months ?from= to ?to=), each with its check date and whether it is due. */
export const GET: RequestHandler = api(async (event, actor) =>
	reply(kpiCorrectionListOutput, { corrections: await listCorrections({ actor, query: Object.fromEntries(event.url.searchParams) }) })
);
