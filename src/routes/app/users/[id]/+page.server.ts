import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { getUser } from '$lib/server/users/queries';
import { updateUser, deleteUser } from '$lib/server/users/mutations';
import { erasePerson } from '$lib/server/users/erase';
import { setUserActive } from '$lib/server/users/activation';
import { userFormInput } from '$lib/server/users/form';
import { unitOptions } from '$lib/server/units/options';
import { jobRoleChoices } from '$lib/server/users/job-role';
import { NotFoundError } from '$lib/server/errors';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	try {
		const [user, units, jobRoles] = await Promise.all([
			getUser({ organizationId, userId: event.params.id }),
			unitOptions({ organizationId }),
			jobRoleChoices(event.locals.locale)
		]);
		return { user, units, jobRoles };
	} catch (err) {
		if (err instanceof NotFoundError) error(404, 'Not found');
		throw err;
	}
};

export const actions: Actions = {
	update: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const result = await attempt(data, () => updateUser({ organizationId, actor, userId: event.params.id, input: userFormInput(data) }));
		if ('email' in result) redirect(303, `/app/users?done=updated&email=${encodeURIComponent(result.email)}`);
		return result;
	},
	delete: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const user = await getUser({ organizationId, userId: event.params.id }).catch(() => null);
		if (!user) error(404, 'Not found');
		const result = await attempt(data, () => deleteUser({ organizationId, actor, userId: user.id }));
		if (result === undefined) redirect(303, `/app/users?done=deleted&email=${encodeURIComponent(user.email)}`);
		return result;
	},
	erase: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const input = { confirmEmail: data.get('confirmEmail') ?? '' };
		const failure = await attempt(data, async () => void (await erasePerson({ organizationId, actor, userId: event.params.id, input })));
		// The address is gone: the list says what was done without naming anyone.
		if (!failure) redirect(303, '/app/users?done=erased');
		return fail(failure.status, { ...failure.data, erase: true });
	},
	active: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const active = data.get('active') === 'true';
		const failure = await attempt(data, async () => void (await setUserActive({ organizationId, actor, userId: event.params.id, active })));
		if (failure) return fail(failure.status, { ...failure.data, access: true });
		return { activeChanged: active ? ('reactivated' as const) : ('deactivated' as const) };
	}
};
