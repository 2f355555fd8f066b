import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { NotFoundError } from '$lib/server/errors';
import { isUuid, parse } from '$lib/server/validation';
import { actionScope, unitColumn, unitList, unitOfRow } from '$lib/server/actions/policy';
import { getModel } from '$lib/server/models/registry';
import { modelText } from '$lib/server/results/text';
import { kpiDefinition } from '$lib/kpis/definition';
import type { ExperimentStatus } from '$lib/experiments';
import { isLocale, type Locale } from '$lib/i18n';
import { experimentFilter } from './input';

export interface ExperimentView {
	id: string;
	unit: { id: string; name: string };
	round: { id: string; name: string; model: string };
	pairKey: string | null;
	statementKey: string | null;
	hypothesis: string;
	lever: string;
	/** The metric to watch, named in the reader's language. */
	metric: { kind: 'area'; area: string; name: string } | { kind: 'kpi'; kpiId: string; name: string };
	startsOn: string;
	endsOn: string;
	owner: { id: string; name: string } | null;
	status: ExperimentStatus;
	result: string;
	createdBy: string;
	createdAt: Date;
	updatedAt: Date;
}

function base(organizationId: string, executor: Db) {
	return executor
		.selectFrom('experiments as e')
		.innerJoin('organizations as g', 'g.id', 'e.organization_id')
		.innerJoin('rounds as r', (j) => j.onRef('r.organization_id', '=', 'e.organization_id').onRef('r.id', '=', 'e.round_id'))
		.leftJoin('units as u', (j) => j.onRef('u.organization_id', '=', 'e.organization_id').onRef('u.id', '=', 'e.unit_id'))
		.leftJoin('users as o', (j) => j.onRef('o.organization_id', '=', 'e.organization_id').onRef('o.id', '=', 'e.owner_id'))
		.leftJoin('kpis as k', (j) => j.onRef('k.organization_id', '=', 'e.organization_id').onRef('k.id', '=', 'e.metric_kpi_id'))
		.select([
			'e.id',
			'e.unit_id',
			'u.name as unit_name',
			'g.name as organization_name',
			'e.round_id',
			'r.name as round_name',
			'r.model_id',
			'r.model_version',
			'e.pair_key',
			'e.statement_key',
			'e.hypothesis',
			'e.lever',
			'e.metric_kind',
			'e.metric_area',
			'e.metric_kpi_id',
			'k.key as kpi_key',
			'k.definition as kpi_definition',
			'e.starts_on',
			'e.ends_on',
			'e.owner_id',
			'o.name as owner_name',
			'e.status',
			'e.result',
			'e.created_by',
			'e.created_at',
			'e.updated_at'
		])
		.where('e.organization_id', '=', organizationId);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

async function present(r: Row, locale: Locale): Promise<ExperimentView> {
	let metric: ExperimentView['metric'];
	if (r.metric_kind === 'area') {
		const model = await getModel(r.model_id, r.model_version).catch(() => null);
		metric = { kind: 'area', area: r.metric_area!, name: model ? modelText(model, locale).area(r.metric_area!).name : r.metric_area! };
	} else {
		const def = kpiDefinition.safeParse(r.kpi_definition);
		metric = { kind: 'kpi', kpiId: r.metric_kpi_id!, name: def.success ? def.data.names[locale] : (r.kpi_key ?? '') };
	}
	return {
		id: r.id,
		unit: { id: unitOfRow(r.unit_id), name: r.unit_name ?? r.organization_name },
		round: { id: r.round_id, name: r.round_name, model: `${r.model_id} ${r.model_version}` },
		pairKey: r.pair_key,
		statementKey: r.statement_key,
		hypothesis: r.hypothesis,
		lever: r.lever,
		metric,
		startsOn: r.starts_on,
		endsOn: r.ends_on,
		owner: r.owner_id && r.owner_name ? { id: r.owner_id, name: r.owner_name } : null,
		status: r.status,
		result: r.result,
		createdBy: r.created_by,
		createdAt: r.created_at,
		updatedAt: r.updated_at
	};
}

/** One experiment of a unit the actor may act on (404 otherwise, also for another organization's). */
export async function getExperiment(opts: { actor: Actor; experimentId: string; locale?: Locale }, executor: Db = db()): Promise<ExperimentView> {
	if (!isUuid(opts.experimentId)) throw new NotFoundError('experiment');
	const scope = await actionScope(opts.actor, executor);
	const row = await base(scope.organizationId, executor).where('e.id', '=', opts.experimentId).executeTakeFirst();
	if (!row || !scope.canSee(unitOfRow(row.unit_id))) throw new NotFoundError('experiment');
	return present(row, opts.locale ?? 'en');
}

/** Experiments of the units the actor may act on, optionally of one unit and of one round, newest window first. */
export async function listExperiments(opts: { actor: Actor; filter?: unknown; locale?: Locale }, executor: Db = db()): Promise<ExperimentView[]> {
	const filter = parse(experimentFilter, opts.filter ?? {});
	const scope = await actionScope(opts.actor, executor);
	if (filter.unitId && !scope.canSee(filter.unitId)) return [];
	let q = base(scope.organizationId, executor);
	if (scope.unitIds) q = q.where('e.unit_id', 'in', unitList(scope.unitIds));
	if (filter.unitId) {
		const unit = unitColumn(filter.unitId);
		q = unit === null ? q.where('e.unit_id', 'is', null) : q.where('e.unit_id', '=', unit);
	}
	if (filter.roundId) q = q.where('e.round_id', '=', filter.roundId);
	const rows = await q.orderBy('e.starts_on', 'desc').orderBy('e.created_at', 'desc').limit(500).execute();
	return Promise.all(rows.map((r) => present(r, opts.locale ?? 'en')));
}

/** The language an API caller reads model and KPI names in: their own, else English. */
export const readerLocale = (actor: Actor): Locale => (isLocale(actor.membership?.language) ? (actor.membership!.language as Locale) : 'en');
