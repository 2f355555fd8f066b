import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { kpiListOutput } from '$lib/server/kpis/output';
import { installStarterKpis } from '$lib/server/kpis/definitions';
import { presentKpi } from '$lib/server/kpis/present';

/** Starts the organization on the starter set when it has no KPIs yet (otherwise changes nothing). */
export const POST: RequestHandler = api(async (_event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(kpiListOutput, { kpis: (await installStarterKpis({ organizationId, actor })).map(presentKpi) });
});
