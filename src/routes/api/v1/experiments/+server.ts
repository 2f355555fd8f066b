import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api, readJson } from '$lib/server/http/api';
import { experimentListOutput, experimentOutput } from '$lib/server/experiments/output';
import { createExperiment } from '$lib/server/experiments/mutations';
import { listExperiments, readerLocale } from '$lib/server/experiments/queries';

/** Experiments of the units the caller may act on; ?unitId= (that unit), ?roundId= (the round they came from). */
export const GET: RequestHandler = api(async (event, actor) =>
	reply(experimentListOutput, {
		experiments: await listExperiments({ actor, filter: Object.fromEntries(event.url.searchParams), locale: readerLocale(actor) })
	})
);

export const POST: RequestHandler = api(async (event, actor) =>
	reply(experimentOutput, await createExperiment({ actor, input: await readJson(event), locale: readerLocale(actor) }), { status: 201 })
);
