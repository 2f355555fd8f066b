import { describe, expect, it } from 'vitest';
import { mapColumns, readFigure, readMonth } from './import-cells';

describe('readFigure', () => {
	it.each([
		['', undefined],
		['1200', '1200'],
		['-12.5', '-12.5'],
		['1 234,50', '1234.50'],
		['1\u00a0234\u202f567,5', '1234567.5'],
		['1.234.567,25', '1234567.25'],
		['1,234,567.25', '1234567.25'],
		['12,5 %', '12.5'],
		['\u2212300', '-300'],
		['1.5E+6', '1500000'],
		['1.2e-7', '0.00000012'],
		['0.30000000000000004', '0.3'],
		['ten', 'ten']
	])('%j → %j', (cell, expected) => expect(readFigure(cell)).toBe(expected));
});

describe('readMonth', () => {
	it.each([
		['2026-03', '2026-03'],
		['2026-3', '2026-03'],
		['202603', '2026-03'],
		['2026-03-01', '2026-03'],
		['2026/03/31', '2026-03'],
		['2026-03-31T22:00:00.000Z', '2026-03'],
		['46082', '2026-03'],
		['46082.5', '2026-03'],
		['2026-13', null],
		['March', null],
		['', null]
	])('%j → %j', (cell, expected) => expect(readMonth(cell)).toBe(expected));
});

describe('mapColumns', () => {
	it('knows English and Swedish names in any case and order, lists unknown and repeated columns', () => {
		expect(mapColumns(['Månad', 'Nyckeltal', 'Enhet', 'Utfall', 'Budget', 'CRM id', 'enhet'])).toEqual({
			index: { month: 0, kpi: 1, unit: 2, actual: 3, plan: 4 },
			unknown: ['CRM id'],
			twice: ['unit']
		});
	});
});
