import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api, readJson } from '$lib/server/http/api';
import { experimentOutput } from '$lib/server/experiments/output';
import { updateExperiment } from '$lib/server/experiments/mutations';
import { getExperiment, readerLocale } from '$lib/server/experiments/queries';

export const GET: RequestHandler = api(async (event, actor) =>
	reply(experimentOutput, await getExperiment({ actor, experimentId: event.params.id, locale: readerLocale(actor) }))
);

export const PATCH: RequestHandler = api(async (event, actor) =>
	reply(experimentOutput, await updateExperiment({ actor, experimentId: event.params.id, input: await readJson(event), locale: readerLocale(actor) }))
);
