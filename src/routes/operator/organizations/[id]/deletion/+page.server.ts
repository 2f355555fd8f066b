import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOperatorPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { isUuid } from '$lib/server/validation';
import { cancelDeletion, deletionState, GRACE_DAYS, requestDeletion } from '$lib/server/orgs/deletion';
import { NotFoundError } from '$lib/server/errors';

function organizationId(params: { id: string }): string {
	if (!isUuid(params.id)) error(404, 'The organization was not found.');
	return params.id;
}

export const load: PageServerLoad = async (event) => {
	requireOperatorPage(event);
	const org = await deletionState({ organizationId: organizationId(event.params) }).catch((e) => {
		if (e instanceof NotFoundError) error(404, e.message);
		throw e;
	});
	return { org, graceDays: GRACE_DAYS };
};

export const actions: Actions = {
	request: async (event) => {
		const actor = requireOperatorPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await requestDeletion({ actor, organizationId: organizationId(event.params), input: { confirmName: data.get('confirmName') ?? '' } });
			return { done: 'requested' as const };
		});
	},
	cancel: async (event) => {
		const actor = requireOperatorPage(event);
		await cancelDeletion({ actor, organizationId: organizationId(event.params) });
		redirect(303, `/operator/organizations/${event.params.id}/deletion`);
	}
};
