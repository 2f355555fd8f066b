import ExcelJS from 'exceljs';
import { db, type Db } from '$lib/server/db';
import { safeCell } from '$lib/server/imports/template';
import { addMonths, monthKey, monthOf } from '$lib/kpis/month';
import { flattenTree } from '$lib/server/units/tree';
import { pickZone } from '$lib/time/zone';
import { listKpis, type KpiRow } from './definitions';
import { KPI_COLUMNS } from './import-cells';
import { MAX_VALUES } from './input';

const takesValues = (k: KpiRow) => k.definition.rollup.kind !== 'ratio';

function instructions(): string[][] {
	return [
		['Column', 'What to enter'],
		['kpi', 'The KPI: its key (order_intake) or its English or Swedish name (Order intake, Orderingång). The KPIs sheet lists them.'],
		['unit', "The unit's path, levels from the top separated by ' / ' (Nordics / Stockholm), or its id. A name alone will do when no other unit has it."],
		['person', "Instead of a unit: the sales person's work email. Fill in a unit or a person on each row, never both."],
		['month', 'The calendar month: 2026-03. Excel dates (any day of the month) and 2026-03-01 work too.'],
		['plan', 'The plan for that month. Numbers like 1200, 12.5 or 1 234,50 (a decimal comma is fine). Blank: the plan is left as it is.'],
		['actual', 'The outcome of that month, written like the plan. Blank: the actual is left as it is.'],
		['', ''],
		[
			'',
			'One row per KPI, unit or person, and month: the shape a CRM export has. Column names are not case-sensitive, their order does not matter, and other columns are ignored.'
		],
		[
			'',
			"Each figure is the unit's or person's own, not the sum of the units below it: SOS adds them up. Percentages are in percent points (42.5 means 42.5 %)."
		],
		['', 'A KPI computed from two others (a ratio, such as pipeline coverage) takes no values: import its parts.'],
		['', 'Importing the same file again changes nothing. A changed figure replaces the old one, which is kept as a correction.'],
		['', 'You see a preview first. A file with any error imports nothing; each error names its row.'],
		['', `Save as .xlsx, or as CSV UTF-8 (comma or semicolon separated). At most ${MAX_VALUES.toLocaleString('en-US')} rows and 10 MB per file.`]
	].map((row) => row.map(safeCell));
}

function kpiSheet(kpis: KpiRow[]): string[][] {
	return [
		['key', 'English name', 'Swedish name', 'unit', 'takes values'],
		...kpis.map((k) => {
			const r = k.definition.rollup;
			const values = r.kind === 'ratio' ? `no: computed as ${r.numerator} ÷ ${r.denominator}` : 'yes';
			return [k.key, k.definition.names.en, k.definition.names.sv, k.definition.unit, values].map(safeCell);
		})
	];
}

/** Example rows: the organization's first KPIs and unit, last month. */
function exampleRows(kpis: KpiRow[], unitPath: string, month: string): string[][] {
	const keys = kpis.filter(takesValues).slice(0, 2);
	const rows = keys.map((k, i) => [k.key, unitPath, '', month, i === 0 ? '1200000' : '950000', i === 0 ? '1150000' : '']);
	if (keys[0]) rows.push([keys[0].key, '', 'anna.lindqvist@example.com', month, '150000', '162500,50']);
	return rows.map((r) => r.map(safeCell));
}

async function buildXlsx(rows: string[][], kpis: KpiRow[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const values = workbook.addWorksheet('Values', { views: [{ state: 'frozen', ySplit: 1 }] });
	values.addRow([...KPI_COLUMNS]).font = { bold: true };
	for (const row of rows) values.addRow(row);
	values.columns.forEach((col, i) => (col.width = [20, 32, 30, 10, 14, 14][i]));
	values.getColumn(4).numFmt = '@'; // months stay text: 2026-03, not a date Excel guesses
	const list = workbook.addWorksheet('KPIs');
	for (const row of kpiSheet(kpis)) list.addRow(row);
	list.getRow(1).font = { bold: true };
	list.columns.forEach((col, i) => (col.width = [22, 26, 26, 10, 40][i]));
	const help = workbook.addWorksheet('Instructions');
	for (const row of instructions()) help.addRow(row);
	help.getRow(1).font = { bold: true };
	help.getColumn(1).width = 12;
	help.getColumn(2).width = 120;
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvField = (value: string) => (/[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The download: the columns and example rows with the organization's KPIs (xlsx adds a KPIs and an Instructions sheet). */
export async function buildKpiTemplate(opts: { organizationId: string; format: 'xlsx' | 'csv'; now?: Date }, executor: Db = db()): Promise<Buffer> {
	const [kpis, units, org] = await Promise.all([
		listKpis({ organizationId: opts.organizationId }, executor),
		executor.selectFrom('units').select(['id', 'parent_id as parentId', 'name']).where('organization_id', '=', opts.organizationId).execute(),
		executor.selectFrom('organizations').select('country').where('id', '=', opts.organizationId).executeTakeFirstOrThrow()
	]);
	const deepest = flattenTree(units).reduce<string[] | null>((best, r) => (!best || r.path.length > best.length ? r.path : best), null);
	const month = monthKey(addMonths(monthOf(opts.now ?? new Date(), pickZone(null, org.country)), -1));
	const rows = exampleRows(kpis, (deepest ?? ['Nordics', 'Stockholm']).join(' / '), month);
	if (opts.format === 'xlsx') return buildXlsx(rows, kpis);
	const text = [[...KPI_COLUMNS], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
	return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
