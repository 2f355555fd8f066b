import type { PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { unitAlignment } from '$lib/server/results/alignment';
import { experimentsFollowUp } from '$lib/server/experiments/follow-up';
import { listExperiments } from '$lib/server/experiments/queries';
import { mayActOn } from '$lib/server/actions/policy';

/** A unit's misalignments in one round (for a model with alignment pairs), the experiments started from them, and those of earlier rounds beside their change. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const locale = event.locals.locale;
	const opts = { actor, roundId: event.params.round, unitId: event.params.unit, locale };
	const alignment = await forPage(() => unitAlignment(opts));
	const [followUp, canAct] = await Promise.all([forPage(() => experimentsFollowUp(opts)), mayActOn({ actor, unitId: event.params.unit })]);
	const started = canAct ? await listExperiments({ actor, filter: { unitId: event.params.unit, roundId: event.params.round }, locale }) : [];
	return { alignment, followUp, started, canAct, roundId: event.params.round, unitId: event.params.unit };
};
