import { describe, expect, it } from 'vitest';
import { listModels } from './load';
import { getModel } from './registry';
import { STATEMENT_MAX } from './schema';

const AREAS = ['strategy', 'structure_processes', 'culture_behaviours', 'kpis_compensation'];

describe('the shipped sales management ecosystem audit', async () => {
	const model = await getModel('audit', '1.0');
	const { structure, translations } = model;
	const areaKeys = structure.areas.map((a) => a.key);
	const areaOf = new Map(structure.areas.flatMap((a) => a.statements.map((s) => [s, a.key] as const)));

	it('loads as audit@1.0 with English and Swedish, advice at three levels and a quarterly rhythm', async () => {
		expect(model.ref).toBe('audit@1.0');
		expect(Object.keys(translations).sort()).toEqual(['en', 'sv']);
		expect(structure.advice).toBe('levels');
		expect(structure.repeatMonths).toBe(3);
		expect(structure.thresholds).toEqual({ high: 3.7, basics: 2.5, improvement: 3.0 });
		expect(structure.scale).toEqual({ min: 1, max: 5, dontKnow: true });
		expect(await listModels()).toContainEqual({ id: 'audit', version: '1.0' });
	});

	it('has the four areas with 6–8 statements each, unique and lower_snake_case', () => {
		expect(areaKeys).toEqual(AREAS);
		for (const area of structure.areas) {
			expect(area.statements.length, area.key).toBeGreaterThanOrEqual(6);
			expect(area.statements.length, area.key).toBeLessThanOrEqual(8);
		}
		expect(new Set(model.statementKeys).size).toBe(model.statementKeys.length);
		for (const key of model.statementKeys) expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/);
		expect(structure.areas.find((a) => a.key === 'kpis_compensation')?.dependsOn).toContain('strategy');
	});

	it('is answered by four groups and compares executives with sales people by default', () => {
		expect(structure.groups).toEqual(['executive', 'sales_manager', 'sales_person', 'sales_support']);
		expect(structure.gap).toEqual(['executive', 'sales_person']);
	});

	it('names existing areas and statements in every alignment pair', () => {
		const pairs = Object.fromEntries((structure.alignment?.pairs ?? []).map((p) => [p.key, p]));
		expect(structure.alignment?.threshold).toBe(0.75);
		expect(Object.keys(pairs).sort()).toEqual(['incentives_processes', 'strategy_metrics', 'structure_behaviours', 'tools_behaviours']);
		expect(pairs.strategy_metrics.areas).toEqual(['strategy', 'kpis_compensation']);
		expect(pairs.structure_behaviours.areas).toEqual(['structure_processes', 'culture_behaviours']);
		for (const pair of Object.values(pairs)) {
			if (pair.areas) for (const a of pair.areas) expect(areaKeys, pair.key).toContain(a);
			else for (const s of pair.statements ?? []) expect(model.statementKeys, pair.key).toContain(s);
		}
		expect(pairs.tools_behaviours.statements?.map((s) => areaOf.get(s))).toEqual(['structure_processes', 'culture_behaviours']);
		expect(pairs.incentives_processes.statements?.map((s) => areaOf.get(s))).toEqual(['kpis_compensation', 'structure_processes']);
	});

	it('has the same keys in English and Swedish, and a Swedish text of its own for every statement', () => {
		const { en, sv } = translations;
		const shape = (lang: 'en' | 'sv') => ({
			groups: Object.keys(translations[lang].groups).sort(),
			alignment: Object.keys(translations[lang].alignment ?? {}).sort(),
			scale: Object.keys(translations[lang].scale).sort(),
			areas: Object.entries(translations[lang].areas).map(([k, a]) => [k, Object.keys(a.statements).sort()])
		});
		expect(shape('sv')).toEqual(shape('en'));
		for (const [areaKey, area] of Object.entries(en.areas))
			for (const [key, s] of Object.entries(area.statements)) expect(sv.areas[areaKey].statements[key].text, key).not.toBe(s.text);
	});

	it.each(['en', 'sv'])('%s: statements are unique, at most 160 characters and each has its own advice', (lang) => {
		const t = translations[lang];
		const statements = Object.values(t.areas).flatMap((a) => Object.values(a.statements));
		expect(statements.length).toBe(model.statementKeys.length);
		for (const s of statements) {
			expect(s.text.length, s.text).toBeLessThanOrEqual(STATEMENT_MAX);
			expect(s.advice?.trim(), s.text).toBeTruthy();
		}
		expect(new Set(statements.map((s) => s.text.trim().toLowerCase())).size).toBe(statements.length);
		expect(new Set(statements.map((s) => s.advice)).size).toBe(statements.length);
	});

	it.each(['en', 'sv'])('%s: names every group and gives each area and alignment pair its advice', (lang) => {
		const t = translations[lang];
		for (const g of structure.groups) expect(t.groups[g]?.one, g).toBeTruthy();
		for (const point of ['1', '2', '3', '4', '5', 'dontKnow'] as const) expect(t.scale[point], point).toBeTruthy();
		for (const [key, area] of Object.entries(t.areas)) {
			expect(area.advice.actions.length, key).toBeGreaterThanOrEqual(3);
			expect(area.advice.actions.length, key).toBeLessThanOrEqual(5);
			expect(area.advice.levels, key).toBeTruthy();
		}
		for (const [key, pair] of Object.entries(t.alignment ?? {})) {
			expect(pair.behaviours.length, key).toBeGreaterThanOrEqual(2);
			expect(pair.behaviours.length, key).toBeLessThanOrEqual(4);
		}
	});
});
