import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { attempt, nullable, str } from '$lib/server/http/forms';
import { actionUnitOptions, ownerOptions } from '$lib/server/actions/options';
import { experimentChoices } from '$lib/server/experiments/options';
import { createExperiment } from '$lib/server/experiments/mutations';
import { metricFromField } from '$lib/server/experiments/input';
import { isUuid } from '$lib/server/validation';
import { addDays } from '$lib/experiments';

const safeBack = (v: string | null) => (v?.startsWith('/app/') ? v : null);

/** A new experiment from a round's finding: ?round= (required), &unit=, &pair= fill the form; the window defaults to 7 weeks from today. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const q = event.url.searchParams;
	const roundId = q.get('round');
	if (!isUuid(roundId)) error(404, 'Start an experiment from a round’s results.');
	const locale = event.locals.locale;
	const [units, choices] = await Promise.all([forPage(() => actionUnitOptions(actor)), forPage(() => experimentChoices({ actor, roundId, locale }))]);
	const unitId = units.find((u) => u.id === q.get('unit'))?.id ?? null;
	const owners = await ownerOptions({ actor, unitId });
	const today = new Date().toISOString().slice(0, 10);
	const pair = choices.pairs.find((p) => p.key === q.get('pair'))?.key ?? '';
	return {
		units,
		owners,
		choices,
		values: { unitId: unitId ?? '', pairKey: pair, startsOn: today, endsOn: addDays(today, 49), ownerId: actor.membership!.userId },
		back: safeBack(q.get('back'))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		const created = await attempt(data, () =>
			createExperiment({
				actor,
				locale: event.locals.locale,
				input: {
					unitId: str(data.get('unitId')) ?? '',
					roundId: str(data.get('roundId')) ?? '',
					pairKey: nullable(data.get('pairKey')),
					hypothesis: str(data.get('hypothesis')) ?? '',
					lever: str(data.get('lever')) ?? '',
					metric: metricFromField(str(data.get('metric'))),
					startsOn: str(data.get('startsOn')) ?? '',
					endsOn: str(data.get('endsOn')) ?? '',
					ownerId: str(data.get('ownerId')) ?? '',
					status: str(data.get('status')) ?? 'planned'
				}
			})
		);
		if ('id' in created) redirect(303, `/app/experiments/${created.id}?done=created`);
		return created;
	}
};
