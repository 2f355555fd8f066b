/**
 * Response rates per unit for admins (pure). A unit's figures cover its whole subtree. A unit with fewer
 * than k invited in its subtree shows no rate of its own; its people still count in its parent's.
 */
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

export function responseRates(units: RateUnit[], counts: Map<string, { invited: number; completed: number }>, k: number): { rows: RateRow[]; total: { invited: number; completed: number; rate: number | null } } {
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
