import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { actionListOutput, actionOutput } from '$lib/server/actions/output';
import { api, readJson } from '$lib/server/http/api';
import { createAction } from '$lib/server/actions/mutations';
import { listActions } from '$lib/server/actions/queries';

/** Action plans of the units the caller may see; ?unitId= (its subtree), ?status=, ?ownerId=, ?overdue=true, ?mine=true, ?areaKey=. */
export const GET: RequestHandler = api(async (event, actor) =>
	reply(actionListOutput, { actions: await listActions({ actor, filter: Object.fromEntries(event.url.searchParams) }) })
);

export const POST: RequestHandler = api(async (event, actor) =>
	reply(actionOutput, await createAction({ actor, input: await readJson(event) }), { status: 201 })
);
