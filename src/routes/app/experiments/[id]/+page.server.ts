import type { Actions, PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { attempt, str } from '$lib/server/http/forms';
import { ownerOptions } from '$lib/server/actions/options';
import { getExperiment } from '$lib/server/experiments/queries';
import { experimentChoices } from '$lib/server/experiments/options';
import { updateExperiment } from '$lib/server/experiments/mutations';
import { metricFromField } from '$lib/server/experiments/input';

/** One experiment: its plan, window, owner, status and result; changed here. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const locale = event.locals.locale;
	const experiment = await forPage(() => getExperiment({ actor, experimentId: event.params.id, locale }));
	const [owners, choices] = await Promise.all([
		ownerOptions({ actor, unitId: experiment.unit.id, keep: experiment.owner?.id }),
		experimentChoices({ actor, roundId: experiment.round.id, locale })
	]);
	return { experiment, owners, choices, done: event.url.searchParams.get('done') === 'created' ? ('created' as const) : null };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await updateExperiment({
				actor,
				experimentId: event.params.id,
				input: {
					hypothesis: str(data.get('hypothesis')),
					lever: str(data.get('lever')),
					metric: metricFromField(str(data.get('metric'))),
					startsOn: str(data.get('startsOn')),
					endsOn: str(data.get('endsOn')),
					ownerId: str(data.get('ownerId')),
					status: str(data.get('status')),
					result: str(data.get('result'))
				}
			});
			return { saved: true };
		});
	}
};
