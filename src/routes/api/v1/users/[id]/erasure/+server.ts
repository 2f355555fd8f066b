import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { erasePerson } from '$lib/server/users/erase';
import { erasureOutput } from '$lib/server/orgs/output';

export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(erasureOutput, await erasePerson({ organizationId, actor, userId: event.params.id, input: await readJson(event) }));
});
