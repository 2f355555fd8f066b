import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ValidationError } from '$lib/server/errors';
import { parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { actionScope, assertUnits, unitColumn } from '$lib/server/actions/policy';
import { mayOwn } from '$lib/server/actions/options';
import { getPublishedRound } from '$lib/server/results/rounds';
import { getModel, type CompiledModel } from '$lib/server/models/registry';
import type { Locale } from '$lib/i18n';
import { experimentInput, experimentPatch, windowProblem, type MetricInput } from './input';
import { getExperiment, type ExperimentView } from './queries';

const invalid = (path: string, message: string) => new ValidationError(`${path}: ${message}`, [{ path, message }]);

/** The owner must be someone who may own an action of the unit (the unit's people, viewers, admins). */
async function assertOwner(actor: Actor, unitId: string, ownerId: string, executor: Db) {
	if (!(await mayOwn({ actor, unitId, ownerId }, executor))) throw invalid('ownerId', 'Not someone who can own this experiment');
}

/** The metric must be an area of the round's model, or one of the organization's KPIs in use. */
async function assertMetric(organizationId: string, model: CompiledModel, metric: MetricInput, executor: Db) {
	if (metric.kind === 'area') {
		if (!model.shape.areas.some((a) => a.key === metric.area)) throw invalid('metric.area', 'Not an area of the round’s model');
		return;
	}
	const kpi = await executor
		.selectFrom('kpis')
		.select('id')
		.where('organization_id', '=', organizationId)
		.where('id', '=', metric.kpiId)
		.where('archived_at', 'is', null)
		.executeTakeFirst();
	if (!kpi) throw invalid('metric.kpiId', 'Not one of your organization’s KPIs');
}

const metricColumns = (m: MetricInput) => ({
	metric_kind: m.kind,
	metric_area: m.kind === 'area' ? m.area : null,
	metric_kpi_id: m.kind === 'kpi' ? m.kpiId : null
});

/** A viewer with rights on the unit (or an admin) starts an experiment from a published round's finding. */
export async function createExperiment(opts: { actor: Actor; input: unknown; locale?: Locale }, executor: Db = db()): Promise<ExperimentView> {
	const input = parse(experimentInput, opts.input);
	const scope = await actionScope(opts.actor, executor);
	await assertUnits(scope, [input.unitId], executor);
	const org = scope.organizationId;
	const round = await getPublishedRound({ organizationId: org, roundId: input.roundId }, executor).catch(() => {
		throw invalid('roundId', 'Not a published round of your organization');
	});
	const model = await getModel(round.modelId, round.modelVersion);
	if (input.pairKey && !(model.structure.alignment?.pairs ?? []).some((p) => p.key === input.pairKey))
		throw invalid('pairKey', 'Not an alignment pair of the round’s model');
	if (input.statementKey && !model.statementKeys.includes(input.statementKey)) throw invalid('statementKey', 'Not a statement of the round’s model');
	await assertMetric(org, model, input.metric, executor);
	await assertOwner(opts.actor, input.unitId, input.ownerId, executor);
	const row = await executor
		.insertInto('experiments')
		.values({
			organization_id: org,
			unit_id: unitColumn(input.unitId),
			round_id: round.id,
			pair_key: input.pairKey,
			statement_key: input.statementKey,
			hypothesis: input.hypothesis,
			lever: input.lever,
			...metricColumns(input.metric),
			starts_on: input.startsOn,
			ends_on: input.endsOn,
			owner_id: input.ownerId,
			status: input.status,
			result: input.result,
			created_by: opts.actor.label
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit({ organizationId: org, actor: opts.actor.label, action: 'experiment_created', target: input.lever }, executor);
	return getExperiment({ actor: opts.actor, experimentId: row.id, locale: opts.locale }, executor);
}

/** Changes an experiment of a unit the actor may act on: its plan, window, owner, status or result. */
export async function updateExperiment(
	opts: { actor: Actor; experimentId: string; input: unknown; locale?: Locale },
	executor: Db = db()
): Promise<ExperimentView> {
	const patch = parse(experimentPatch, opts.input);
	const current = await getExperiment({ actor: opts.actor, experimentId: opts.experimentId }, executor);
	const org = opts.actor.membership!.organizationId;
	const problem = windowProblem(patch.startsOn ?? current.startsOn, patch.endsOn ?? current.endsOn);
	if (problem) throw invalid('endsOn', problem);
	if (patch.metric) {
		const [id, version] = current.round.model.split(' ');
		await assertMetric(org, await getModel(id, version), patch.metric, executor);
	}
	if (patch.ownerId !== undefined && patch.ownerId !== current.owner?.id) await assertOwner(opts.actor, current.unit.id, patch.ownerId, executor);
	await executor
		.updateTable('experiments')
		.set({
			...(patch.hypothesis !== undefined && { hypothesis: patch.hypothesis }),
			...(patch.lever !== undefined && { lever: patch.lever }),
			...(patch.metric && metricColumns(patch.metric)),
			...(patch.startsOn !== undefined && { starts_on: patch.startsOn }),
			...(patch.endsOn !== undefined && { ends_on: patch.endsOn }),
			...(patch.ownerId !== undefined && { owner_id: patch.ownerId }),
			...(patch.status !== undefined && { status: patch.status }),
			...(patch.result !== undefined && { result: patch.result }),
			updated_at: new Date()
		})
		.where('organization_id', '=', org)
		.where('id', '=', current.id)
		.execute();
	await recordAudit(
		{ organizationId: org, actor: opts.actor.label, action: 'experiment_updated', target: patch.lever ?? current.lever, details: { status: patch.status } },
		executor
	);
	return getExperiment({ actor: opts.actor, experimentId: current.id, locale: opts.locale }, executor);
}
