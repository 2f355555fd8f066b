/**
 * Response rates per unit for admins (pure). A unit's figures cover its whole subtree. A unit with fewer
 * than k invited in its subtree shows no rate of its own; its people still count in its parent's.
 * Reading a round's counts from the database: server/rounds/response-rates.ts.
 */
import { suppress, type GroupNode } from '$lib/results/suppression';

export interface RateUnit {
	id: string;
	parentId: string | null;
	name: string;
}

export interface RateRow {
	unitId: string;
	name: string;
	depth: number;
	invited: number | null;
	completed: number | null;
	rate: number | null;
	hidden: boolean;
}

export function responseRates(
	units: RateUnit[],
	counts: Map<string, { invited: number; completed: number }>,
	k: number
): { rows: RateRow[]; total: { invited: number; completed: number; rate: number | null } } {
	const children = new Map<string | null, RateUnit[]>();
	for (const u of units) (children.get(u.parentId) ?? children.set(u.parentId, []).get(u.parentId)!).push(u);
	const rows: RateRow[] = [];
	const walk = (u: RateUnit, depth: number): { invited: number; completed: number } => {
		const at = rows.length;
		rows.push({ unitId: u.id, name: u.name, depth, invited: null, completed: null, rate: null, hidden: true });
		const own = counts.get(u.id) ?? { invited: 0, completed: 0 };
		const sum = { ...own };
		for (const c of (children.get(u.id) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
			const s = walk(c, depth + 1);
			sum.invited += s.invited;
			sum.completed += s.completed;
		}
		if (sum.invited >= k) rows[at] = { ...rows[at], invited: sum.invited, completed: sum.completed, rate: sum.completed / sum.invited, hidden: false };
		return sum;
	};
	const total = { invited: 0, completed: 0 };
	const ids = new Set(units.map((u) => u.id));
	for (const root of units.filter((u) => !u.parentId || !ids.has(u.parentId)).sort((a, b) => a.name.localeCompare(b.name))) {
		const s = walk(root, 0);
		total.invited += s.invited;
		total.completed += s.completed;
	}
	const shown = total.invited >= k;
	return { rows, total: { invited: total.invited, completed: shown ? total.completed : 0, rate: shown ? total.completed / total.invited : null } };
}

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
export function protectRates(
	rows: RateRow[],
	total: { invited: number; completed: number },
	k: number,
	own: Map<string, number>
): { rows: ProtectedRateRow[]; total: RateTotal } {
	const TOTAL = 'total';
	const parents: string[] = [];
	const nodes: GroupNode[] = rows.map((r) => {
		parents.length = r.depth;
		const node = {
			id: r.unitId,
			parentId: r.depth > 0 ? (parents[r.depth - 1] ?? TOTAL) : TOTAL,
			own: { invited: own.get(r.unitId) ?? 0 }
		};
		parents[r.depth] = r.unitId;
		return node;
	});
	const listed = nodes.reduce((s, n) => s + n.own.invited, 0);
	nodes.unshift({ id: TOTAL, parentId: null, own: { invited: total.invited - listed } });
	const shown = suppress({ nodes, visible: new Set(nodes.map((n) => n.id)), k, roles: false });
	const out: ProtectedRateRow[] = rows.map((r) =>
		shown.get(r.unitId)?.all
			? { ...r, hiddenReason: null }
			: { ...r, invited: null, completed: null, rate: null, hidden: true, hiddenReason: r.hidden ? 'fewer_than_k' : 'protects_smaller_group' }
	);
	return {
		rows: out,
		total: shown.get(TOTAL)?.all
			? { invited: total.invited, completed: total.completed, rate: total.invited ? total.completed / total.invited : null, hidden: false }
			: { invited: total.invited, completed: null, rate: null, hidden: true }
	};
}
