/**
 * Fixture models for advice tests: a copy of models/ in a temporary folder in which the newest SOS version carries fixture
 * advice in every area (levels, gap paragraphs, a 30/60/90-day plan, agenda, KPI, pitfalls), the
 * thresholds for advice levels and improvement areas, and one dependency. Point SOS_MODELS_DIR at it
 * before the first model is read. models/ itself is never changed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The text of a part of an area's full advice in the fixture, so that tests can find it in pages and exports. */
export const fixtureAdvice = (area: string, part: string) => `Fixture ${part} advice for ${area}.`;

export function useModelsWithFullAdvice(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'sos-models-'));
	cpSync(path.resolve('models'), dir, { recursive: true });
	// The newest version: the one new rounds (and so the tests' rounds) are on.
	const newest = readdirSync(path.join(dir, 'sos'))
		.filter((v) => /^\d+(\.\d+)*$/.test(v))
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
		.at(-1)!;
	const folder = path.join(dir, 'sos', newest);
	const structure = JSON.parse(readFileSync(path.join(folder, 'model.json'), 'utf8'));
	structure.advice = 'full';
	structure.thresholds = { ...structure.thresholds, basics: 2.5, improvement: 3.0 };
	structure.areas[1].dependsOn = [structure.areas[0].key];
	writeFileSync(path.join(folder, 'model.json'), JSON.stringify(structure));
	for (const lang of ['en', 'sv']) {
		const file = path.join(folder, `${lang}.json`);
		const t = JSON.parse(readFileSync(file, 'utf8'));
		for (const key of Object.keys(t.areas)) {
			const a = (part: string) => fixtureAdvice(key, `${lang} ${part}`);
			Object.assign(t.areas[key].advice, {
				levels: { basics: a('basics'), consistent: a('consistent'), refine: a('refine') },
				gap: { firstHigher: a('firstHigher'), firstLower: a('firstLower') },
				plan: { days30: [a('days30 first'), a('days30 second')], days60: [a('days60')], days90: [a('days90')] },
				agenda: [a('agenda 1'), a('agenda 2'), a('agenda 3')],
				kpi: { name: a('kpi'), target: 'Within ±10 %', why: a('kpi why') },
				pitfalls: [a('pitfall 1'), a('pitfall 2')]
			});
		}
		writeFileSync(file, JSON.stringify(t));
	}
	process.env.SOS_MODELS_DIR = dir;
	return dir;
}
