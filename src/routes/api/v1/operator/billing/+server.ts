import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { reply } from '$lib/server/http/reply';
import { requireOperator } from '$lib/server/auth/policies';
import { billingOverview } from '$lib/server/billing/overview';
import { operatorBillingOutput } from '$lib/server/billing/output';

export const GET: RequestHandler = api(async (_event, actor) => {
	requireOperator(actor);
	return reply(operatorBillingOutput, { organizations: await billingOverview() });
});
