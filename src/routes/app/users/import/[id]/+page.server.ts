import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { getUserImport } from '$lib/server/imports/preview';
import { applyUserImport } from '$lib/server/imports/apply';
import { NotFoundError } from '$lib/server/errors';
import { clientIp } from '$lib/server/http/client-ip';
import { trialRoom } from '$lib/server/billing/limits';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	try {
		const imp = await getUserImport({ organizationId, importId: event.params.id });
		// The trial's room now (not when the file was read): applying more than it covers is refused.
		const room = imp.appliedAt ? null : await trialRoom({ organizationId });
		return { imp: { ...imp, createdAt: imp.createdAt.toISOString(), appliedAt: imp.appliedAt?.toISOString() ?? null }, room };
	} catch (err) {
		if (err instanceof NotFoundError) error(404, 'Not found');
		throw err;
	}
};

export const actions: Actions = {
	default: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => ({ applied: await applyUserImport({ organizationId, actor, importId: event.params.id, ip: clientIp(event) }) }));
	}
};
