import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { kpiChangeListOutput } from '$lib/server/kpis/output';
import { listKpiChanges } from '$lib/server/kpis/queries';
import { presentValue } from '$lib/server/kpis/present';
import { kpiChangeQuery } from '$lib/server/kpis/input';
import { parse } from '$lib/server/validation';

/** The latest corrections of plans and actuals (?limit=, default 100), newest first. */
export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const { limit } = parse(kpiChangeQuery, Object.fromEntries(event.url.searchParams));
	return reply(kpiChangeListOutput, { changes: (await listKpiChanges({ organizationId, limit })).map(presentValue) });
});
