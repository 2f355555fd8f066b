import { db, type Db } from '$lib/server/db';
import { listUnits } from '$lib/server/units/queries';
import { responseRates, type RateRow } from '$lib/rounds/rates';
import { getRound } from './queries';
import { suppress, type GroupNode } from '$lib/results/suppression';

/** Why a unit shows no figures: too few invited, or its figures would let a smaller group be worked out. */
export type HiddenReason = 'fewer_than_k' | 'protects_smaller_group';
export interface ProtectedRateRow extends RateRow {
	hiddenReason: HiddenReason | null;
}
export interface RateTotal {
	invited: number;
	completed: number | null;
	rate: number | null;
	hidden: boolean;
}

/**
 * Differencing protection for response rates: the shared suppression rule (results/suppression.ts),
 * with invitations as the group sizes. A unit shows a rate only with at least k invited, and only
 * when no subtraction of shown figures (from the total, or from a unit above) leaves 1…k−1 invited;
 * the total is the top of the tree. `own` is each unit's own invitations (its people, not its sub-units').
 */
export function protectRates(rows: RateRow[], total: { invited: number; completed: number }, k: number, own: Map<string, number>): { rows: ProtectedRateRow[]; total: RateTotal } {
	const TOTAL = 'total';
	const parents: string[] = [];
	const nodes: GroupNode[] = rows.map((r) => {
		parents.length = r.depth;
		const node = { id: r.unitId, parentId: r.depth > 0 ? (parents[r.depth - 1] ?? TOTAL) : TOTAL, own: { sales_person: own.get(r.unitId) ?? 0, sales_manager: 0 } };
		parents[r.depth] = r.unitId;
		return node;
	});
	const listed = nodes.reduce((s, n) => s + n.own.sales_person, 0);
	nodes.unshift({ id: TOTAL, parentId: null, own: { sales_person: total.invited - listed, sales_manager: 0 } });
	const shown = suppress({ nodes, visible: new Set(nodes.map((n) => n.id)), k, roles: false });
	const out: ProtectedRateRow[] = rows.map((r) =>
		shown.get(r.unitId)?.all ? { ...r, hiddenReason: null } : { ...r, invited: null, completed: null, rate: null, hidden: true, hiddenReason: r.hidden ? 'fewer_than_k' : 'protects_smaller_group' }
	);
	return {
		rows: out,
		total: shown.get(TOTAL)?.all
			? { invited: total.invited, completed: total.completed, rate: total.invited ? total.completed / total.invited : null, hidden: false }
			: { invited: total.invited, completed: null, rate: null, hidden: true }
	};
}

/** Live response rates of a round per unit (admins only), by the frozen units of its invitations. */
export async function roundResponseRates(opts: { organizationId: string; roundId: string }, executor: Db = db()) {
	const round = await getRound(opts, executor);
	const [units, counts] = await Promise.all([
		listUnits(opts, executor),
		executor
			.selectFrom('invitations')
			.select((eb) => ['unit_id', eb.fn.countAll<number>().as('invited'), eb.fn.count<number>('id').filterWhere('completed', '=', true).as('completed')])
			.where('organization_id', '=', opts.organizationId)
			.where('round_id', '=', round.id)
			.groupBy('unit_id')
			.execute()
	]);
	const map = new Map(counts.map((c) => [c.unit_id, { invited: Number(c.invited), completed: Number(c.completed) }]));
	// The total counts every invitation, also of units deleted since the launch (they have no row of their own).
	const total = { invited: 0, completed: 0 };
	for (const c of map.values()) {
		total.invited += c.invited;
		total.completed += c.completed;
	}
	const { rows } = responseRates(units, map, round.minGroupSize);
	// Units nobody in the round belongs to (e.g. not chosen) are left out rather than shown as "fewer than k".
	const inSubtree = new Array<number>(rows.length);
	const below: number[] = [];
	for (let i = rows.length - 1; i >= 0; i--) {
		const d = rows[i].depth;
		inSubtree[i] = (map.get(rows[i].unitId)?.invited ?? 0) + (below[d + 1] ?? 0);
		below[d + 1] = 0;
		below[d] = (below[d] ?? 0) + inSubtree[i];
	}
	const involved = rows.filter((_, i) => inSubtree[i] > 0);
	return { round, k: round.minGroupSize, ...protectRates(involved, total, round.minGroupSize, new Map([...map].map(([id, c]) => [id, c.invited]))) };
}
