import type { ReportData } from './data';
import { reportTables, type Value } from './tables';
import { safeText } from './safe-cell';

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
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
