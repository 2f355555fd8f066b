import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ValidationError } from '$lib/server/errors';
import { isUuid, parse } from '$lib/server/validation';
import { getModel } from '$lib/server/models/registry';
import { recordAudit } from '$lib/server/audit/record';
import { rebuildAllBenchmarks } from './due';

const MAX_BYTES = 100 * 1024;
const COLUMNS = ['area', 'mean', 'organizations', 'respondents'];

export const benchmarkImportInput = z.strictObject({
	label: z.string().trim().min(1, 'Give the source a label, e.g. “Industry study 2025”').max(120, 'At most 120 characters'),
	model: z.string().regex(/^[a-z][a-z0-9_-]{0,39}@\d{1,4}(\.\d{1,4}){0,2}$/, 'Pick a model version')
});

/**
 * The operator imports an existing benchmark as a labelled source: a CSV with one row per area of a
 * model version (area, mean, organizations, respondents). Every row is checked first and the errors
 * are reported per row; nothing is stored unless the whole file is right. Viewers can then compare
 * with it (means only: the file has no organization-level figures for percentiles or segments).
 */
export async function importBenchmark(opts: { actor: Actor; input: unknown; csv: string }, executor: Db = db()): Promise<{ id: string; areas: number }> {
	const input = parse(benchmarkImportInput, opts.input);
	const [modelId, version] = input.model.split('@');
	const model = await getModel(modelId, version).catch(() => {
		throw new ValidationError('model: There is no such model version.', [{ path: 'model', message: 'Unknown model version' }]);
	});
	if (Buffer.byteLength(opts.csv) > MAX_BYTES)
		throw new ValidationError(`file: The file is larger than ${MAX_BYTES / 1024} KB.`, [{ path: 'file', message: 'Too large' }]);
	let records: string[][];
	try {
		records = parseCsv(opts.csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true });
	} catch (err) {
		throw new ValidationError(`file: The file is not readable as CSV (${err instanceof Error ? err.message.slice(0, 120) : 'unknown error'}).`, [
			{ path: 'file', message: 'Not CSV' }
		]);
	}
	const [header, ...rows] = records;
	if (!header || header.map((h) => h.toLowerCase()).join(',') !== COLUMNS.join(','))
		throw new ValidationError(`file: The first row must be the column names ${COLUMNS.join(', ')}.`, [{ path: 'file', message: 'Wrong columns' }]);
	const areaKeys = model.shape.areas.map((a) => a.key);
	const problems: { path: string; message: string }[] = [];
	const seen = new Set<string>();
	const values = rows.map((r, i) => {
		const line = i + 2;
		const [area, mean, organizations, respondents] = r.map((c) => c ?? '');
		const m = Number(mean.replace(',', '.'));
		const o = Number(organizations);
		const n = Number(respondents);
		if (r.length !== 4) problems.push({ path: `row ${line}`, message: 'needs exactly 4 columns' });
		else if (!areaKeys.includes(area))
			problems.push({ path: `row ${line}`, message: `"${area.slice(0, 40)}" is not an area of ${model.ref} (${areaKeys.join(', ')})` });
		else if (seen.has(area)) problems.push({ path: `row ${line}`, message: `${area} appears twice` });
		else if (!(m >= 1 && m <= 5)) problems.push({ path: `row ${line}`, message: 'mean must be a number from 1 to 5' });
		else if (!Number.isInteger(o) || o < 1 || o > 1_000_000)
			problems.push({ path: `row ${line}`, message: 'organizations must be a whole number of at least 1' });
		else if (!Number.isInteger(n) || n < o || n > 100_000_000)
			problems.push({ path: `row ${line}`, message: 'respondents must be a whole number, at least the number of organizations' });
		seen.add(area);
		return { metric: areaKeys.indexOf(area), mean: m, organizations: o, respondents: n };
	});
	if (rows.length === 0) problems.push({ path: 'file', message: 'The file has no rows' });
	if (problems.length)
		throw new ValidationError(
			`file: ${problems.length} row${problems.length === 1 ? '' : 's'} must be corrected: ${problems
				.slice(0, 5)
				.map((p) => `${p.path} ${p.message}`)
				.join('; ')}.`,
			problems
		);

	return executor.transaction().execute(async (trx) => {
		const v = await trx
			.insertInto('benchmark_versions')
			.values({
				model_id: modelId,
				model_version: version,
				source: 'import',
				population: 'live',
				label: input.label,
				organizations: Math.max(...values.map((x) => x.organizations)),
				respondents: Math.max(...values.map((x) => x.respondents)),
				published: true
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('benchmark_stats')
			.values(
				values.map((x) => ({
					version_id: v.id,
					segment: 'all',
					metric: x.metric,
					organizations: x.organizations,
					respondents: x.respondents,
					mean_sum: x.mean * x.organizations,
					sorted_means: null
				}))
			)
			.execute();
		await recordAudit(
			{
				organizationId: null,
				actor: opts.actor.label,
				action: 'benchmark_imported',
				target: input.label,
				details: { model: input.model, areas: values.length }
			},
			trx
		);
		return { id: v.id, areas: values.length };
	});
}

/** The operator keeps an organization out of the benchmark (or lets it back in); the benchmark is rebuilt at once. */
export async function setBenchmarkExclusion(opts: { actor: Actor; organizationId: string; excluded: boolean }, executor: Db = db()): Promise<void> {
	if (!isUuid(opts.organizationId)) throw new ValidationError('organization: There is no such organization.');
	const org = await executor
		.updateTable('organizations')
		.set({ benchmark_excluded: opts.excluded })
		.where('id', '=', opts.organizationId)
		.returning('name')
		.executeTakeFirst();
	if (!org) throw new ValidationError('organization: There is no such organization.');
	await recordAudit(
		{ organizationId: null, actor: opts.actor.label, action: opts.excluded ? 'benchmark_excluded' : 'benchmark_included', target: org.name },
		executor
	);
	await rebuildAllBenchmarks(undefined, executor);
}
