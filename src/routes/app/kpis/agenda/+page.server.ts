import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage, requireMemberPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { listAgendas, recordAgenda } from '$lib/server/kpis/agenda';
import { listKpis } from '$lib/server/kpis/definitions';
import { qbrChoices } from '$lib/server/kpis/qbr';

/** The executives' agenda for sales (everyone reads it; admins record the executives' decisions). */
export const load: PageServerLoad = async (event) => {
	const { organizationId, membership, actor } = requireMemberPage(event);
	const [agendas, kpis, qbr] = await Promise.all([listAgendas({ organizationId }), listKpis({ organizationId }), qbrChoices({ actor })]);
	return { agendas, kpis: kpis.map((k) => ({ key: k.key, names: k.definition.names })), isAdmin: membership.access === 'admin', qbr };
};

export const actions: Actions = {
	record: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await recordAgenda({
				organizationId,
				actor,
				input: {
					decidedOn: data.get('decidedOn'),
					decidedBy: data.get('decidedBy'),
					kpis: data.getAll('kpis').map(String),
					priorities: data.get('priorities') ?? '',
					reporting: data.get('reporting') ?? ''
				}
			});
			return { recorded: true };
		});
	}
};
