import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { attempt, nullable, str } from '$lib/server/http/forms';
import { createAction } from '$lib/server/actions/mutations';
import { actionUnitOptions, ownerOptions } from '$lib/server/actions/options';
import { areaOptions } from '$lib/server/actions/area-names';
import { findingFor, parsePlanStep } from '$lib/server/actions/finding';
import { ZONE_COOKIE, pickZone } from '$lib/time/zone';
import { isUuid } from '$lib/server/validation';

const key = (v: string | null) => (v && /^[a-z][a-z0-9_]{0,59}$/.test(v) ? v : null);

/** A new action, usually from a finding of a report: ?unit=&round=&area=&statement= (or &step=days30.0, a step of the area's plan) fill the form. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const q = event.url.searchParams;
	const units = await forPage(() => actionUnitOptions(actor));
	const unitId = units.find((u) => u.id === q.get('unit'))?.id ?? null;
	const roundId = isUuid(q.get('round')) ? q.get('round') : null;
	const [owners, areas, finding] = await Promise.all([
		ownerOptions({ actor, unitId }),
		areaOptions(event.locals.locale),
		unitId && roundId
			? findingFor({
					actor,
					roundId,
					unitId,
					areaKey: key(q.get('area')),
					statementKey: key(q.get('statement')),
					planStep: parsePlanStep(q.get('step')),
					locale: event.locals.locale,
					zone: pickZone(event.cookies.get(ZONE_COOKIE), null)
				})
			: null
	]);
	return { units, owners, areas, unitId, finding, back: q.get('back')?.startsWith('/app/') ? q.get('back') : null };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		const created = await attempt(data, () =>
			createAction({
				actor,
				input: {
					unitId: str(data.get('unitId')) ?? '',
					title: str(data.get('title')) ?? '',
					reason: str(data.get('reason')) ?? '',
					ownerId: nullable(data.get('ownerId')),
					dueOn: nullable(data.get('dueOn')),
					roundId: nullable(data.get('roundId')),
					areaKey: nullable(data.get('areaKey')),
					statementKey: nullable(data.get('statementKey')),
					status: str(data.get('status')) ?? 'planned'
				}
			})
		);
		if ('id' in created) redirect(303, `/app/actions/${created.id}?done=created`);
		return created;
	}
};
