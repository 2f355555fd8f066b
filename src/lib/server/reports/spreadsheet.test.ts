import { beforeAll, describe, expect, it } from 'vitest';
import { round2 } from '$lib/results/colour';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { createTestActor } from '$tests/fixtures';
import { createAction } from '$lib/server/actions/mutations';
import { reportData, type ReportData } from './data';
import { auditReport, publishedReport } from '$tests/report';
import { reportTables } from './tables';
import { translator } from '$lib/i18n';
import { renderCsv, renderWideCsv } from './csv';
import { renderXlsx } from './xlsx';

/** Text a spreadsheet program could run as a formula. */
const DANGEROUS = /^[=+\-@\t\r]/;
const HOSTILE_TITLE = '=HYPERLINK("http://evil","x")';
const HOSTILE_UNITS = ['+cmd', '@SUM(1)', '-2+3', '\tTab', '\rCR'];
const COMMENT = 'Fewer internal meetings, more time with customers';

let data: ReportData;
let csvRows: string[][];
let book: ExcelJS.Workbook;

/** Every cell of the workbook with its sheet, row and column. */
function cells(wb: ExcelJS.Workbook) {
	const out: { sheet: string; row: number; col: number; cell: ExcelJS.Cell }[] = [];
	wb.eachSheet((ws) =>
		ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => out.push({ sheet: ws.name, row: r, col: c, cell })))
	);
	return out;
}

/** The sheet holding a table (its header row is the table's columns). */
function sheetOf(wb: ExcelJS.Workbook, key: string) {
	const table = reportTables(data).find((t) => t.key === key)!;
	const ws = wb.worksheets.find((w) => JSON.stringify((w.getRow(1).values as unknown[]).slice(1)) === JSON.stringify(table.columns));
	if (!ws) throw new Error(`no sheet for ${key}`);
	return { ws, table };
}

beforeAll(async () => {
	const base = (await publishedReport(['en'])).en;
	const region = base.results.unit.id;
	const org = await db().selectFrom('units').select('organization_id').where('id', '=', region).executeTakeFirstOrThrow();
	// Hostile text wherever a user can write it: unit names, action titles and reasons, owner names, the organization.
	const admin = await createTestActor(org.organization_id, 'admin');
	const hostileAdmin: Actor = { ...admin, membership: { ...admin.membership!, organizationName: '=cmd|" /C calc"!A0' } };
	await db().updateTable('users').set({ name: '@owner' }).where('id', '=', admin.membership!.userId).execute();
	for (const name of HOSTILE_UNITS) {
		const unit = (
			await db().insertInto('units').values({ organization_id: org.organization_id, name, parent_id: region }).returning('id').executeTakeFirstOrThrow()
		).id;
		await createAction({ actor: admin, input: { unitId: unit, title: `Plan for ${name.trim()}`, reason: '-1+1', ownerId: admin.membership!.userId } });
	}
	await createAction({ actor: admin, input: { unitId: region, title: HOSTILE_TITLE, reason: '+SUM(A1:A9)' } });
	data = await reportData({
		actor: hostileAdmin,
		roundId: base.results.round.id,
		unitId: region,
		locale: 'en',
		choice: { compare: base.results.benchmark.compare, statistic: 'mean' }
	});
	const csv = renderCsv(data);
	expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
	csvRows = parse(csv, { bom: true, relax_column_count: false }) as string[][];
	book = new ExcelJS.Workbook();
	await book.xlsx.load((await renderXlsx(data)) as unknown as ArrayBuffer);
}, 120_000);

describe('the CSV and Excel exports', () => {
	it('hold every area with its score exactly as in the report data', () => {
		const r = data.results;
		expect(r.areas).toHaveLength(9);
		const areas = reportTables(data).find((t) => t.key === 'areas')!;
		const scoreCol = areas.columns[2];
		for (const a of r.areas) {
			expect(a.score).not.toBeNull();
			const line = csvRows.filter((row) => row[0] === areas.name && row[1] === a.name && row[2] === scoreCol);
			expect(line).toHaveLength(1);
			expect(Number(line[0][3])).toBe(round2(a.score!));
		}
		const { ws } = sheetOf(book, 'areas');
		const byName = new Map<string, ExcelJS.CellValue[]>();
		ws.eachRow((row, n) => n > 1 && byName.set(String(row.getCell(2).value), (row.values as ExcelJS.CellValue[]).slice(1)));
		for (const a of r.areas) {
			const row = byName.get(a.name)!;
			expect(row[0]).toBe(a.rank);
			expect(row[2]).toBe(round2(a.score!));
			expect(row[6]).toBe(a.benchmark === null ? null : round2(a.benchmark));
			expect(row[7]).toBe(a.difference);
		}
	});

	it('hold each area’s n and 90 % interval as the page shows them, the status word as its chip says it, and nothing where hidden', () => {
		const r = data.results;
		const t = translator('en');
		const areas = reportTables(data).find((x) => x.key === 'areas')!;
		expect(areas.columns.slice(3, 6)).toEqual([t('report.sheet.n'), t('report.sheet.intervalLow'), t('report.sheet.intervalHigh')]);
		const csvOf = (name: string, col: number) =>
			csvRows.filter((row) => row[0] === areas.name && row[1] === name && row[2] === areas.columns[col]).map((row) => row[3]);
		const { ws } = sheetOf(book, 'areas');
		const byName = new Map<string, ExcelJS.CellValue[]>();
		ws.eachRow((row, n) => n > 1 && byName.set(String(row.getCell(2).value), (row.values as ExcelJS.CellValue[]).slice(1)));
		for (const a of r.areas) {
			expect(a.n).toBeGreaterThan(1);
			expect(a.interval).not.toBeNull();
			expect(byName.get(a.name)!.slice(3, 6)).toEqual([a.n, a.interval!.low, a.interval!.high]);
			expect(csvOf(a.name, 3)).toEqual([String(a.n)]);
			expect(csvOf(a.name, 4)).toEqual([String(a.interval!.low)]);
			expect(csvOf(a.name, 5)).toEqual([String(a.interval!.high)]);
			// The word the page's chip shows: "in line with benchmark" for red or yellow when the interval holds the benchmark.
			const word = a.inLine && (a.status === 'red' || a.status === 'yellow') ? t('results.status.inLine') : t(`results.status.${a.status!}`);
			expect(byName.get(a.name)![8]).toBe(word);
		}
		// An area hidden as the pattern hides it (no score, n or interval): empty cells, no CSV line.
		const hidden = structuredClone(data);
		const a = hidden.results.areas[0];
		Object.assign(a, { score: null, difference: null, status: null, n: null, interval: null, inLine: false });
		const table = reportTables(hidden).find((x) => x.key === 'areas')!;
		expect(table.rows.find((row) => row[1] === a.name)!.slice(2, 6)).toEqual([null, null, null, null]);
		const csv = parse(renderCsv(hidden), { bom: true }) as string[][];
		expect(csv.filter((row) => row[0] === table.name && row[1] === a.name).map((row) => row[2])).toEqual([table.columns[0], table.columns[6]]);
		// An interval without n (or n without an interval) is not printed either, as on the page.
		const half = structuredClone(data);
		half.results.areas[0].n = null;
		expect(
			reportTables(half)
				.find((x) => x.key === 'areas')!
				.rows.find((row) => row[1] === a.name)!
				.slice(3, 6)
		).toEqual([null, null, null]);
	});

	it('leave hidden figures empty: the too-small team has a row in Excel with empty cells, and no figure in the CSV', () => {
		const tiny = data.results.subunits.find((s) => s.name === 'Team Liten')!;
		expect(tiny.respondents).toBeNull();
		expect(tiny.areas.every((a) => a.score === null)).toBe(true);
		const { ws, table } = sheetOf(book, 'subunits');
		let found = 0;
		ws.eachRow((row, n) => {
			if (n === 1 || row.getCell(1).value !== 'Team Liten') return;
			found++;
			for (let c = 2; c <= table.columns.length; c++) expect(row.getCell(c).value ?? null).toBeNull();
		});
		expect(found).toBe(1);
		expect(csvRows.filter((row) => row[0] === table.name && row[1] === 'Team Liten')).toEqual([]);
		// A shown team's row does have its figures.
		const shown = data.results.subunits.find((s) => s.respondents !== null)!;
		expect(csvRows.filter((row) => row[0] === table.name && row[1] === shown.name).length).toBe(1 + data.results.areas.length);
		// Every value in the CSV is a value: no empty cells stand in for hidden figures.
		// Hidden figures leave no line at all: no figure column of the CSV is empty.
		const figureColumns = new Set(
			reportTables(data)
				.filter((t) => t.key !== 'actions')
				.flatMap((t) => t.columns.filter((_, i) => !t.labels.includes(i)).map((c) => `${t.name}|${c}`))
		);
		expect(csvRows.slice(1).filter((row) => figureColumns.has(`${row[0]}|${row[2]}`) && row[3] === '')).toEqual([]);
	});

	it('carry no free-text comment, although the report page shows them for this group', () => {
		const texts = data.results.questions.filter((q) => q.type === 'text');
		expect(texts.length).toBeGreaterThan(0);
		expect(texts.some((q) => q.type === 'text' && (q.comments?.length ?? 0) > 0 && q.comments!.some((c) => c.startsWith(COMMENT)))).toBe(true);
		expect(csvRows.flat().filter((v) => v.includes(COMMENT))).toEqual([]);
		expect(cells(book).filter(({ cell }) => String(cell.text).includes(COMMENT))).toEqual([]);
		const question = texts[0].text;
		expect(csvRows.flat().some((v) => v.includes(question))).toBe(false);
	});

	it('neutralize every CSV cell that could run as a formula, leaving numbers as numbers', () => {
		expect(csvRows[0]).toEqual(['table', 'row', 'column', 'value']);
		expect(csvRows.every((row) => row.length === 4)).toBe(true);
		const numeric = /^-?\d+(\.\d+)?(e-?\d+)?$/;
		const unsafe = csvRows.flat().filter((v) => DANGEROUS.test(v) && !numeric.test(v));
		expect(unsafe).toEqual([]);
		const all = csvRows.flat();
		expect(all).toContain(`'${HOSTILE_TITLE}`);
		for (const name of HOSTILE_UNITS) expect(all).toContain(`'${name}`);
		expect(all).toContain("'-1+1");
		expect(all).toContain("'+SUM(A1:A9)");
		expect(all).toContain("'@owner");
		// The hostile texts were really there to be neutralized (not dropped).
		expect(data.actions.map((a) => a.unit.name)).toEqual(expect.arrayContaining(HOSTILE_UNITS));
		// Negative differences stay plain numbers.
		const diffs = data.results.areas.map((a) => a.difference).filter((d): d is number => d !== null && d < 0);
		expect(diffs.length).toBeGreaterThan(0);
		for (const d of diffs) expect(all).toContain(String(d));
	});

	it('neutralize every Excel text cell that could run as a formula; no cell is a formula; figures are numbers', () => {
		const all = cells(book);
		expect(all.filter(({ cell }) => cell.type === ExcelJS.ValueType.Formula || cell.formula)).toEqual([]);
		const texts = all.filter(({ cell }) => cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.RichText);
		// Read back through XML, a carriage return comes out as a line feed: that counts as dangerous too.
		expect(
			texts
				.filter(({ cell }) => /^[=+\-@\t\r\n]/.test(String(cell.text)))
				.map(({ sheet, row, col, cell }) => `${sheet}!${row}:${col} ${JSON.stringify(cell.text)}`)
		).toEqual([]);
		const strings = texts.map(({ cell }) => String(cell.text));
		expect(strings).toContain(`'${HOSTILE_TITLE}`);
		for (const name of HOSTILE_UNITS) expect(strings).toContain(`'${name}`.replace('\r', '\n'));
		expect(strings).toContain(`'=cmd|" /C calc"!A0`);
		expect(strings).toContain("'@owner");
		// Every figure of the tables is a number cell, with two decimals shown where it is not whole.
		for (const key of ['areas', 'statements', 'subunits', 'trend'] as const) {
			const { ws, table } = sheetOf(book, key);
			ws.eachRow((row, n) => {
				if (n === 1) return;
				row.eachCell((cell, c) => {
					if (table.labels.includes(c - 1) || cell.value === null) return;
					if (key === 'areas' && c === 9) return; // the status word
					if (key === 'statements' && c === 6) return;
					if (key === 'trend' && c === 2) return; // the closing date
					expect(typeof cell.value, `${ws.name}!${n}:${c}`).toBe('number');
					if (!Number.isInteger(cell.value)) expect(cell.numFmt).toBe('0.00');
				});
			});
		}
	});
});

describe('the wide CSV (units × areas)', () => {
	let reports: Awaited<ReturnType<typeof publishedReport>>;
	beforeAll(async () => {
		reports = await publishedReport(['en', 'sv']);
	}, 120_000);

	/** The rows the page's heatmap shows: the unit (when its respondents are shown), then each sub-unit. */
	const heatmapRows = (d: ReportData) => [
		...(d.results.unit.respondents === null ? [] : [{ name: d.results.unit.name, respondents: d.results.unit.respondents, areas: d.results.areas }]),
		...d.results.subunits
	];

	it('opens in English Excel: BOM, commas, decimal points, one row per unit with every area score as the page shows it', () => {
		const d = reports.en;
		const csv = renderWideCsv(d);
		expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		const rows = parse(csv, { bom: true }) as string[][];
		const t = translator('en');
		expect(rows[0]).toEqual([t('results.col.unit'), t('results.col.respondents'), ...d.results.areas.map((a) => a.name)]);
		const expected = heatmapRows(d);
		expect(expected.length).toBeGreaterThan(2);
		expect(rows.slice(1)).toEqual(
			expected.map((u) => [
				u.name,
				u.respondents === null ? '' : String(u.respondents),
				...u.areas.map((a) => (a.score === null ? '' : round2(a.score).toFixed(2)))
			])
		);
		expect(rows[1][0]).toBe(d.results.unit.name);
		// The team too small to show: in its row, as on the page, with every figure empty.
		const small = rows.find((r) => r[0] === 'Team Liten')!;
		expect(small.slice(1).every((v) => v === '')).toBe(true);
	});

	it('opens in Swedish Excel: semicolons and decimal commas, the same figures', () => {
		const d = reports.sv;
		const csv = renderWideCsv(d);
		const text = csv.toString('utf8');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
		expect(rows[0].slice(0, 2)).toEqual([translator('sv')('results.col.unit'), translator('sv')('results.col.respondents')]);
		expect(rows.every((r) => r.length === 2 + d.results.areas.length)).toBe(true);
		const own = rows[1];
		expect(own[0]).toBe('Region Nord & Öst');
		d.results.areas.forEach((a, i) => expect(own[2 + i]).toBe(a.score === null ? '' : round2(a.score).toFixed(2).replace('.', ',')));
		expect(text).toMatch(/;\d,\d\d/);
		expect(text).not.toMatch(/\d\.\d\d/);
	});

	it('neutralizes formula-like unit names and keeps the long form as it was', () => {
		// The hostile units above took no part in the round: give the heatmap's units their names.
		const r = reports.en.results;
		const names = [...HOSTILE_UNITS, 'Team; "Väst", Syd'];
		const hostile: ReportData = { ...reports.en, results: { ...r, subunits: names.map((name, i) => ({ ...r.subunits[i % r.subunits.length], name })) } };
		const rows = parse(renderWideCsv(hostile), { bom: true }) as string[][];
		for (const name of HOSTILE_UNITS) expect(rows.map((x) => x[0])).toContain(`'${name}`);
		expect(rows.map((x) => x[0])).toContain('Team; "Väst", Syd');
		const sv = parse(renderWideCsv({ ...hostile, locale: 'sv' }), { bom: true, delimiter: ';' }) as string[][];
		expect(sv.map((x) => x[0])).toContain('Team; "Väst", Syd');
		expect(rows.flat().filter((v) => DANGEROUS.test(v))).toEqual([]);
		expect(csvRows[0]).toEqual(['table', 'row', 'column', 'value']);
	});
});

describe('the CSV and Excel exports of an ecosystem audit round', () => {
	let audit: ReportData;
	let auditBook: ExcelJS.Workbook;
	let auditCsv: string[][];
	beforeAll(async () => {
		audit = (await auditReport(['en'])).reports.en;
		auditBook = new ExcelJS.Workbook();
		await auditBook.xlsx.load((await renderXlsx(audit)) as unknown as ArrayBuffer);
		auditCsv = parse(renderCsv(audit), { bom: true }) as string[][];
	}, 120_000);
	const tableOf = (key: string) => reportTables(audit).find((x) => x.key === key)!;
	/** A sheet's rows below its header, as values. */
	const sheetRows = (name: string) => {
		const ws = auditBook.worksheets.find((w) => w.name === name)!;
		expect(ws).toBeDefined();
		const rows: ExcelJS.CellValue[][] = [];
		ws.eachRow((row, n) => n > 1 && rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
		return rows;
	};

	it('hold the alignment matrix: each area’s score and row minus column for every other area, as the alignment page shows them', () => {
		const a = audit.alignment!;
		const matrix = tableOf('alignment-matrix');
		expect(matrix.name).toBe('Alignment matrix');
		expect(matrix.columns.slice(2)).toEqual(a.areas.map((x) => x.name));
		expect(matrix.rows).toEqual(a.areas.map((x, i) => [x.name, x.score, ...a.matrix[i].map((c) => c.difference)]));
		const rows = sheetRows('Alignment matrix');
		expect(rows.map((r) => r[0])).toEqual(a.areas.map((x) => x.name));
		// The diagonal is empty; every other cell is the difference as shown.
		a.areas.forEach((_, i) => a.areas.forEach((__, j) => expect(rows[i][2 + j] ?? null).toBe(a.matrix[i][j].difference)));
		const line = auditCsv.find((r) => r[0] === matrix.name && r[1] === a.areas[0].name && r[2] === a.areas[2].name)!;
		expect(Number(line[3])).toBe(a.matrix[0][2].difference);
	});

	it('hold every pair with its scores, difference, whether it is misaligned, its symptom and behaviours', () => {
		const a = audit.alignment!;
		const pairs = tableOf('misalignments');
		expect(pairs.rows).toEqual(
			a.pairs.map((p) => [
				p.items[0].name,
				p.items[0].score,
				p.items[1].name,
				p.items[1].score,
				p.difference,
				p.flagged ? 'yes' : 'no',
				p.symptom,
				p.behaviours.join('\n')
			])
		);
		expect(a.pairs.some((p) => p.flagged) && a.pairs.some((p) => !p.flagged)).toBe(true);
		expect(sheetRows('Misalignments').map((r) => r[5])).toEqual(a.pairs.map((p) => (p.flagged ? 'yes' : 'no')));
	});

	it('hold the group gaps: statement, both groups by name with their scores, and the difference', () => {
		const a = audit.alignment!;
		const gaps = tableOf('group-gaps');
		expect(a.groupGaps.length).toBeGreaterThan(0);
		expect(gaps.rows).toEqual(
			a.groupGaps.map((g) => [g.statement.text, expect.any(String), g.groups[0].name, g.groups[0].score, g.groups[1].name, g.groups[1].score, g.difference])
		);
		expect(sheetRows('Group gaps')).toHaveLength(a.groupGaps.length);
		expect(auditCsv.some((r) => r[0] === 'Group gaps' && r[1].includes(a.groupGaps[0].groups[0].name))).toBe(true);
	});

	it('have no alignment tables for the SOS model', () => {
		expect(data.alignment).toBeNull();
		expect(reportTables(data).map((x) => x.key)).not.toContain('alignment-matrix');
		expect(reportTables(data).map((x) => x.key)).not.toContain('misalignments');
		expect(reportTables(data).map((x) => x.key)).not.toContain('group-gaps');
	});
});
