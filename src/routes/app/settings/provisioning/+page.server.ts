import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { publicOrigin } from '$lib/server/http/public-url';
import { createScimToken, listScimTokens, revokeScimToken } from '$lib/server/scim/tokens';
import { getScimSettings, JOB_ROLE_ATTRIBUTES, saveScimSettings, UNIT_ATTRIBUTES } from '$lib/server/scim/settings';
import { listScimEvents } from '$lib/server/scim/events';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const [tokens, settings, events] = await Promise.all([
		listScimTokens({ organizationId }),
		getScimSettings({ organizationId }),
		listScimEvents({ organizationId })
	]);
	return { baseUrl: `${publicOrigin()}/scim/v2`, tokens, settings, events, unitAttributes: UNIT_ATTRIBUTES, jobRoleAttributes: JOB_ROLE_ATTRIBUTES };
};

export const actions: Actions = {
	createToken: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => ({ createdToken: (await createScimToken({ organizationId, actor })).secret }));
	},
	revokeToken: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await revokeScimToken({ organizationId, actor, tokenId: String(data.get('id') ?? '') });
			return { revoked: true };
		});
	},
	mappings: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await saveScimSettings({ organizationId, actor, input: { unitAttribute: data.get('unitAttribute'), jobRoleAttribute: data.get('jobRoleAttribute') } });
			return { mappingsSaved: true };
		});
	}
};
