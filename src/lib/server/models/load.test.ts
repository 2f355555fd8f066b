import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listModels, loadModel, loadStandardQuestions } from './load';
import { QUESTION_LANGUAGES, standardQuestionSchema } from './schema';

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

describe('loadModel rejects a broken model folder', () => {
	const temps: string[] = [];
	afterEach(async () => {
		await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
	});

	/** A copy of the shipped model in a temp dir, with one file changed. */
	async function copyWith(file: string, change: (json: Record<string, any>) => void): Promise<string> {
		const dir = await mkdtemp(path.join(os.tmpdir(), 'sos-models-'));
		temps.push(dir);
		await cp(path.resolve('models/sos'), path.join(dir, 'sos'), { recursive: true });
		const target = path.join(dir, 'sos', '1.0', file);
		const json = JSON.parse(await readFile(target, 'utf8'));
		change(json);
		await writeFile(target, JSON.stringify(json));
		return dir;
	}

	it('accepts an unchanged copy', async () => {
		const dir = await copyWith('sv.json', () => {});
		const model = await loadModel({ id: 'sos', version: '1.0', dir });
		expect(Object.keys(model.translations).sort()).toEqual(['en', 'sv']);
		expect(await listModels(dir)).toEqual([{ id: 'sos', version: '1.0' }]);
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
