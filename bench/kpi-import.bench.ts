import { expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { saveKpiSet } from '$lib/server/kpis/definitions';
import { importKpiValues } from '$lib/server/kpis/import-values';
import { csvBytes, xlsxBytes } from '$tests/import-files';
import { createTestActor, createTestOrganization } from '$tests/fixtures';

const AREAS = 4;
const REGIONS_PER_AREA = 5;
const TEAMS_PER_REGION = 10; // 200 teams
const MONTHS = 12;
const KPIS = 40;
const PEOPLE = 100; // one month of every KPI per person
const VALUES = AREAS * REGIONS_PER_AREA * TEAMS_PER_REGION * MONTHS * KPIS + PEOPLE * KPIS; // 100,000

const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function organization() {
	const org = await createTestOrganization();
	const actor = await createTestActor(org.id, 'admin');
	const definitions = Array.from({ length: KPIS }, (_, k) => ({
		key: `kpi_${k}`,
		names: { en: `KPI ${k}`, sv: `Nyckeltal ${k}` },
		unit: 'currency',
		direction: 'higher',
		rollup: { kind: 'sum' }
	}));
	await saveKpiSet({ organizationId: org.id, actor, definitions });
	const paths: string[] = [];
	for (let a = 0; a < AREAS; a++) {
		const area = await db()
			.insertInto('units')
			.values({ organization_id: org.id, name: `Area ${a}` })
			.returning('id')
			.executeTakeFirstOrThrow();
		for (let r = 0; r < REGIONS_PER_AREA; r++) {
			const region = await db()
				.insertInto('units')
				.values({ organization_id: org.id, name: `Region ${a}.${r}`, parent_id: area.id })
				.returning('id')
				.executeTakeFirstOrThrow();
			const teams = Array.from({ length: TEAMS_PER_REGION }, (_, t) => ({ organization_id: org.id, name: `Team ${a}.${r}.${t}`, parent_id: region.id }));
			await db().insertInto('units').values(teams).execute();
			paths.push(...teams.map((t) => `Area ${a} / Region ${a}.${r} / ${t.name}`));
		}
	}
	const emails = Array.from({ length: PEOPLE }, (_, i) => `seller.${i}.${org.id.slice(0, 8)}@example.com`);
	await db()
		.insertInto('users')
		.values(emails.map((email, i) => ({ organization_id: org.id, name: `Seller ${i}`, email, language: 'sv' as const })))
		.execute();
	return { org, actor, paths, emails };
}

/** The long CRM shape: kpi, unit, person, month, plan, actual; Swedish decimal commas in half the figures. */
function rows(paths: string[], emails: string[], bump = 0): string[][] {
	const out: string[][] = [['kpi', 'unit', 'person', 'month', 'plan', 'actual']];
	paths.forEach((path, u) => {
		for (let m = 1; m <= MONTHS; m++)
			for (let k = 0; k < KPIS; k++) out.push([`kpi_${k}`, path, '', `2026-${String(m).padStart(2, '0')}`, `${1000 + u + k}`, `${950 + u + bump},5`]);
	});
	for (const email of emails) for (let k = 0; k < KPIS; k++) out.push([`kpi_${k}`, '', email, '2026-01', '100', `${90 + k + bump}.25`]);
	return out;
}

async function measure(name: string, fileName: string, make: (rows: string[][]) => Promise<Uint8Array>) {
	const { org, actor, paths, emails } = await organization();
	const run = (mode: 'preview' | 'apply', bytes: Uint8Array) => importKpiValues({ organizationId: org.id, actor, fileName, bytes, mode });
	const bytes = await make(rows(paths, emails));
	const t0 = performance.now();
	const preview = await run('preview', bytes);
	const t1 = performance.now();
	const applied = await run('apply', bytes);
	const t2 = performance.now();
	expect(preview).toMatchObject({ rows: VALUES, values: VALUES, errorRows: 0, counts: { created: VALUES } });
	expect(applied.counts).toEqual({ created: VALUES, updated: 0, unchanged: 0, corrections: 0 });
	const again = await make(rows(paths, emails, 1));
	const t3 = performance.now();
	await run('preview', again);
	const t4 = performance.now();
	const corrected = await run('apply', again);
	const t5 = performance.now();
	expect(corrected.counts).toEqual({ created: 0, updated: VALUES, unchanged: 0, corrections: VALUES });
	const mb = (bytes.length / 1024 / 1024).toFixed(1);
	console.log(
		`kpi import ${name} (${mb} MB, ${VALUES} values): new: preview ${seconds(t1 - t0)} s + apply ${seconds(t2 - t1)} s = ${seconds(t2 - t0)} s; ` +
			`every actual corrected: preview ${seconds(t4 - t3)} s + apply ${seconds(t5 - t4)} s = ${seconds(t5 - t3)} s (budget 5 s)`
	);
}

it(`imports ${VALUES} KPI values from a CSV file`, async () => {
	await measure('csv', 'crm.csv', async (rows) => csvBytes(rows.map((r) => r.join(';')).join('\r\n')));
});

it(`imports ${VALUES} KPI values from an xlsx file`, async () => {
	await measure('xlsx', 'crm.xlsx', (rows) => xlsxBytes(rows));
});
