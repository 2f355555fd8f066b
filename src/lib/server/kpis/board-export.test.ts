import { describe, expect, it } from 'vitest';
import type { BoardCell, KpiBoard } from '$lib/kpis/board';
import { boardSheet, renderBoardCsv } from './board-export';
import { alarmsOf } from './alarms';

const check = (status: 'ok' | 'amber' | 'red', plan: string, actual: string, deviationPct: string) => ({ status, plan, actual, deviationPct, missing: null });
const cell = (kpi: string, month: ReturnType<typeof check> | null): BoardCell => ({
	kpi,
	plan: month?.plan ?? '7',
	actual: month?.actual ?? '5',
	month,
	ytd: month,
	runRate: null,
	worst: month?.status ?? 'ok'
});
const board: KpiBoard = {
	month: '2026-03',
	zone: 'Europe/Stockholm',
	unit: { id: 'u1', name: 'Norr' },
	path: [{ id: null, name: '@Org' }],
	kpis: [
		{ key: 'sales', names: { en: '+Sales', sv: '-Försäljning' }, unit: 'currency', direction: 'higher', alarm: true },
		{ key: 'part', names: { en: 'Part', sv: 'Del' }, unit: 'count', direction: 'higher', alarm: false }
	],
	total: { kind: 'total', id: 'u1', name: 'Norr', drill: false, cells: [cell('sales', check('amber', '100', '90', '-10')), cell('part', null)] },
	rows: [{ kind: 'person', id: 'p1', name: '=cmd|"/c calc"!A1', drill: false, cells: [cell('sales', check('red', '50', '-25', '-150')), cell('part', null)] }]
};

describe('the alarm board as a sheet', () => {
	it('has a line per row and KPI in the reader’s language, every text cell inert and numbers exact', () => {
		const sheet = boardSheet(board, 'sv');
		expect(sheet.columns.slice(0, 3)).toEqual(['Enhet', 'Nyckeltal', 'Utfall månad']);
		const lines = renderBoardCsv(sheet).toString('utf8').replace('\uFEFF', '').split('\r\n');
		expect(lines[1]).toBe("'@Org / Norr,'-Försäljning,90,100,-10,Efter plan,90,100,-10,Efter plan,,");
		expect(lines[2]).toBe("'@Org / Norr,Del,5,7,,,,,,,,");
		expect(lines[3]).toBe(`"'@Org / Norr / =cmd|""/c calc""!A1",'-Försäljning,-25,50,-150,Långt efter plan,-25,50,-150,Långt efter plan,,`);
		expect(boardSheet({ ...board, path: [] }, 'en').rows[0][0]).toBe('Norr');
	});

	it('lists the alarms row by row, KPI by KPI, with the checks’ figures', () => {
		expect(alarmsOf(board).map((a) => [a.row.kind, a.kpi, a.measure, a.level, a.actual])).toEqual([
			['total', 'sales', 'month', 'amber', '90'],
			['total', 'sales', 'ytd', 'amber', '90'],
			['person', 'sales', 'month', 'red', '-25'],
			['person', 'sales', 'ytd', 'red', '-25']
		]);
	});
});
