import { db, type Db } from '$lib/server/db';
import { listUnits } from '$lib/server/units/queries';
import { protectRates, responseRates } from '$lib/rounds/rates';
import { getRound } from './queries';

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
