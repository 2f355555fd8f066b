import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listModels, loadModel, loadStandardQuestions } from './load';
import { latestModel } from './registry';
import { fullAdviceSchema, QUESTION_LANGUAGES, standardQuestionSchema } from './schema';

const AREAS = [
	'territory',
	'targets',
	'visualizing',
	'forecasting',
	'business_followup',
	'one_to_one',
	'activity_planning',
	'field_visits',
	'improvement_program'
];

describe('the shipped SOS model', async () => {
	const model = await loadModel({ id: 'sos', version: '1.0' });
	const languages = Object.keys(model.translations).sort();

	it('loads with English and Swedish', () => {
		expect(model.structure.id).toBe('sos');
		expect(model.structure.version).toBe('1.0');
		expect(model.structure.thresholds.high).toBe(3.7);
		expect(languages).toEqual(['en', 'sv']);
	});

	it('has the nine areas in the product order', () => {
		expect(model.structure.areas.map((a) => a.key)).toEqual(AREAS);
	});

	it('has 7–9 statements per area and about 75 in all', () => {
		for (const area of model.structure.areas) {
			expect(area.statements.length, area.key).toBeGreaterThanOrEqual(7);
			expect(area.statements.length, area.key).toBeLessThanOrEqual(9);
		}
		const total = model.structure.areas.reduce((n, a) => n + a.statements.length, 0);
		expect(total).toBeGreaterThanOrEqual(70);
		expect(total).toBeLessThanOrEqual(80);
	});

	it.each(['en', 'sv'])('%s: statement texts are at most 160 characters and unique', (lang) => {
		const texts = Object.values(model.translations[lang].areas).flatMap((a) =>
			Object.values(a.statements).map((s) => s.text)
		);
		expect(texts.length).toBe(model.structure.areas.reduce((n, a) => n + a.statements.length, 0));
		for (const text of texts) expect(text.length, text).toBeLessThanOrEqual(160);
		expect(new Set(texts).size).toBe(texts.length);
	});

	it.each(['en', 'sv'])('%s: labels every scale point and gives advice for every area', (lang) => {
		const t = model.translations[lang];
		for (const point of ['1', '2', '3', '4', '5', 'dontKnow'] as const) expect(t.scale[point]).toBeTruthy();
		for (const [key, area] of Object.entries(t.areas)) {
			expect(area.advice.actions.length, key).toBeGreaterThanOrEqual(3);
			expect(area.advice.actions.length, key).toBeLessThanOrEqual(5);
			const statements = Object.values(area.statements);
			const withAdvice = statements.filter((s) => s.advice).length;
			expect(withAdvice / statements.length, key).toBeGreaterThan(0.5);
		}
	});

	it('has identical keys in English and Swedish', () => {
		const keys = (lang: string) =>
			Object.entries(model.translations[lang].areas).map(([k, a]) => [k, Object.keys(a.statements).sort()]);
		const sortedKeys = (lang: string) => keys(lang).sort(([a], [b]) => String(a).localeCompare(String(b)));
		expect(sortedKeys('sv')).toEqual(sortedKeys('en'));
		expect(Object.keys(model.translations.sv.scale).sort()).toEqual(Object.keys(model.translations.en.scale).sort());
	});

	it('is listed among the models', async () => {
		expect(await listModels()).toContainEqual({ id: 'sos', version: '1.0' });
		expect((await listModels()).map((m) => m.id)).not.toContain('questions');
	});
});

describe('the shipped SOS model 1.1', async () => {
	const model = await loadModel({ id: 'sos', version: '1.1' });
	const previous = await loadModel({ id: 'sos', version: '1.0' });
	const keys = model.structure.areas.flatMap((a) => a.statements);
	const mapping = model.structure.continues!.statements;
	/** The 1.0 statements the issue asks to rewrite: their meaning changes, so no 1.1 statement continues them. */
	const REWRITTEN = [
		'territory_2',
		'territory_5',
		'targets_4',
		'targets_6',
		'targets_8',
		'visualizing_4',
		'visualizing_5',
		'visualizing_6',
		'one_to_one_4',
		'forecasting_4',
		'business_followup_6',
		'business_followup_7',
		'activity_planning_6',
		'field_visits_1',
		'improvement_program_5',
		'improvement_program_6',
		'improvement_program_7',
		'improvement_program_8'
	];

	it('loads with English and Swedish, full advice and the advice thresholds', () => {
		expect(model.structure.version).toBe('1.1');
		expect(Object.keys(model.translations).sort()).toEqual(['en', 'sv']);
		expect(model.structure.thresholds).toEqual({ high: 3.7, basics: 2.5, improvement: 3.0 });
		expect(model.structure.advice).toBe('full');
	});

	it('is the newest version, the one new rounds and the demo take', async () => {
		expect(await listModels()).toContainEqual({ id: 'sos', version: '1.1' });
		expect((await latestModel('sos')).structure.version).toBe('1.1');
	});

	it('has the nine areas in the product order, 7–9 statements each and 70–82 in all', () => {
		expect(model.structure.areas.map((a) => a.key)).toEqual(AREAS);
		for (const area of model.structure.areas) {
			expect(area.statements.length, area.key).toBeGreaterThanOrEqual(7);
			expect(area.statements.length, area.key).toBeLessThanOrEqual(9);
		}
		expect(keys.length).toBeGreaterThanOrEqual(70);
		expect(keys.length).toBeLessThanOrEqual(82);
	});

	it.each(['en', 'sv'])('%s: every statement is at most 160 characters, unique, and has its own advice', (lang) => {
		const statements = Object.values(model.translations[lang].areas).flatMap((a) => Object.values(a.statements));
		expect(statements.length).toBe(keys.length);
		for (const s of statements) {
			expect(s.text.length, s.text).toBeLessThanOrEqual(160);
			expect(s.advice?.trim(), s.text).toBeTruthy();
		}
		expect(new Set(statements.map((s) => s.text.toLowerCase())).size).toBe(statements.length);
		expect(new Set(statements.map((s) => s.advice)).size).toBe(statements.length);
	});

	it.each(['en', 'sv'])('%s: gives every area the full advice, a KPI with a target value, and the scale labels', (lang) => {
		const t = model.translations[lang];
		for (const point of ['1', '2', '3', '4', '5', 'dontKnow', 'notUsed'] as const) expect(t.scale[point], point).toBeTruthy();
		for (const [key, area] of Object.entries(t.areas)) {
			const { summary, actions, ...full } = area.advice;
			expect(fullAdviceSchema.safeParse(full).error?.issues ?? [], key).toEqual([]);
			expect(summary.trim().length, key).toBeGreaterThan(0);
			expect(actions.length, key).toBeGreaterThanOrEqual(3);
			expect(area.advice.kpi!.target, key).toMatch(/\d/);
		}
	});

	it('does not map a rewritten statement to its 1.0 predecessor', () => {
		const predecessors = Object.values(mapping);
		for (const old of REWRITTEN) {
			expect(predecessors, old).not.toContain(old);
			expect(keys, old).not.toContain(old);
		}
	});

	it('maps each continued statement to a 1.0 statement of the same area, and continues every area', () => {
		const before = new Map(previous.structure.areas.flatMap((a) => a.statements.map((s) => [s, a.key] as const)));
		const areaOf = new Map(model.structure.areas.flatMap((a) => a.statements.map((s) => [s, a.key] as const)));
		expect(model.structure.continues!.version).toBe('1.0');
		expect(model.structure.continues!.areas).toEqual(AREAS);
		expect(Object.keys(mapping).length).toBeGreaterThanOrEqual(40);
		for (const [now, old] of Object.entries(mapping)) {
			expect(before.get(old), `${now} → ${old}`).toBe(areaOf.get(now));
			// An unchanged statement keeps its English text; only rewritten ones (new keys) say something new.
			const area = areaOf.get(now)!;
			expect(model.translations.en.areas[area].statements[now].text).toBe(previous.translations.en.areas[area].statements[old].text);
		}
	});

	it('adds the missing items as new, unmapped statements', () => {
		for (const key of [
			'forecasting_accuracy',
			'forecasting_honest_removal',
			'one_to_one_coaching_outcome',
			'activity_planning_levels_reached',
			'business_followup_pipeline_coverage'
		]) {
			expect(keys, key).toContain(key);
			expect(Object.keys(mapping), key).not.toContain(key);
		}
	});

	it('offers "not used" on a short list of statements of this model', () => {
		const notUsed = model.structure.notUsed ?? [];
		expect(model.structure.scale.notUsed).toBe(true);
		expect(notUsed.length).toBeGreaterThan(0);
		expect(notUsed.length).toBeLessThanOrEqual(8);
		for (const s of notUsed) expect(keys, s).toContain(s);
		expect(notUsed).toContain('targets_7');
	});

	it('names the areas each area builds on', () => {
		const depends = Object.fromEntries(model.structure.areas.map((a) => [a.key, a.dependsOn ?? []]));
		expect(depends.forecasting).toContain('business_followup');
		expect(depends.one_to_one).toEqual(expect.arrayContaining(['targets', 'visualizing']));
	});

	it('uses one Swedish term each for one-to-ones, joint field visits and the improvement program', async () => {
		const sv = model.translations.sv.areas;
		expect(sv.one_to_one.name).toBe('Enskilda samtal');
		expect(sv.field_visits.name).toBe('Medåkning');
		expect(sv.improvement_program.name).toBe('Hantering av svaga resultat');
		const visits = Object.values(sv.field_visits.statements).map((s) => s.text.toLowerCase());
		expect(visits.filter((t) => t.includes('medåkning')).length).toBeGreaterThanOrEqual(5);
		const talks = Object.values(sv.one_to_one.statements).map((s) => s.text.toLowerCase());
		expect(talks.filter((t) => /enskil(da|t) samtal/.test(t)).length).toBeGreaterThanOrEqual(5);
		const raw = await readFile(path.resolve('models/sos/1.1/sv.json'), 'utf8');
		expect(raw).not.toMatch(/coachningssamtal|gemensamma? kundbesök|förbättringsprogram/i);
	});
});

describe('loadModel rejects a broken model folder', () => {
	const temps: string[] = [];
	afterEach(async () => {
		await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
	});

	/** A copy of the shipped model in a temp dir, with one file of one version (1.0 unless named) changed. */
	async function copyWith(file: string, change: (json: Record<string, any>) => void, version = '1.0'): Promise<string> {
		const dir = await mkdtemp(path.join(os.tmpdir(), 'sos-models-'));
		temps.push(dir);
		await cp(path.resolve('models/sos'), path.join(dir, 'sos'), { recursive: true });
		const target = path.join(dir, 'sos', version, file);
		const json = JSON.parse(await readFile(target, 'utf8'));
		change(json);
		await writeFile(target, JSON.stringify(json));
		return dir;
	}

	it('accepts an unchanged copy', async () => {
		const dir = await copyWith('sv.json', () => {});
		const model = await loadModel({ id: 'sos', version: '1.0', dir });
		expect(Object.keys(model.translations).sort()).toEqual(['en', 'sv']);
		expect(await listModels(dir)).toEqual([
			{ id: 'sos', version: '1.0' },
			{ id: 'sos', version: '1.1' }
		]);
		expect((await loadModel({ id: 'sos', version: '1.1', dir })).structure.version).toBe('1.1');
	});

	it('rejects a statement mapped to a statement the earlier version does not have', async () => {
		const dir = await copyWith('model.json', (j) => (j.continues.statements.territory_1 = 'territory_99'), '1.1');
		await expect(loadModel({ id: 'sos', version: '1.1', dir })).rejects.toThrow(
			/model\.json: continues\.statements\.territory_1: "territory_99" is not a statement of 1\.0/
		);
	});

	it('rejects a continuity with an area or a version that does not exist', async () => {
		const area = await copyWith('model.json', (j) => j.continues.areas.push('pricing'), '1.1');
		await expect(loadModel({ id: 'sos', version: '1.1', dir: area })).rejects.toThrow(/model\.json: continues\.areas\.9: Unknown area "pricing"/);
		const version = await copyWith('model.json', (j) => (j.continues.version = '0.9'), '1.1');
		await expect(loadModel({ id: 'sos', version: '1.1', dir: version })).rejects.toThrow(/sos\/0\.9\/model\.json: file not found/);
	});

	it('rejects a translation that lacks a field of the full advice', async () => {
		const dir = await copyWith('sv.json', (j) => delete j.areas.forecasting.advice.kpi, '1.1');
		await expect(loadModel({ id: 'sos', version: '1.1', dir })).rejects.toThrow(
			/sv\.json: area "forecasting": advice lacks kpi \(model\.json asks for full advice\)/
		);
		const plan = await copyWith('en.json', (j) => (j.areas.targets.advice.plan.days60 = []), '1.1');
		await expect(loadModel({ id: 'sos', version: '1.1', dir: plan })).rejects.toThrow(/en\.json: areas\.targets\.advice\.plan\.days60: At least 1/);
	});

	it('rejects a missing "not used" label and an unknown "not used" statement', async () => {
		const label = await copyWith('en.json', (j) => delete j.scale.notUsed, '1.1');
		await expect(loadModel({ id: 'sos', version: '1.1', dir: label })).rejects.toThrow(/en\.json: scale\.notUsed: label required by model\.json/);
		const unknown = await copyWith('model.json', (j) => j.notUsed.push('targets_99'), '1.1');
		await expect(loadModel({ id: 'sos', version: '1.1', dir: unknown })).rejects.toThrow(/model\.json: notUsed\.\d+: Unknown statement "targets_99"/);
	});

	it('rejects a translation missing a statement, naming the file and the statement', async () => {
		const dir = await copyWith('sv.json', (j) => delete j.areas.targets.statements.targets_4);
		await expect(loadModel({ id: 'sos', version: '1.0', dir })).rejects.toThrow(
			/sv\.json: area "targets" is missing statement\(s\) targets_4/
		);
	});

	it('rejects a translation with an extra statement', async () => {
		const dir = await copyWith('en.json', (j) => (j.areas.forecasting.statements.forecasting_99 = { text: 'We guess.' }));
		await expect(loadModel({ id: 'sos', version: '1.0', dir })).rejects.toThrow(
			/en\.json: area "forecasting" has statement\(s\) not in model\.json: forecasting_99/
		);
	});

	it('rejects a translation missing an area or with an extra one', async () => {
		const missing = await copyWith('sv.json', (j) => delete j.areas.field_visits);
		await expect(loadModel({ id: 'sos', version: '1.0', dir: missing })).rejects.toThrow(
			/sv\.json: missing area\(s\) field_visits/
		);
		const extra = await copyWith('sv.json', (j) => (j.areas.pricing = structuredClone(j.areas.targets)));
		await expect(loadModel({ id: 'sos', version: '1.0', dir: extra })).rejects.toThrow(/sv\.json: .*area\(s\) not in model\.json: pricing/);
	});

	it('rejects a missing scale label', async () => {
		const dir = await copyWith('en.json', (j) => delete j.scale['3']);
		await expect(loadModel({ id: 'sos', version: '1.0', dir })).rejects.toThrow(/en\.json: scale\.3: /);
	});

	it('rejects a statement over 160 characters and unknown fields', async () => {
		const long = await copyWith('en.json', (j) => (j.areas.territory.statements.territory_1.text = 'x'.repeat(161)));
		await expect(loadModel({ id: 'sos', version: '1.0', dir: long })).rejects.toThrow(
			/en\.json: areas\.territory\.statements\.territory_1\.text: At most 160 characters/
		);
		const unknown = await copyWith('sv.json', (j) => (j.colour = 'red'));
		await expect(loadModel({ id: 'sos', version: '1.0', dir: unknown })).rejects.toThrow(/sv\.json: .*unknown field\(s\) colour/);
	});

	it('rejects a language field that does not match the file name', async () => {
		const dir = await copyWith('sv.json', (j) => (j.language = 'da'));
		await expect(loadModel({ id: 'sos', version: '1.0', dir })).rejects.toThrow(/sv\.json: language is "da"/);
	});

	it('rejects a structure with a duplicate statement key', async () => {
		const dir = await copyWith('model.json', (j) => j.areas[1].statements.push('territory_1'));
		await expect(loadModel({ id: 'sos', version: '1.0', dir })).rejects.toThrow(/model\.json: .*Duplicate statement key "territory_1"/);
	});

	it('rejects unknown models and path tricks', async () => {
		await expect(loadModel({ id: 'nope', version: '1.0' })).rejects.toThrow(/model\.json: file not found/);
		await expect(loadModel({ id: '..', version: '1.0' })).rejects.toThrow(/Invalid model id/);
		await expect(loadModel({ id: 'sos', version: '../1.0' })).rejects.toThrow(/Invalid model version/);
	});
});

describe('the standard question library', async () => {
	const questions = await loadStandardQuestions();

	it('has at least 12 questions with unique keys and every type', () => {
		expect(questions.length).toBeGreaterThanOrEqual(12);
		expect(new Set(questions.map((q) => q.key)).size).toBe(questions.length);
		expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['scale', 'single', 'multi', 'text', 'number']));
		for (const key of ['demand_outlook', 'competition_intensity', 'price_pressure', 'biggest_obstacle'])
			expect(questions.map((q) => q.key)).toContain(key);
	});

	it('has options in both languages, of equal length, for every choice question', () => {
		for (const q of questions.filter((q) => q.type === 'single' || q.type === 'multi')) {
			for (const lang of QUESTION_LANGUAGES) expect(q[lang].options?.length, `${q.key} ${lang}`).toBeGreaterThanOrEqual(2);
			expect(q.sv.options?.length, q.key).toBe(q.en.options?.length);
		}
	});

	it('gives number questions a range and text in both languages', () => {
		for (const q of questions) {
			for (const lang of QUESTION_LANGUAGES) expect(q[lang].text.length, q.key).toBeGreaterThan(0);
			if (q.type === 'number') expect(q.min! < q.max!, q.key).toBe(true);
		}
	});

	it('rejects mismatched options, options on a text question and a number without range', () => {
		const base = { key: 'x', en: { text: 'A?' }, sv: { text: 'B?' } };
		expect(
			standardQuestionSchema.safeParse({
				...base,
				type: 'single',
				en: { text: 'A?', options: ['a', 'b', 'c'] },
				sv: { text: 'B?', options: ['a', 'b'] }
			}).success
		).toBe(false);
		expect(standardQuestionSchema.safeParse({ ...base, type: 'text', en: { text: 'A?', options: ['a', 'b'] } }).success).toBe(false);
		expect(standardQuestionSchema.safeParse({ ...base, type: 'number' }).success).toBe(false);
		expect(standardQuestionSchema.safeParse({ ...base, type: 'number', min: 0, max: 10 }).success).toBe(true);
	});

	it('names the file when the library is broken', async () => {
		const dir = await mkdtemp(path.join(os.tmpdir(), 'sos-questions-'));
		try {
			await cp(path.resolve('models/questions'), path.join(dir, 'questions'), { recursive: true });
			const file = path.join(dir, 'questions', 'standard.json');
			const json = JSON.parse(await readFile(file, 'utf8'));
			json[0].sv.options = ['a', 'b'];
			await writeFile(file, JSON.stringify(json));
			await expect(loadStandardQuestions(dir)).rejects.toThrow(/standard\.json: 0\.sv\.options: Only single and multi/);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
