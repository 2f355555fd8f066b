import { sql } from 'kysely';
import { z } from 'zod';
import { readDb, type Db } from '$lib/server/db';
import { getModel, usableVersions } from '$lib/server/models/registry';
import type { Population } from '$lib/server/benchmarks/versions';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import { addResponse, emptyQuality, summarize, type ModelQuality } from '$lib/psychometrics/quality';

const BATCH = 5000;

const input = z.strictObject({
	model: z.string().regex(/^[a-z][a-z0-9_-]{0,39}@\d{1,4}(\.\d{1,4}){0,2}$/, 'Must name a model version, e.g. sos@1.0'),
	population: z.enum(['live', 'demo'], { message: 'Must be live or demo' }).default('live')
});

export interface ModelQualityReport {
	model: { id: string; version: string };
	population: Population;
	quality: ModelQuality;
	/** The model's texts in the reader's language (English where it has none); groups by key, as many (column heads). */
	names: { areas: Record<string, string>; statements: Record<string, string>; groups: Record<string, string> };
}

/**
 * How well a model version measures, for the operator (the only reader): every stored response of every
 * closed round on that version, across the organizations of the population (customers, or the generated
 * demo organizations) that contribute to the benchmark, read in batches and kept only as sums
 * (lib/psychometrics/quality.ts). Nothing per organization is returned, not even which organizations
 * there are; below the minimum population nothing but that fact.
 */
export async function modelQuality(opts: { model: unknown; population?: unknown; locale: string }, executor: Db = readDb()): Promise<ModelQualityReport> {
	const parsed = input.safeParse({ model: opts.model, population: opts.population ?? undefined });
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
		throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
	}
	const [id, version] = parsed.data.model.split('@');
	if (!(await usableVersions()).some((m) => m.id === id && m.version === version)) throw new NotFoundError('model version');
	const model = await getModel(id, version);
	const population = parsed.data.population;

	// The closed rounds on this version, grouped by organization (each organization's responses must come together).
	const rounds = await sql<{ organization_id: string; id: string }>`
		SELECT r.organization_id, r.id FROM rounds r
		JOIN organizations o ON o.id = r.organization_id
		WHERE r.model_id = ${id} AND r.model_version = ${version} AND r.status IN ('closed', 'published')
			AND o.is_demo = ${population === 'demo'} AND NOT o.benchmark_excluded
		ORDER BY r.organization_id, r.id`.execute(executor);

	const q = emptyQuality(model.shape, model.structure.groups);
	const answers: (number | null)[] = Array(model.shape.statementCount).fill(null);
	// Each round's responses in pages of BATCH by key (the primary key's order within the round).
	for (const round of rounds.rows)
		for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
			// The answers as text ("1,5,,0"): parsing that here is several times faster than the driver's array parser.
			const page = await executor
				.selectFrom('responses')
				.select(['id', 'job_role', sql<string>`array_to_string(answers, ',', '')`.as('answers')])
				.where('organization_id', '=', round.organization_id)
				.where('round_id', '=', round.id)
				.where('id', '>', after)
				.orderBy('id')
				.limit(BATCH)
				.execute();
			for (const r of page) addResponse(q, { organization: round.organization_id, role: r.job_role, answers: parseAnswers(r.answers, answers) });
			if (page.length < BATCH) break;
			after = page[page.length - 1].id;
		}

	const notUsed = new Set((model.structure.notUsed ?? []).map((key) => model.statementKeys.indexOf(key)));
	const quality = summarize(q, { statementKeys: model.statementKeys, notUsed });
	const texts = model.translations[opts.locale] ?? model.translations.en;
	const groups = Object.fromEntries(model.structure.groups.map((g) => [g, texts.groups[g]?.other ?? g]));
	const names = { areas: {} as Record<string, string>, statements: {} as Record<string, string>, groups };
	if (quality.enough)
		for (const [key, area] of Object.entries(texts.areas)) {
			names.areas[key] = area.name;
			for (const [s, st] of Object.entries(area.statements)) names.statements[s] = st.text;
		}
	return { model: { id, version }, population, quality, names };
}

/**
 * Reads "1,5,,0,-1" (array_to_string with empty for NULL) into `into`, which it returns: integers, null
 * where empty. Statements beyond the text stay null.
 */
export function parseAnswers(text: string, into: (number | null)[]): (number | null)[] {
	into.fill(null);
	let i = 0;
	let value = 0;
	let digits = false;
	let negative = false;
	for (let c = 0; c <= text.length; c++) {
		const code = c < text.length ? text.charCodeAt(c) : 44;
		if (code === 44) {
			if (i < into.length) into[i] = digits ? (negative ? -value : value) : null;
			i++;
			value = 0;
			digits = false;
			negative = false;
		} else if (code === 45) negative = true;
		else if (code >= 48 && code <= 57) {
			value = value * 10 + code - 48;
			digits = true;
		}
	}
	return into;
}

/** The model versions the operator can choose from (those that ship with this release), newest last. */
export async function qualityModels(): Promise<string[]> {
	return (await usableVersions()).map((m) => `${m.id}@${m.version}`);
}
