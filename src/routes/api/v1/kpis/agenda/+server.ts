import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { api, readJson } from '$lib/server/http/api';
import { requireMember } from '$lib/server/auth/policies';
import { salesAgendaListOutput, salesAgendaOutput } from '$lib/server/kpis/review-output';
import { listAgendas, recordAgenda } from '$lib/server/kpis/agenda';

/** The executives' agenda for sales: the one in force first, then earlier decisions (anyone in the organization). */
export const GET: RequestHandler = api(async (_event, actor) => {
	const { organizationId } = requireMember(actor);
	return reply(salesAgendaListOutput, { agendas: await listAgendas({ organizationId }) });
});

/** Records a decision of the executive team on the agenda: who decided, when, the KPIs and reporting (admins). */
export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireMember(actor);
	return reply(salesAgendaOutput, await recordAgenda({ organizationId, actor, input: await readJson(event) }), { status: 201 });
});
