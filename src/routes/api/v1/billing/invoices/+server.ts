import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { reply } from '$lib/server/http/reply';
import { requireAdmin } from '$lib/server/auth/policies';
import { invoiceList } from '$lib/server/billing/api';
import { invoiceListOutput } from '$lib/server/billing/output';

export const GET: RequestHandler = api(async (_event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(invoiceListOutput, { invoices: await invoiceList(organizationId) });
});
