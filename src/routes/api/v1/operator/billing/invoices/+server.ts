import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { reply } from '$lib/server/http/reply';
import { requireOperator } from '$lib/server/auth/policies';
import { operatorInvoices } from '$lib/server/billing/api';
import { operatorInvoiceListOutput } from '$lib/server/billing/output';

export const GET: RequestHandler = api(async (event, actor) => {
	requireOperator(actor);
	return reply(operatorInvoiceListOutput, await operatorInvoices(Object.fromEntries(event.url.searchParams)));
});
