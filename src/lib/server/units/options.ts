import { db, type Db } from '$lib/server/db';
import { listUnits } from './queries';
import { flattenTree } from './tree';

/** Units as select options: "Area › Region › Team", in tree order. */
export async function unitOptions(opts: { organizationId: string }, executor: Db = db()) {
	const units = await listUnits(opts, executor);
	return flattenTree(units).map((r) => ({ id: r.unit.id, label: r.path.join(' › ') }));
}
