import type { PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { listActions } from '$lib/server/actions/queries';
import { actionUnitOptions, currentOwners } from '$lib/server/actions/options';
import { areaOptions } from '$lib/server/actions/area-names';
import { ACTION_STATUSES } from '$lib/actions';
import { isUuid } from '$lib/server/validation';

const views = ['all', 'mine', 'overdue'] as const;

/** Actions of the units the viewer may see: all, mine or overdue, narrowed by unit, area, status and owner. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const q = event.url.searchParams;
	const view = views.find((v) => v === q.get('view')) ?? 'all';
	const filters = {
		unit: isUuid(q.get('unit')) ? q.get('unit')! : '',
		status: ACTION_STATUSES.find((s) => s === q.get('status')) ?? '',
		owner: isUuid(q.get('owner')) ? q.get('owner')! : '',
		area: /^[a-z][a-z0-9_]{0,59}$/.test(q.get('area') ?? '') ? q.get('area')! : ''
	};
	const filter = {
		...(filters.unit && { unitId: filters.unit }),
		...(filters.status && { status: filters.status }),
		...(filters.owner && { ownerId: filters.owner }),
		...(filters.area && { areaKey: filters.area }),
		...(view === 'mine' && { mine: 'true' }),
		...(view === 'overdue' && { overdue: 'true' })
	};
	const [actions, units, owners, areas] = await forPage(() =>
		Promise.all([listActions({ actor, filter }), actionUnitOptions(actor), currentOwners(actor), areaOptions(event.locals.locale)])
	);
	return {
		view,
		filters,
		actions,
		units,
		owners,
		areas: areas.map(({ key, name }) => ({ key, name }))
	};
};
