import type { ReportData } from './data';
import { reportTables, unitsTable, type Value } from './tables';
import { safeText } from './safe-cell';

const quote = (s: string, separator = ',') => (/["\r\n]/.test(s) || s.includes(separator) ? `"${s.replace(/"/g, '""')}"` : s);
const cell = (v: Value) => (v === null ? '' : typeof v === 'number' ? String(v) : quote(safeText(v)));

/**
 * The report's aggregated figures as one CSV in long form, one figure per line: table, row, column,
 * value. UTF-8 with a byte-order mark so that Excel reads å ä ö; numbers with a decimal point.
 */
export function renderCsv(data: ReportData): Buffer {
	const lines = [['table', 'row', 'column', 'value'].join(',')];
	for (const table of reportTables(data)) {
		for (const row of table.rows) {
			const label = table.labels
				.map((i) => row[i])
				.filter((v) => v !== null)
				.join(' – ');
			row.forEach((v, i) => {
				if (v !== null && !table.labels.includes(i)) lines.push([table.name, label, table.columns[i], v].map(cell).join(','));
			});
		}
	}
	return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * Units × areas in wide form, one row per unit as the page's heatmap (the unit, then its sub-units):
 * unit, respondents, one column per area score, empty where the page hides it. Made to open in Excel
 * in the report's language: UTF-8 with a byte-order mark, and for Swedish ';' between fields and a
 * decimal comma (Swedish Excel's list separator and decimal mark); for English ',' and a decimal point.
 */
export function renderWideCsv(data: ReportData): Buffer {
	const swedish = data.locale === 'sv';
	const separator = swedish ? ';' : ',';
	// Scores with two decimals as the page prints them (4.00, not 4); respondents as whole numbers.
	const number = (v: number, column: number) => (column >= 2 ? v.toFixed(2).replace('.', swedish ? ',' : '.') : String(v));
	const field = (v: Value, column: number) => (v === null ? '' : typeof v === 'number' ? number(v, column) : quote(safeText(v), separator));
	const { columns, rows } = unitsTable(data);
	const lines = [columns, ...rows].map((row) => row.map(field).join(separator));
	return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
