import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { forPage } from '$lib/server/http/pages';
import { listKpis } from '$lib/server/kpis/definitions';
import { peopleOfUnit, personOf, yearOfChanges, yearOfValues, type EntryTarget } from '$lib/server/kpis/entry';
import { changedValues } from '$lib/server/kpis/entry-form';
import { upsertKpiValues } from '$lib/server/kpis/values';
import { organizationZoneAndLanguage } from '$lib/server/rounds/successor';
import { unitOptions } from '$lib/server/units/options';
import { monthOf } from '$lib/kpis/month';
import { isUuid } from '$lib/server/validation';
import { ValidationError } from '$lib/server/errors';
import { translator } from '$lib/i18n';

/** The page's choice (KPI, unit, person, year) from its query, each checked against the organization. */
async function choice(organizationId: string, url: URL) {
	const [kpis, units, { zone }] = await Promise.all([
		listKpis({ organizationId }),
		unitOptions({ organizationId }),
		organizationZoneAndLanguage(organizationId)
	]);
	const valueKpis = kpis.filter((k) => k.definition.rollup.kind !== 'ratio');
	const q = url.searchParams;
	const kpi = valueKpis.find((k) => k.key === q.get('kpi')) ?? valueKpis[0] ?? null;
	const unit = units.find((u) => u.id === q.get('unit')) ?? units[0] ?? null;
	const thisYear = monthOf(new Date(), zone).year;
	const year = Math.min(Math.max(Number(q.get('year')) || thisYear, thisYear - 5), thisYear + 2);
	const people = unit ? await peopleOfUnit({ organizationId, unitId: unit.id }) : [];
	const personId = q.get('person');
	const person = personId ? (people.find((p) => p.id === personId) ?? null) : null;
	if (personId && !person) error(404, 'There is no such person in this unit.');
	return { valueKpis, units, people, kpi, unit, person, year, thisYear };
}

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const c = await choice(organizationId, event.url);
	const target: EntryTarget | null = c.person ? { unitId: null, userId: c.person.id } : c.unit ? { unitId: c.unit.id, userId: null } : null;
	const figures =
		c.kpi && target
			? await Promise.all([
					yearOfValues({ organizationId, kpiId: c.kpi.id, target, year: c.year }),
					yearOfChanges({ organizationId, kpiId: c.kpi.id, target, year: c.year })
				])
			: null;
	return {
		kpis: c.valueKpis.map((k) => ({ key: k.key, names: k.definition.names, unit: k.definition.unit })),
		units: c.units,
		people: c.people,
		chosen: { kpi: c.kpi?.key ?? null, unit: c.unit?.id ?? null, person: c.person?.id ?? null, year: c.year },
		years: Array.from({ length: 8 }, (_, i) => c.thisYear - 5 + i),
		months: figures?.[0] ?? [],
		changes: figures?.[1] ?? []
	};
};

export const actions: Actions = {
	/** Saves the cells that changed, all or nothing; a wrong cell is named by its month. */
	save: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const kpi = String(data.get('kpi') ?? '');
		const unit = String(data.get('unit') ?? '');
		const personId = String(data.get('person') ?? '');
		if (!isUuid(unit) || (personId && !isUuid(personId))) error(400, 'The unit or person is missing.');
		const person = personId ? await forPage(() => personOf({ organizationId, userId: personId })) : null;
		const cells = data.getAll('month').map((m, i) => ({
			month: String(m),
			plan: String(data.getAll('plan')[i] ?? ''),
			planWas: String(data.getAll('planWas')[i] ?? ''),
			actual: String(data.getAll('actual')[i] ?? ''),
			actualWas: String(data.getAll('actualWas')[i] ?? '')
		}));
		const { values, months } = changedValues(cells, person ? { kpi, person: person.email } : { kpi, unit });
		if (values.length === 0) return { saved: 0 };
		return attempt(data, async () => {
			try {
				const counts = await upsertKpiValues({ organizationId, actor, source: 'manual', input: { values } });
				return { saved: counts.created + counts.updated, counts };
			} catch (err) {
				throw err instanceof ValidationError ? byMonth(err, months, translator(event.locals.locale)) : err;
			}
		});
	}
};

/** The upsert names a value by its index ("values.2.plan"); the form names it by month and field. */
function byMonth(err: ValidationError, months: string[], t: ReturnType<typeof translator>): ValidationError {
	const details = (Array.isArray(err.details) ? err.details : []) as { path: string; message: string }[];
	return new ValidationError(
		t('kpiEntry.invalid', { count: details.length }),
		details.map((d) => {
			const [, index, field] = /^values\.(\d+)\.?(plan|actual)?/.exec(d.path) ?? [];
			return { path: `${months[Number(index)] ?? ''}.${field ?? 'plan'}`, message: d.message };
		})
	);
}
