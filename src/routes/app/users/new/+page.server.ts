import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { createUser } from '$lib/server/users/mutations';
import { userFormInput } from '$lib/server/users/form';
import { unitOptions } from '$lib/server/units/options';
import { jobRoleChoices } from '$lib/server/users/job-role';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const [units, jobRoles] = await Promise.all([unitOptions({ organizationId }), jobRoleChoices(event.locals.locale)]);
	return { units, jobRoles };
};

export const actions: Actions = {
	default: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const result = await attempt(data, () => createUser({ organizationId, actor, input: userFormInput(data) }));
		if ('email' in result) redirect(303, `/app/users?done=created&email=${encodeURIComponent(result.email)}`);
		return result;
	}
};
