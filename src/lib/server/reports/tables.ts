import type { ReportData } from './data';
import { reportText } from './report-text';
import { round2 } from '$lib/results/colour';
import { pairOf } from '$lib/results/groups';
import { alignmentTables } from './tables-alignment';

export type Value = string | number | null;

/** One table of a spreadsheet export: a sheet in Excel, a section of the CSV. */
export interface Table {
	key: 'areas' | 'statements' | 'gap' | 'alignment-matrix' | 'misalignments' | 'group-gaps' | 'subunits' | 'trend' | 'questions' | 'actions';
	name: string;
	columns: string[];
	/** The columns that name a row (e.g. area and statement); the others hold its figures. */
	labels: number[];
	rows: Value[][];
}

/**
 * The aggregated figures of a report as plain tables, for Excel and CSV. Every number is one of
 * ReportData (what the results page shows the same viewer); a hidden figure is empty (null). Free-text
 * comments are left out: a spreadsheet carries figures, never what one person wrote.
 */
export function reportTables(data: ReportData): Table[] {
	const { results: r, trend } = data;
	const txt = reportText(data);
	const t = txt.t;
	const status = (s: Parameters<typeof txt.status>[0], inLine = false) => (s === null ? null : txt.status(s, inLine));
	const area = t('results.col.area');
	const tables: Table[] = [
		{
			key: 'areas',
			labels: [1],
			name: t('results.areas.title'),
			columns: [
				t('results.col.rank'),
				area,
				t('results.col.score'),
				t('report.sheet.n'),
				t('report.sheet.intervalLow'),
				t('report.sheet.intervalHigh'),
				t('results.col.benchmark'),
				t('results.col.difference'),
				t('results.col.status')
			],
			// n and the interval only where the page prints them (both, as its table does); the status word as its chip says it.
			rows: r.areas.map((a) => {
				const shown = a.interval && a.n ? a.interval : null;
				return [a.rank, a.name, a.score, shown && a.n, shown?.low ?? null, shown?.high ?? null, a.benchmark, a.difference, status(a.status, a.inLine)];
			})
		},
		{
			key: 'statements',
			labels: [0, 1],
			name: t('report.sheet.statements'),
			columns: [
				area,
				t('report.sheet.statement'),
				t('results.col.score'),
				t('results.col.benchmark'),
				t('results.col.difference'),
				t('results.col.status'),
				t('results.area.dontKnow'),
				'1',
				'2',
				'3',
				'4',
				'5'
			],
			rows: r.statements.map((s) => [
				txt.areaName(s.area),
				s.text,
				s.score,
				s.benchmark,
				s.difference,
				status(s.status),
				...(s.distribution ?? [null, null, null, null, null, null])
			])
		}
	];
	if (r.gap)
		tables.push({
			key: 'gap',
			labels: [0],
			name: t('results.gap.title'),
			columns: [
				area,
				...r.gap.groups.map((g) => g.name),
				`${t('results.gap.gap')} (${pairOf(r.gap)
					.map((g) => g.name)
					.join(' − ')})`
			],
			rows: r.gap.areas.map((g) => [txt.areaName(g.key), ...r.gap!.groups.map((x) => g.scores[x.key] ?? null), g.gap])
		});
	tables.push(...alignmentTables(data, txt));
	if (r.subunits.length)
		tables.push({
			key: 'subunits',
			labels: [0],
			name: t('results.heatmap.title'),
			columns: [t('results.col.unit'), t('results.col.respondents'), ...r.areas.map((a) => a.name)],
			rows: r.subunits.map((u) => [u.name, u.respondents, ...u.areas.map((a) => a.score)])
		});
	if (trend.rounds.length)
		tables.push({
			key: 'trend',
			labels: [0],
			name: t('results.trend.title'),
			columns: [t('report.sheet.round'), t('report.sheet.closed'), t('results.col.respondents'), ...trend.areas.map((a) => a.name)],
			rows: trend.rounds.map((x) => [x.name, x.closedAt ? x.closedAt.toISOString().slice(0, 10) : null, x.respondents, ...x.areas.map((a) => a.score)])
		});
	const q = r.questions.filter((x) => x.type !== 'text');
	if (q.length)
		tables.push({
			key: 'questions',
			labels: [0, 1],
			name: t('results.questions.title'),
			columns: [t('report.sheet.question'), t('report.sheet.answer'), t('report.sheet.count'), t('report.sheet.mean')],
			rows: q.flatMap((x): Value[][] => {
				if (x.type === 'number') return [[x.text, null, x.answered, x.mean]];
				const head: Value[] = [x.text, null, x.answered, x.mean];
				return [head, ...(x.options ?? []).map((o): Value[] => [x.text, o.label, o.count, null])];
			})
		});
	tables.push({
		key: 'actions',
		labels: [0],
		name: t('report.sheet.actions'),
		columns: [t('actions.what'), t('actions.unit'), area, t('actions.owner'), t('actions.due'), t('actions.status'), t('actions.why')],
		rows: data.actions.map((a) => [
			a.title,
			a.unit.name,
			a.areaKey ? txt.areaName(a.areaKey) : null,
			a.owner?.name ?? null,
			a.dueOn,
			txt.actionStatus(a),
			a.reason
		])
	});
	// Figures as the page shows them: two decimals (counts are whole numbers and stay as they are).
	for (const table of tables) table.rows = table.rows.map((row) => row.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? round2(v) : v)));
	return tables;
}

/**
 * Units × areas as the page's heatmap holds them: the unit itself (where the heatmap shows its row: when
 * its respondents are shown) and each sub-unit the viewer may open, with respondents and each area's score
 * as shown (null where hidden). Areas in the model's order, as the heatmap's columns.
 */
export function unitsTable(data: ReportData): Pick<Table, 'columns' | 'rows'> {
	const r = data.results;
	const t = reportText(data).t;
	const own = r.unit.respondents === null ? [] : [{ name: r.unit.name, respondents: r.unit.respondents, areas: r.areas }];
	return {
		columns: [t('results.col.unit'), t('results.col.respondents'), ...r.areas.map((a) => a.name)],
		rows: [...own, ...r.subunits].map((u) => [u.name, u.respondents, ...u.areas.map((a) => (a.score === null ? null : round2(a.score)))])
	};
}
