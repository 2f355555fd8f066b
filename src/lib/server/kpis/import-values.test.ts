import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { ForbiddenError, ValidationError } from '$lib/server/errors';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { csvBytes, xlsxBytes } from '$tests/import-files';
import { installStarterKpis } from './definitions';
import { importKpiValues } from './import-values';

async function setup() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	await installStarterKpis({ organizationId: org.id, actor: admin });
	const unit = (name: string, parent: string | null) =>
		db()
			.insertInto('units')
			.values({ organization_id: org.id, name, parent_id: parent })
			.returning('id')
			.executeTakeFirstOrThrow()
			.then((u) => u.id);
	const nordics = await unit('Nordics', null);
	const stockholm = await unit('Stockholm', nordics);
	const gothenburg = await unit('Gothenburg', nordics);
	const email = uniqueEmail('anna');
	await db().insertInto('users').values({ organization_id: org.id, name: 'Anna', email, language: 'sv', unit_id: stockholm }).execute();
	const run = (mode: 'preview' | 'apply', fileName: string, bytes: Uint8Array) =>
		importKpiValues({ organizationId: org.id, actor: admin, fileName, bytes, mode });
	return { org, admin, email, units: { nordics, stockholm, gothenburg }, run };
}

const stored = (organizationId: string) =>
	db()
		.selectFrom('kpi_values as v')
		.innerJoin('kpis as k', (j) => j.onRef('k.organization_id', '=', 'v.organization_id').onRef('k.id', '=', 'v.kpi_id'))
		.select(['k.key', 'v.unit_id', 'v.user_id', 'v.month', 'v.plan', 'v.actual'])
		.where('v.organization_id', '=', organizationId)
		.orderBy('k.key')
		.orderBy('v.month')
		.execute();

describe('importKpiValues', () => {
	it('previews without writing, applies, and a re-import is unchanged', async () => {
		const { org, email, units, run } = await setup();
		const csv = csvBytes(
			[
				'kpi,unit,person,month,plan,actual,crm_id',
				'order_intake,Nordics / Stockholm,,2026-01,1000000,950000.5,x1',
				'Sales,nordics / gothenburg,,2026-01,500000,,x2',
				'Orderingång,,' + email.toUpperCase() + ',2026-02-01,120000,130000,x3',
				',,,,,,',
				'order_intake,Gothenburg,,2026-02,,,x4'
			].join('\n')
		);
		const preview = await run('preview', 'crm.csv', csv);
		expect(preview).toMatchObject({ rows: 4, skipped: 1, values: 3, errorRows: 0, counts: { created: 3, updated: 0, unchanged: 0 } });
		expect(preview.ignored).toEqual(['crm_id']);
		expect(await stored(org.id)).toEqual([]);
		const applied = await run('apply', 'crm.csv', csv);
		expect(applied.counts).toEqual({ created: 3, updated: 0, unchanged: 0, corrections: 0 });
		const rows = await stored(org.id);
		expect(rows).toHaveLength(3);
		expect(rows.find((r) => r.key === 'order_intake' && r.unit_id === units.stockholm)).toMatchObject({
			month: '2026-01-01',
			plan: '1000000',
			actual: '950000.5'
		});
		expect(rows.find((r) => r.key === 'sales')).toMatchObject({ unit_id: units.gothenburg, plan: '500000', actual: null });
		expect(rows.find((r) => r.user_id)).toMatchObject({ key: 'order_intake', month: '2026-02-01', actual: '130000' });
		expect((await run('apply', 'crm.csv', csv)).counts).toEqual({ created: 0, updated: 0, unchanged: 3, corrections: 0 });
		// A late correction: the preview counts it as applying will, and writes nothing.
		const late = csvBytes('kpi,unit,month,actual\norder_intake,Nordics / Stockholm,2026-01,960000\nsales,Nordics / Gothenburg,2026-01,480000\n');
		expect((await run('preview', 'late.csv', late)).counts).toEqual({ created: 0, updated: 2, unchanged: 0, corrections: 1 });
		expect((await stored(org.id)).find((r) => r.key === 'sales')?.actual).toBeNull();
		expect((await run('apply', 'late.csv', late)).counts).toEqual({ created: 0, updated: 2, unchanged: 0, corrections: 1 });
	});

	it('writes a big file in bulk (hash joins, in the input’s months only) with the same counts', async () => {
		const { org, run } = await setup();
		const file = (actual: number) => {
			const lines = ['kpi,unit,month,plan,actual'];
			for (const kpi of ['order_intake', 'sales', 'gross_margin'])
				for (const unit of ['Nordics / Stockholm', 'Nordics / Gothenburg'])
					for (let m = 0; m < 200; m++) lines.push(`${kpi},${unit},${2010 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')},100,${actual}`);
			return csvBytes(lines.join('\n'));
		};
		expect((await run('apply', 'big.csv', file(90))).counts).toEqual({ created: 1200, updated: 0, unchanged: 0, corrections: 0 });
		expect((await run('preview', 'big.csv', file(95))).counts).toEqual({ created: 0, updated: 1200, unchanged: 0, corrections: 1200 });
		expect((await run('apply', 'big.csv', file(95))).counts).toEqual({ created: 0, updated: 1200, unchanged: 0, corrections: 1200 });
		expect(new Set((await stored(org.id)).map((r) => r.actual))).toEqual(new Set(['95']));
	});

	it('is for admins only', async () => {
		const { org, units } = await setup();
		const viewer = await createTestActor(org.id, 'viewer', units.nordics);
		const bytes = csvBytes('kpi,unit,month,plan\nsales,Nordics,2026-01,1\n');
		await expect(importKpiValues({ organizationId: org.id, actor: viewer, fileName: 'x.csv', bytes, mode: 'preview' })).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('changes nothing when one row is wrong, and names the row', async () => {
		const { org, units, run } = await setup();
		const csv = csvBytes(
			[
				'kpi;unit;month;plan;actual',
				'order_intake;Nordics / Stockholm;2026-01;10;5',
				'salez;Nordics / Stockholm;2026-01;10;5',
				'sales;Nordics / Malmö;2026-01;10;',
				'sales;Nordics / Stockholm;2026-13;10;',
				'sales;Nordics / Stockholm;2026-01;ten;',
				'pipeline_coverage;Nordics / Stockholm;2026-01;3;',
				`order_intake;${units.stockholm};2026-01;11;`
			].join('\r\n')
		);
		const result = await run('apply', 'bad.csv', csv);
		expect(result.counts).toBeNull();
		expect(result.errorRows).toBe(6);
		expect(result.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8]);
		expect(result.errors[0].message).toBe("There is no KPI 'salez'");
		expect(result.errors[1].message).toMatch(/There is no unit 'Nordics \/ Malmö'/);
		expect(result.errors[2].message).toMatch(/'2026-13' is not a month/);
		expect(result.errors[3].message).toMatch(/^plan: Write a number/);
		expect(result.errors[4].message).toMatch(/is a ratio of two KPIs/);
		expect(result.errors[5].message).toBe('The same KPI, unit and month as row 2');
		expect(await stored(org.id)).toEqual([]);
	});

	it('reads decimal commas, Excel numbers and Excel dates', async () => {
		const { org, units, run } = await setup();
		const csv = csvBytes('kpi;unit;month;plan;actual\r\nsales;Stockholm;2026-03;"1 234 567,50";1\u00a0000,25\r\n', { bom: true });
		expect((await run('apply', 'sv.csv', csv)).counts).toMatchObject({ created: 1 });
		const xlsx = await xlsxBytes([
			['KPI', 'Unit', 'Month', 'Plan', 'Actual'],
			['Försäljning', 'Nordics / Gothenburg', new Date(Date.UTC(2026, 3, 1)), 2500.75, 0.1 + 0.2],
			['sales', 'Nordics / Gothenburg', 46082, '3 000,5', 1.5e6],
			['gross_margin', 'Nordics / Gothenburg', '2026-05-15', 1e-7, null]
		]);
		const result = await run('apply', 'excel.xlsx', xlsx);
		expect(result.errors).toEqual([{ row: 4, message: expect.stringMatching(/^plan: Write a number/) }]);
		const fixed = await xlsxBytes([
			['KPI', 'Unit', 'Month', 'Plan', 'Actual'],
			['Försäljning', 'Nordics / Gothenburg', new Date(Date.UTC(2026, 3, 1)), 2500.75, 0.1 + 0.2],
			['sales', 'Nordics / Gothenburg', 46082, '3 000,5', 1.5e6]
		]);
		expect((await run('apply', 'excel.xlsx', fixed)).counts).toMatchObject({ created: 2 });
		const rows = (await stored(org.id)).filter((r) => r.unit_id === units.gothenburg);
		expect(rows.map((r) => [r.month, r.plan, r.actual])).toEqual([
			['2026-03-01', '3000.5', '1500000'],
			['2026-04-01', '2500.75', '0.3']
		]);
		expect((await stored(org.id)).find((r) => r.unit_id === units.stockholm)).toMatchObject({ plan: '1234567.50', actual: '1000.25' });
	});

	it('refuses a file without the needed columns, and a file that is not a spreadsheet', async () => {
		const { run } = await setup();
		await expect(run('preview', 'x.csv', csvBytes('kpi,unit,plan\nsales,Stockholm,1\n'))).rejects.toThrow(/no column month/);
		await expect(run('preview', 'x.pdf', csvBytes('kpi'))).rejects.toBeInstanceOf(ValidationError);
	});
});
