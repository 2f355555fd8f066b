import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { getRetention, saveRetention } from '$lib/server/orgs/retention';
import { deletionState } from '$lib/server/orgs/deletion';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const [retention, deletion] = await Promise.all([getRetention({ organizationId }), deletionState({ organizationId })]);
	return { retention, deletionDueAt: deletion.dueAt };
};

export const actions: Actions = {
	retention: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await saveRetention({ organizationId, actor, input: { auditMonths: data.get('auditMonths'), invitationMonths: data.get('invitationMonths') } });
			return { saved: true };
		});
	}
};
