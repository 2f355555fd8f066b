import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt, formValues } from '$lib/server/http/forms';
import { listKpis } from '$lib/server/kpis/definitions';
import { archiveKpi, saveKpi } from '$lib/server/kpis/edit';
import { kpiOwnerOptions } from '$lib/server/kpis/owners';
import { NotFoundError } from '$lib/server/errors';
import { forPage } from '$lib/server/http/pages';

/** One KPI's settings (/new: a new one), with the summed KPIs it may be built from and who may own it. */
export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const [kpis, owners] = await Promise.all([listKpis({ organizationId }), kpiOwnerOptions({ organizationId })]);
	const isNew = event.params.key === 'new';
	const kpi = isNew ? null : (kpis.find((k) => k.key === event.params.key) ?? null);
	if (!isNew && !kpi) await forPage(() => Promise.reject(new NotFoundError('KPI')));
	const parts = kpis.filter((k) => k.definition.rollup.kind === 'sum' && k.key !== event.params.key).map((k) => ({ key: k.key, names: k.definition.names }));
	return { kpi: kpi?.definition ?? null, owner: kpi?.owner?.email ?? '', owners, parts };
};

export const actions: Actions = {
	save: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const key = event.params.key === 'new' ? null : event.params.key;
		const saved = await attempt(data, () => saveKpi({ organizationId, actor, key, form: formValues(data) }));
		if (saved && 'status' in saved) return saved;
		redirect(303, '/app/kpis/settings');
	},
	archive: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const done = await attempt(data, () => archiveKpi({ organizationId, actor, key: event.params.key }));
		if (done && 'status' in done) return done;
		redirect(303, '/app/kpis/settings');
	}
};
