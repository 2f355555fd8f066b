import ExcelJS from 'exceljs';
import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { translator, type Locale } from '$lib/i18n';
import { alarmWordKey } from '$lib/kpis/alarm';
import type { BoardCheck, BoardRow, KpiBoard } from '$lib/kpis/board';
import { safeText } from '$lib/server/reports/safe-cell';
import { exportFilename } from '$lib/server/exports/filename';
import { parse } from '$lib/server/validation';
import { kpiBoard } from './board';

const formatQuery = z.strictObject({ format: z.enum(['xlsx', 'csv'], { message: 'Either xlsx or csv' }) });

/** Numbers are the board's exact decimals (never user text); everything else is text from the database, made inert. */
type Cell = { number: string } | string | null;
interface Sheet {
	columns: string[];
	rows: Cell[][];
}

const COLUMNS = [
	'path',
	'kpi',
	'monthActual',
	'monthPlan',
	'monthDeviation',
	'monthStatus',
	'ytdActual',
	'ytdPlan',
	'ytdDeviation',
	'ytdStatus',
	'paceForecast',
	'paceStatus'
] as const;

/** The board as one table: a line per row and KPI, the month, year to date and pace with their statuses (pure). */
export function boardSheet(board: KpiBoard, locale: Locale): Sheet {
	const t = translator(locale);
	const num = (v: string | null): Cell => (v === null ? null : { number: v });
	const status = (c: BoardCheck | null) => (c ? t(alarmWordKey(c.status)) : null);
	const above = [...board.path.map((p) => p.name), board.unit?.name ?? board.total.name];
	const path = (r: BoardRow) => (r.kind === 'total' ? above : [...above, r.kind === 'own' ? t('kpis.board.own', { name: r.name }) : r.name]).join(' / ');
	const rows: Cell[][] = [];
	for (const r of [board.total, ...board.rows])
		r.cells.forEach((c, i) => {
			const m = c.month;
			rows.push([
				path(r),
				board.kpis[i].names[locale] ?? board.kpis[i].key,
				num(m?.actual ?? c.actual),
				num(m?.plan ?? c.plan),
				num(m?.deviationPct ?? null),
				status(m),
				num(c.ytd?.actual ?? null),
				num(c.ytd?.plan ?? null),
				num(c.ytd?.deviationPct ?? null),
				status(c.ytd),
				num(c.runRate?.actual ?? null),
				status(c.runRate)
			]);
		});
	return { columns: COLUMNS.map((k) => t(`kpis.export.col.${k}`)), rows };
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvCell = (v: Cell) => (v === null ? '' : typeof v === 'string' ? quote(safeText(v)) : v.number);

/** CSV, UTF-8 with a byte-order mark (Excel reads å ä ö), comma-separated, decimal points, exact numbers. */
export function renderBoardCsv(sheet: Sheet): Buffer {
	const lines = [sheet.columns.map((c) => quote(safeText(c))), ...sheet.rows.map((r) => r.map(csvCell))].map((l) => l.join(','));
	return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An Excel workbook of one sheet: bold frozen header, numbers as numbers, every text cell inert. */
export async function renderBoardXlsx(sheet: Sheet, title: string): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'SOS';
	const ws = wb.addWorksheet(title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'KPIs', { views: [{ state: 'frozen', ySplit: 1 }] });
	ws.columns = sheet.columns.map((c, i) => ({ header: safeText(c), width: i === 0 ? 40 : i === 1 ? 24 : 14 }));
	ws.getRow(1).font = { bold: true };
	for (const r of sheet.rows) ws.addRow(r.map((v) => (v === null ? null : typeof v === 'string' ? safeText(v) : Number(v.number))));
	return Buffer.from(await wb.xlsx.writeBuffer());
}

const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

/** The alarm board of a unit and month as a file (same access and figures as the board), with its download name and type. */
export async function boardExport(
	opts: { actor: Actor; unitId?: string | null; month?: string | null; format: unknown; locale: Locale },
	executor: Db = db()
): Promise<{ body: Buffer; filename: string; contentType: string }> {
	const { format } = parse(formatQuery, { format: opts.format ?? 'xlsx' });
	const board = await kpiBoard(opts, executor);
	const sheet = boardSheet(board, opts.locale);
	const body = format === 'csv' ? renderBoardCsv(sheet) : await renderBoardXlsx(sheet, `KPIs ${board.month}`);
	const filename = exportFilename({
		organization: opts.actor.membership?.organizationName ?? '',
		unit: board.unit?.name ?? '',
		isOrganization: !board.unit,
		round: `kpis ${board.month}`,
		extension: format
	});
	return { body, filename, contentType: TYPES[format] };
}

/** The download as an HTTP answer. */
export const attachment = (file: { body: Buffer; filename: string; contentType: string }) =>
	new Response(new Uint8Array(file.body), {
		headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'private, no-store' }
	});
