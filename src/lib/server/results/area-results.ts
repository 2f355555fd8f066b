import type { Db } from '$lib/server/db';
import { NotFoundError } from '$lib/server/errors';
import { getModel } from '$lib/server/models/registry';
import { DEFAULT_BASICS, type AreaAdvice } from '$lib/results/advice';
import { adviceFor, unitResults, type AreaResult, type StatementResult, type UnitResults } from './unit-results';
import { modelText } from './text';
import { previousStatements } from './statement-trend';
import type { Locale } from '$lib/i18n';

export interface AreaResults {
	round: UnitResults['round'];
	unit: UnitResults['unit'];
	benchmark: UnitResults['benchmark'];
	area: AreaResult & { description: string; advice: AreaAdvice };
	/** The area's statements, each with its mean in the previous round where it maps to one there and that round shows it. */
	statements: (StatementResult & { previous: number | null })[];
	/** The round those previous means come from (null when there is none, or it shows none of them). */
	previousRound: { id: string; name: string; closedAt: Date | null } | null;
	isImprovement: boolean;
	/** The areas this one builds on (the model's `dependsOn`), with their names and status as shown. */
	buildsOn: Pick<AreaResult, 'key' | 'name' | 'score' | 'status'>[];
	/** The model's respondent groups, named. */
	groups: UnitResults['groups'];
	/** The area's scores of the two groups the unit's perception gap compares, when its split is shown. */
	pair: { key: string; name: string; score: number | null }[] | null;
	/** The thresholds the advice level was chosen by. */
	thresholds: { basics: number; high: number };
}

/** One area of a unit's report: its statements, the advice that fits its score and gap, and the areas it builds on. */
export async function areaResults(opts: Parameters<typeof unitResults>[0] & { areaKey: string }, executor?: Db): Promise<AreaResults> {
	const results = await unitResults(opts, executor);
	const area = results.areas.find((a) => a.key === opts.areaKey);
	if (!area) throw new NotFoundError('area');
	const [modelId, version] = results.round.model.split(' ');
	const model = await getModel(modelId, version);
	const text = modelText(model, opts.locale);
	const dependsOn = model.structure.areas.find((a) => a.key === area.key)?.dependsOn ?? [];
	const row = results.gap?.areas.find((g) => g.key === area.key);
	const pair =
		results.gap && row
			? results.gap.pair.map((g) => ({ key: g, name: results.gap!.groups.find((x) => x.key === g)!.name, score: row.scores[g] ?? null }))
			: null;
	const statements = results.statements.filter((s) => s.area === area.key);
	const before = await previousStatements(
		{ actor: opts.actor, roundId: opts.roundId, unitId: opts.unitId, statementKeys: statements.map((s) => s.key) },
		executor
	);
	const previous = (key: string) => before?.means.get(key) ?? null;
	return {
		round: results.round,
		unit: results.unit,
		benchmark: results.benchmark,
		area: { ...area, description: text.area(area.key).description, advice: adviceFor(text, area, model, results.gap) },
		statements: statements.map((s) => ({ ...s, previous: previous(s.key) })),
		previousRound: before && statements.some((s) => previous(s.key) !== null) ? before.round : null,
		isImprovement: results.improvements.some((i) => i.key === area.key),
		buildsOn: dependsOn.flatMap((k) => results.areas.filter((a) => a.key === k).map(({ key, name, score, status }) => ({ key, name, score, status }))),
		groups: results.groups,
		pair,
		thresholds: { basics: model.structure.thresholds.basics ?? DEFAULT_BASICS, high: model.structure.thresholds.high }
	};
}

/**
 * The advice of some of a unit's areas exactly as each area's page shows it (adviceFor: by the score as
 * shown and the gap pair's split as shown), for the exports, which print the improvement areas' plans.
 */
export async function adviceOfAreas(results: UnitResults, keys: string[], locale: Locale): Promise<Record<string, AreaAdvice>> {
	const [modelId, version] = results.round.model.split(' ');
	const model = await getModel(modelId, version);
	const text = modelText(model, locale);
	const areas = results.areas.filter((a) => keys.includes(a.key));
	return Object.fromEntries(areas.map((a) => [a.key, adviceFor(text, a, model, results.gap)]));
}
