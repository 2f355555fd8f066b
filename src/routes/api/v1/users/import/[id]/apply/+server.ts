import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { applyUserImport } from '$lib/server/imports/apply';
import { clientIp } from '$lib/server/http/client-ip';

export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return json(await applyUserImport({ organizationId, actor, importId: event.params.id, ip: clientIp(event) }));
});
