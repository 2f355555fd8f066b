import { expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { installStarterKpis } from './definitions';
import { buildKpiTemplate } from './import-template';
import { importKpiValues } from './import-values';

it('gives a template with the organization’s KPIs and units that reads back as an import', async () => {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	await installStarterKpis({ organizationId: org.id, actor: admin });
	const nordics = await db().insertInto('units').values({ organization_id: org.id, name: 'Nordics' }).returning('id').executeTakeFirstOrThrow();
	await db().insertInto('units').values({ organization_id: org.id, name: 'Oslo', parent_id: nordics.id }).execute();
	const now = new Date('2026-04-10T12:00:00Z');
	const csv = (await buildKpiTemplate({ organizationId: org.id, format: 'csv', now })).toString('utf8');
	expect(csv.split('\r\n').slice(0, 2)).toEqual(['\ufeffkpi,unit,person,month,plan,actual', 'order_intake,Nordics / Oslo,,2026-03,1200000,1150000']);
	for (const format of ['xlsx', 'csv'] as const) {
		const bytes = new Uint8Array(await buildKpiTemplate({ organizationId: org.id, format, now }));
		const preview = await importKpiValues({ organizationId: org.id, actor: admin, fileName: `t.${format}`, bytes, mode: 'preview' });
		// The example person is made up: the unit rows read, that row names itself.
		expect(preview).toMatchObject({ rows: 3, values: 3, errorRows: 1, ignored: [] });
		expect(preview.errors).toEqual([{ row: 4, message: 'There is no person with the email anna.lindqvist@example.com' }]);
	}
});
