import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { NotFoundError } from '$lib/server/errors';
import { isUuid, parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { actionScope, assertUnits, unitColumn, unitList, unitOfRow } from '$lib/server/actions/policy';
import { ORGANIZATION } from '$lib/results/view';
import { decisionInput } from './input';

export interface DecisionView {
	id: string;
	unit: { id: string; name: string };
	decidedOn: string;
	title: string;
	reason: string;
	createdBy: string;
	createdAt: Date;
}

function base(organizationId: string, executor: Db = db()) {
	return (
		executor
			.selectFrom('decisions as d')
			// No unit: the organization as a whole, named as the organization.
			.innerJoin('organizations as g', 'g.id', 'd.organization_id')
			.leftJoin('units as u', (j) => j.onRef('u.organization_id', '=', 'd.organization_id').onRef('u.id', '=', 'd.unit_id'))
			.leftJoin('users as c', (j) => j.onRef('c.organization_id', '=', 'd.organization_id').onRef('c.email', '=', 'd.created_by'))
			.select([
				'd.id',
				'd.unit_id',
				'u.name as unit_name',
				'g.name as organization_name',
				'd.decided_on',
				'd.title',
				'd.reason',
				'd.created_by',
				'c.name as creator_name',
				'd.created_at'
			])
			.where('d.organization_id', '=', organizationId)
	);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
const present = (r: Row): DecisionView => ({
	id: r.id,
	unit: { id: unitOfRow(r.unit_id), name: r.unit_name ?? r.organization_name },
	decidedOn: r.decided_on,
	title: r.title,
	reason: r.reason,
	createdBy: r.creator_name ?? r.created_by,
	createdAt: r.created_at
});

/** A viewer with rights on the unit (or an admin) records a dated management decision for it. */
export async function recordDecision(opts: { actor: Actor; input: unknown }, executor: Db = db()): Promise<DecisionView> {
	const input = parse(decisionInput, opts.input);
	const scope = await actionScope(opts.actor, executor);
	await assertUnits(scope, [input.unitId], executor);
	const row = await executor
		.insertInto('decisions')
		.values({
			organization_id: scope.organizationId,
			unit_id: unitColumn(input.unitId),
			decided_on: input.decidedOn,
			title: input.title,
			reason: input.reason,
			created_by: opts.actor.label
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit({ organizationId: scope.organizationId, actor: opts.actor.label, action: 'decision_recorded', target: input.title }, executor);
	return present(await base(scope.organizationId, executor).where('d.id', '=', row.id).executeTakeFirstOrThrow());
}

/**
 * Decisions of units the actor may act on, oldest first (404 for a unit outside their subtree or
 * organization). ORGANIZATION among `unitIds` names the organization's own decisions; `unitIds: null`
 * lists every decision the actor may see (an admin's include the organization's own).
 */
export async function listDecisions(opts: { actor: Actor; unitIds: string[] | null }, executor: Db = db()): Promise<DecisionView[]> {
	const scope = await actionScope(opts.actor, executor);
	let q = base(scope.organizationId, executor);
	if (opts.unitIds) {
		await assertUnits(scope, opts.unitIds, executor);
		const ids = opts.unitIds.filter((id) => id !== ORGANIZATION);
		const whole = ids.length < opts.unitIds.length;
		q = q.where((w) => w.or([w('d.unit_id', 'in', unitList(ids)), ...(whole ? [w('d.unit_id', 'is', null)] : [])]));
	} else if (scope.unitIds) q = q.where('d.unit_id', 'in', unitList(scope.unitIds));
	const rows = await q.orderBy('d.decided_on').orderBy('d.created_at').execute();
	return rows.map(present);
}

/** Removes a decision recorded by mistake (anyone who may record decisions for its unit). */
export async function deleteDecision(opts: { actor: Actor; decisionId: string }, executor: Db = db()): Promise<void> {
	if (!isUuid(opts.decisionId)) throw new NotFoundError('decision');
	const scope = await actionScope(opts.actor, executor);
	const row = await base(scope.organizationId, executor).where('d.id', '=', opts.decisionId).executeTakeFirst();
	if (!row || !scope.canSee(unitOfRow(row.unit_id))) throw new NotFoundError('decision');
	await executor.deleteFrom('decisions').where('organization_id', '=', scope.organizationId).where('id', '=', row.id).execute();
	await recordAudit({ organizationId: scope.organizationId, actor: opts.actor.label, action: 'decision_deleted', target: row.title }, executor);
}
