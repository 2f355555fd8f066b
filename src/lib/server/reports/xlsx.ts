import ExcelJS from 'exceljs';
import type { ReportData } from './data';
import { reportTables, type Table, type Value } from './tables';
import { safeText } from './safe-cell';
import { reportText } from './report-text';

const sheetName = (name: string, used: Set<string>) => {
	let base =
		name
			.replace(/[\\/?*[\]:]/g, ' ')
			.slice(0, 31)
			.trim() || 'Sheet';
	for (let i = 2; used.has(base); i++) base = `${base.slice(0, 28)} ${i}`;
	used.add(base);
	return base;
};
const value = (v: Value) => (typeof v === 'string' ? safeText(v) : v);

/**
 * The report's aggregated figures as an Excel workbook: a cover sheet (what, for whom, which benchmark,
 * the k rule) and one sheet per table, with a bold frozen header, scores as numbers with two decimals
 * and hidden figures as empty cells. Every text cell is protected against formula injection.
 */
export async function renderXlsx(data: ReportData): Promise<Buffer> {
	const txt = reportText(data);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'SOS';
	wb.created = data.generatedAt;
	const used = new Set<string>();
	const about = wb.addWorksheet(sheetName(txt.t('report.sheet.about'), used));
	const r = data.results;
	const facts: [string, string | number | null][] = [
		[txt.t('report.sheet.organization'), data.organization],
		[txt.t('actions.unit'), r.unit.name],
		[txt.t('report.sheet.round'), r.round.name],
		[txt.t('results.col.respondents'), r.unit.respondents],
		[txt.t('results.col.benchmark'), txt.benchmark],
		[txt.t('report.sheet.hidden'), txt.hiddenNote]
	];
	about.columns = [{ width: 24 }, { width: 90 }];
	for (const [k, v] of facts) about.addRow([safeText(k), typeof v === 'string' ? safeText(v) : v]).getCell(1).font = { bold: true };
	for (const table of reportTables(data)) addTable(wb.addWorksheet(sheetName(table.name, used)), table);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

function addTable(ws: ExcelJS.Worksheet, table: Table): void {
	ws.columns = table.columns.map((c, i) => ({
		header: safeText(c),
		width: Math.min(60, Math.max(10, c.length + 2, ...table.rows.map((r) => String(r[i] ?? '').length + 2)))
	}));
	for (const row of table.rows) ws.addRow(row.map(value));
	ws.getRow(1).font = { bold: true };
	ws.views = [{ state: 'frozen', ySplit: 1 }];
	ws.eachRow((row, n) => {
		if (n > 1) row.eachCell((c) => typeof c.value === 'number' && !Number.isInteger(c.value) && (c.numFmt = '0.00'));
	});
}
