import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http/api';
import { createAction } from '$lib/server/actions/mutations';
import { listActions } from '$lib/server/actions/queries';

/** Action plans of the units the caller may see; ?unitId= (its subtree), ?status=, ?ownerId=, ?overdue=true, ?mine=true, ?areaKey=. */
export const GET: RequestHandler = api(async (event, actor) => json({ actions: await listActions({ actor, filter: Object.fromEntries(event.url.searchParams) }) }));

export const POST: RequestHandler = api(async (event, actor) => json(await createAction({ actor, input: await readJson(event) }), { status: 201 }));
