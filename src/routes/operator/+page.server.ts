import type { Actions, PageServerLoad } from './$types';
import { requireOperatorPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { publicOrigin } from '$lib/server/http/public-url';
import { createOrganization } from '$lib/server/orgs/create';
import { listOrganizations } from '$lib/server/orgs/queries';

export const load: PageServerLoad = async (event) => {
	requireOperatorPage(event);
	const search = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	return { organizations: await listOrganizations({ search }), search };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireOperatorPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const org = await createOrganization({
				actor,
				origin: publicOrigin(),
				input: {
					name: data.get('name'),
					industry: data.get('industry'),
					country: data.get('country'),
					sizeBand: data.get('sizeBand'),
					salesModel: data.get('salesModel'),
					admin: { name: data.get('adminName'), email: data.get('adminEmail'), language: data.get('adminLanguage') }
				}
			});
			return { created: org.name };
		});
	}
};
