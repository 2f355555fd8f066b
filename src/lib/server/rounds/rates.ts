import type { Db } from '$lib/server/db';
import { listUnits } from '$lib/server/units/queries';
import { responseRates } from '$lib/rounds/rates';
import { getRound } from './queries';

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
	return { round, k: round.minGroupSize, ...responseRates(units, map, round.minGroupSize) };
}
