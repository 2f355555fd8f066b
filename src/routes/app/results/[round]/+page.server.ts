import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { listResultRounds } from '$lib/server/results/list';

/** A round's results start at the viewer's own unit (or the whole organization for admins). */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const [round] = await forPage(() => listResultRounds({ actor, roundId: event.params.round }));
	if (!round?.startUnit) error(404, 'Not found');
	redirect(303, `/app/results/${round.id}/${round.startUnit.id}${event.url.search}`);
};
