import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { reply } from '$lib/server/http/reply';
import { requireAdmin } from '$lib/server/auth/policies';
import { invoiceDetail } from '$lib/server/billing/api';
import { invoiceOutput } from '$lib/server/billing/output';

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(invoiceOutput, await invoiceDetail(organizationId, event.params.id));
});
