import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { getRetention, saveRetention } from '$lib/server/orgs/retention';
import { retentionOutput } from '$lib/server/orgs/output';

export const GET: RequestHandler = api(async (_event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(retentionOutput, await getRetention({ organizationId }));
});

export const PUT: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(retentionOutput, await saveRetention({ organizationId, actor, input: await readJson(event) }));
});
