import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { actionOutput } from '$lib/server/actions/output';
import { api, readJson } from '$lib/server/http/api';
import { deleteAction, updateAction } from '$lib/server/actions/mutations';
import { getAction } from '$lib/server/actions/queries';

export const GET: RequestHandler = api(async (event, actor) => reply(actionOutput, await getAction({ actor, actionId: event.params.id })));

export const PATCH: RequestHandler = api(async (event, actor) =>
	reply(actionOutput, await updateAction({ actor, actionId: event.params.id, input: await readJson(event) }))
);

export const DELETE: RequestHandler = api(async (event, actor) => {
	await deleteAction({ actor, actionId: event.params.id });
	return new Response(null, { status: 204 });
});
