import type { PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { listRounds } from '$lib/server/rounds/queries';
import { adminZone } from './zone.server';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const [rounds, timeZone] = await Promise.all([listRounds({ organizationId }), adminZone(event.cookies, organizationId)]);
	return {
		timeZone,
		rounds: rounds.map((r) => ({
			id: r.id,
			name: r.name,
			status: r.status,
			startsAt: r.startsAt.toISOString(),
			endsAt: r.endsAt.toISOString(),
			publishAt: r.publishAt.toISOString(),
			k: r.minGroupSize,
			repeatMonths: r.repeatMonths,
			invited: r.invited,
			// No response rate for a round with fewer than k invited.
			completed: r.invited >= r.minGroupSize ? r.completed : null
		}))
	};
};
