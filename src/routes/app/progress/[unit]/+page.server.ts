import type { Actions, PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { attempt, str } from '$lib/server/http/forms';
import { unitProgress } from '$lib/server/progress/progress';
import { deleteDecision, recordDecision } from '$lib/server/decisions/decisions';
import { areaOptions } from '$lib/server/actions/area-names';

/** A unit's progress over time: area scores per round, and the actions and decisions between rounds. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const p = await forPage(() => unitProgress({ actor, unitId: event.params.unit, locale: event.locals.locale }));
	const areas = await areaOptions(event.locals.locale);
	return {
		trend: p.trend,
		intervals: p.intervals,
		areas: areas.map(({ key, name }) => ({ key, name })),
		canDecide: p.canAct,
		today: new Date().toISOString().slice(0, 10)
	};
};

export const actions: Actions = {
	decide: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await recordDecision({
				actor,
				input: {
					unitId: event.params.unit,
					decidedOn: str(data.get('decidedOn')) ?? '',
					title: str(data.get('title')) ?? '',
					reason: str(data.get('reason')) ?? ''
				}
			});
			return { done: 'decided' as const };
		});
	},
	remove: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await deleteDecision({ actor, decisionId: str(data.get('id')) ?? '' });
			return { done: 'removed' as const };
		});
	}
};
