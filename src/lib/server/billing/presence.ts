import { db, type Db } from '$lib/server/db';
import { addDays, dateIn } from './dates';
import type { Period, Presence } from './seats';

/** The stretches (a day's margin either side: the dates are Stockholm's) of every person's role in one organization that overlap `period`, as Stockholm dates. */
export async function presenceIn(organizationId: string, period: Period, executor: Db = db()): Promise<Presence[]> {
	const rows = await executor
		.selectFrom('billable_presence')
		.select(['email', 'from_at', 'until_at'])
		.where('organization_id', '=', organizationId)
		.where('from_at', '<', new Date(`${addDays(period.end, 1)}T00:00:00Z`))
		.where((eb) => eb.or([eb('until_at', 'is', null), eb('until_at', '>=', new Date(`${addDays(period.start, -1)}T00:00:00Z`))]))
		.execute();
	return rows.map((r) => ({ email: r.email, from: dateIn(new Date(r.from_at)), until: r.until_at ? dateIn(new Date(r.until_at)) : null }));
}
