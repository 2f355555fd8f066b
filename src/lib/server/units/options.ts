import type { Db } from '$lib/server/db';
import { listUnits } from './queries';
import { flattenTree } from './tree';

/** Units as select options: "Area › Region › Team", in tree order. */
export async function unitOptions(db: Db, opts: { organizationId: string }) {
	const units = await listUnits(db, opts);
	return flattenTree(units).map((r) => ({ id: r.unit.id, label: r.path.join(' › ') }));
}
