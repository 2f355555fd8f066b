import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { actionOutput } from '$lib/server/actions/output';
import { api, readJson } from '$lib/server/http/api';
import { addActionNote } from '$lib/server/actions/mutations';

/** Adds a dated progress note; answers the action with all its notes. */
export const POST: RequestHandler = api(async (event, actor) =>
	reply(actionOutput, await addActionNote({ actor, actionId: event.params.id, input: await readJson(event) }), { status: 201 })
);
