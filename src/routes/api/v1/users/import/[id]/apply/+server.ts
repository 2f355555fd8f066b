import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { importAppliedOutput } from '$lib/server/imports/output';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { applyUserImport } from '$lib/server/imports/apply';
import { clientIp } from '$lib/server/http/client-ip';

export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(importAppliedOutput, await applyUserImport({ organizationId, actor, importId: event.params.id, ip: clientIp(event) }));
});
