/**
 * The spreadsheet tables of a round whose model has alignment pairs: the matrix (areas × areas, row
 * minus column), every pair with its symptom and behaviours, and the group gaps, each figure as the
 * alignment page shows it (hidden: empty).
 */
import type { ReportData } from './data';
import type { ReportText } from './report-text';
import type { Table } from './tables';

export function alignmentTables(data: ReportData, txt: ReportText): Table[] {
	const a = data.alignment;
	if (!a) return [];
	const t = txt.t;
	const flagged = (on: boolean) => t(on ? 'report.sheet.yes' : 'report.sheet.no');
	return [
		{
			key: 'alignment-matrix',
			labels: [0],
			name: t('alignment.matrix.title'),
			columns: [t('results.col.area'), t('results.col.score'), ...a.areas.map((x) => x.name)],
			rows: a.areas.map((row, i) => [row.name, row.score, ...a.matrix[i].map((c) => c.difference)])
		},
		{
			key: 'misalignments',
			labels: [0, 2],
			name: t('alignment.pairs.title'),
			columns: [
				t('report.sheet.first'),
				t('report.sheet.firstScore'),
				t('report.sheet.second'),
				t('report.sheet.secondScore'),
				t('report.sheet.differenceFirstSecond'),
				t('report.alignment.flagged'),
				t('alignment.pairs.symptom'),
				t('alignment.pairs.behaviours')
			],
			rows: a.pairs.map((p) => [
				p.items[0].name,
				p.items[0].score,
				p.items[1].name,
				p.items[1].score,
				p.difference,
				p.difference === null ? null : flagged(p.flagged),
				p.symptom,
				p.behaviours.join('\n')
			])
		},
		{
			key: 'group-gaps',
			labels: [0, 2, 4],
			name: t('report.sheet.groupGaps'),
			columns: [
				t('report.sheet.statement'),
				t('results.col.area'),
				t('report.sheet.group'),
				t('report.sheet.groupScore'),
				t('report.sheet.otherGroup'),
				t('report.sheet.otherGroupScore'),
				t('results.col.difference')
			],
			rows: a.groupGaps.map((g) => [
				g.statement.text,
				txt.areaName(g.statement.area),
				g.groups[0].name,
				g.groups[0].score,
				g.groups[1].name,
				g.groups[1].score,
				g.difference
			])
		}
	];
}
