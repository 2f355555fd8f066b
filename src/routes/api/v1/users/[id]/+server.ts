import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { userOutput } from '$lib/server/users/output';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { getUser } from '$lib/server/users/queries';
import { updateUser, deleteUser } from '$lib/server/users/mutations';
import { presentUser } from '$lib/server/users/present';

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(userOutput, presentUser(await getUser({ organizationId, userId: event.params.id })));
});

export const PATCH: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(userOutput, presentUser(await updateUser({ organizationId, actor, userId: event.params.id, input: await readJson(event) })));
});

export const DELETE: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	await deleteUser({ organizationId, actor, userId: event.params.id });
	return new Response(null, { status: 204 });
});
