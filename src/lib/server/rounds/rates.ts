import type { Db } from '$lib/server/db';
import { listUnits } from '$lib/server/units/queries';
import { responseRates, type RateRow } from '$lib/rounds/rates';
import { getRound } from './queries';

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
 * Differencing protection for response rates (pure). A shown unit minus the shown units directly below it
 * (looking through hidden ones) leaves a group — its own people and its hidden sub-units — whose completions
 * could be worked out by subtraction; when that group has 1…k−1 invited, the smallest shown unit below is
 * hidden too, and so on until every such remainder is 0 or at least k. The total is the top of the tree.
 */
export function protectRates(rows: RateRow[], total: { invited: number; completed: number }, k: number): { rows: ProtectedRateRow[]; total: RateTotal } {
	const out: ProtectedRateRow[] = rows.map((r) => ({ ...r, hiddenReason: r.hidden ? 'fewer_than_k' : null }));
	const kids = new Map<number, number[]>();
	const stack: number[] = [];
	out.forEach((r, i) => {
		stack.length = r.depth;
		const parent = r.depth > 0 && stack[r.depth - 1] !== undefined ? stack[r.depth - 1] : -1;
		(kids.get(parent) ?? kids.set(parent, []).get(parent)!).push(i);
		stack[r.depth] = i;
	});
	const totalShown = total.invited >= k;
	const frontier = (n: number): number[] => {
		const found: number[] = [];
		const todo = [...(kids.get(n) ?? [])];
		while (todo.length) {
			const c = todo.pop()!;
			if (out[c].hidden) todo.push(...(kids.get(c) ?? []));
			else found.push(c);
		}
		return found;
	};
	for (let changed = true; changed; ) {
		changed = false;
		for (let n = -1; n < out.length && !changed; n++) {
			if (n === -1 ? !totalShown : out[n].hidden) continue;
			const below = frontier(n);
			const rest = (n === -1 ? total.invited : out[n].invited!) - below.reduce((s, c) => s + out[c].invited!, 0);
			if (rest > 0 && rest < k && below.length > 0) {
				const smallest = below.reduce((a, b) => (out[b].invited! < out[a].invited! ? b : a));
				out[smallest] = { ...out[smallest], invited: null, completed: null, rate: null, hidden: true, hiddenReason: 'protects_smaller_group' };
				changed = true;
			}
		}
	}
	return {
		rows: out,
		total: totalShown
			? { invited: total.invited, completed: total.completed, rate: total.invited ? total.completed / total.invited : null, hidden: false }
			: { invited: total.invited, completed: null, rate: null, hidden: true }
	};
}

/** Live response rates of a round per unit (admins only), by the frozen units of its invitations. */
export async function roundResponseRates(db: Db, opts: { organizationId: string; roundId: string }) {
	const round = await getRound(db, opts);
	const [units, counts] = await Promise.all([
		listUnits(db, opts),
		db
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
	return { round, k: round.minGroupSize, ...protectRates(involved, total, round.minGroupSize) };
}
