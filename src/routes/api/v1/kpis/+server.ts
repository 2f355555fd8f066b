import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin, requireMember } from '$lib/server/auth/policies';
import { kpiListOutput } from '$lib/server/kpis/output';
import { listKpis, saveKpiSet } from '$lib/server/kpis/definitions';
import { presentKpi } from '$lib/server/kpis/present';

/** The organization's KPIs in order. */
export const GET: RequestHandler = api(async (_event, actor) => {
	const { organizationId } = requireMember(actor);
	return reply(kpiListOutput, { kpis: (await listKpis({ organizationId })).map(presentKpi) });
});

/** Replaces the KPI set (admins): { kpis: [definition, …] }; a KPI left out is archived with its values. */
export const PUT: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const body = (await readJson(event)) as { kpis?: unknown } | null;
	const kpis = await saveKpiSet({ organizationId, actor, definitions: body?.kpis ?? body });
	return reply(kpiListOutput, { kpis: kpis.map(presentKpi) });
});
