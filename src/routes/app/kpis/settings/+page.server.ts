import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { installStarterKpis, listKpis } from '$lib/server/kpis/definitions';

/** The organization's KPIs and how each rolls up and raises an alarm (admins). */
export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	return { kpis: await listKpis({ organizationId }) };
};

export const actions: Actions = {
	starter: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		return attempt(await event.request.formData(), async () => ({ installed: (await installStarterKpis({ organizationId, actor })).length }));
	}
};
