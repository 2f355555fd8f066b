import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireMemberPage } from '$lib/server/http/guards';
import { countUsers } from '$lib/server/users/queries';

export const load: PageServerLoad = async (event) => {
	const { organizationId, membership } = requireMemberPage(event);
	if (membership.access !== 'admin') return { admin: false as const, name: membership.name };
	const [users, units] = await Promise.all([
		countUsers(db(), { organizationId }),
		db().selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', organizationId).executeTakeFirstOrThrow()
	]);
	return { admin: true as const, name: membership.name, users, unitCount: Number(units.n) };
};
