import { expect, it } from 'vitest';
import { readKpiFileOnce } from './import-once';

const csv = (s: string) => new TextEncoder().encode(s);
const FILE = csv('kpi,unit,month,plan\nsales,North,2026-01,100\n');

it('an apply of the file just previewed reuses its cells; anything else is read afresh', async () => {
	const read = (organizationId: string, mode: 'preview' | 'apply', bytes = FILE) => readKpiFileOnce({ organizationId, fileName: 'plans.csv', bytes, mode });
	const previewed = await read('org-a', 'preview');
	expect(await read('org-a', 'apply')).toBe(previewed);
	// Used once: a second apply reads again (with the same cells).
	const again = await read('org-a', 'apply');
	expect(again).not.toBe(previewed);
	expect(again).toEqual(previewed);
	// Another organization, or other bytes, never get the kept cells.
	await read('org-a', 'preview');
	expect(await read('org-b', 'apply')).not.toBe(previewed);
	const kept = await read('org-a', 'preview');
	const changed = await read('org-a', 'apply', csv('kpi,unit,month,plan\nsales,North,2026-01,999\n'));
	expect(changed).not.toBe(kept);
	expect(changed.rows[0]).toEqual(['sales', 'North', '2026-01', '999']);
});
