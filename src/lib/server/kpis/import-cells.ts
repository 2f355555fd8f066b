/**
 * Reading the cells of a KPI file (pure): figures as Swedish or English Excel writes them, months as
 * text, dates or Excel date serials, and the column names. The result is the text `kpiValueInput`
 * (input.ts) validates, so the rules for a figure stay in one place.
 */
import { loosen } from '$lib/server/imports/text';

export const KPI_COLUMNS = ['kpi', 'unit', 'person', 'month', 'plan', 'actual'] as const;
export type KpiColumn = (typeof KPI_COLUMNS)[number];

/** Names a column may have (loosened: lower case, no accents, separators as one space). */
const ALIASES: Record<KpiColumn, string[]> = {
	kpi: ['kpi', 'kpi key', 'key', 'nyckeltal'],
	unit: ['unit', 'unit path', 'unit id', 'enhet'],
	person: ['person', 'email', 'e mail', 'e post', 'epost', 'sales person', 'saljare'],
	month: ['month', 'period', 'date', 'manad', 'datum'],
	plan: ['plan', 'budget', 'target', 'mal'],
	actual: ['actual', 'actuals', 'outcome', 'utfall']
};

const BY_ALIAS = new Map(Object.entries(ALIASES).flatMap(([col, names]) => names.map((n) => [n, col as KpiColumn])));

/** Which column of the header row holds what; unknown columns are listed (they are ignored). */
export function mapColumns(header: readonly string[]): { index: Partial<Record<KpiColumn, number>>; unknown: string[]; twice: string[] } {
	const index: Partial<Record<KpiColumn, number>> = {};
	const unknown: string[] = [];
	const twice: string[] = [];
	header.forEach((name, i) => {
		const col = BY_ALIAS.get(loosen(name));
		if (!col) {
			if (name !== '') unknown.push(name.slice(0, 40));
		} else if (index[col] !== undefined) twice.push(col);
		else index[col] = i;
	});
	return { index, unknown, twice };
}

/** 1.5E+6 → 1500000, 1.2e-7 → 0.00000012: exactly, from the digits (no float rounding). */
function expandExponent(s: string): string {
	const m = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(s);
	if (!m) return s;
	const [, sign, whole, fraction = '', exp] = m;
	const digits = whole + fraction;
	const point = whole.length + Number(exp);
	if (Math.abs(Number(exp)) > 40) return s; // left for the number check to refuse
	const padded = point <= 0 ? '0'.repeat(1 - point) + digits : point > digits.length ? digits + '0'.repeat(point - digits.length) : digits;
	const at = Math.max(point, 1);
	const int = padded.slice(0, at).replace(/^0+(?=\d)/, '');
	const dec = padded.slice(at).replace(/0+$/, '');
	return `${sign}${int}${dec ? `.${dec}` : ''}`;
}

const PLAIN_FIGURE = /^-?\d{1,15}(\.\d{1,6})?$/;

/**
 * A plan or actual as typed: undefined when blank (the value is left as it is), else a decimal text.
 * Spaces (also non-breaking) group thousands; a comma is the decimal separator ("1 234,50", as Swedish
 * Excel writes) unless the text also has a point, when the later of the two is; several commas or points
 * alone group thousands ("1,234,567"). A trailing % is dropped (percentages are in percent points). A
 * number Excel stored with binary noise (0.30000000000000004) is read at Excel's 15 digits.
 */
export function readFigure(cell: string): string | undefined {
	if (PLAIN_FIGURE.test(cell)) return cell;
	let s = cell.replace(/[\s\u00a0\u202f]/g, '').replace(/^[\u2212\u2013]/, '-');
	if (s === '') return undefined;
	s = s.replace(/%$/, '');
	const commas = s.split(',').length - 1;
	const points = s.split('.').length - 1;
	if (commas > 0 && points > 0) {
		s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
	} else if (commas === 1) s = s.replace(',', '.');
	else if (commas > 1) s = s.replace(/,/g, '');
	else if (points > 1) s = s.replace(/\./g, '');
	s = expandExponent(s);
	const decimals = /\.(\d+)$/.exec(s)?.[1].length ?? 0;
	if (decimals > 6 && /^-?\d+\.\d+$/.test(s)) {
		const excel = expandExponent(String(Number(Number(s).toPrecision(15))));
		if ((/\.(\d+)$/.exec(excel)?.[1].length ?? 0) <= 6) return excel;
	}
	return s;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Excel's day 0 (its serials count as if 1900 had a 29 February). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function monthText(year: number, month: number): string | null {
	return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 ? `${year}-${pad(month)}` : null;
}

const PLAIN_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A month as 'YYYY-MM' from "2026-03", "2026-3", "202603", "2026-03-01" (any day of it, also with a
 * time, as an Excel date cell is read), "2026/03/01", or an Excel date serial (46082); null if none.
 */
export function readMonth(cell: string): string | null {
	const s = cell.trim();
	if (PLAIN_MONTH.test(s)) return s;
	let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T ][\d:.]+Z?)?)?$/.exec(s);
	if (m) return monthText(Number(m[1]), Number(m[2]));
	m = /^(\d{4})(\d{2})$/.exec(s);
	if (m) return monthText(Number(m[1]), Number(m[2]));
	if (/^\d{5}(\.\d+)?$/.test(s)) {
		const d = new Date(EXCEL_EPOCH + Math.floor(Number(s)) * 86_400_000);
		return monthText(d.getUTCFullYear(), d.getUTCMonth() + 1);
	}
	return null;
}
