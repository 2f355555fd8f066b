import type { PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { listResultRounds } from '$lib/server/results/list';

export const load: PageServerLoad = async (event) => {
	const { actor, membership } = requireMemberPage(event);
	const rounds = await forPage(() => listResultRounds({ actor }));
	return { rounds, admin: membership.access === 'admin' };
};
