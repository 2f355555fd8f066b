import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { kpiValueListOutput, kpiValuesWrittenOutput } from '$lib/server/kpis/output';
import { upsertKpiValues } from '$lib/server/kpis/values';
import { listKpiValues } from '$lib/server/kpis/queries';
import { presentValue } from '$lib/server/kpis/present';
import { kpiValueQuery } from '$lib/server/kpis/input';
import { parse } from '$lib/server/validation';

/** The plans and actuals entered for ?month=YYYY-MM (and ?kpi=), admins. */
export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const q = parse(kpiValueQuery, Object.fromEntries(event.url.searchParams));
	return reply(kpiValueListOutput, { values: (await listKpiValues({ organizationId, ...q })).map(presentValue) });
});

/** Upserts plans and actuals by KPI, unit or person, and month: idempotent, all or nothing (admins; a CRM integration's token). */
export const PUT: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(kpiValuesWrittenOutput, await upsertKpiValues({ organizationId, actor, source: 'api', input: await readJson(event) }));
});
