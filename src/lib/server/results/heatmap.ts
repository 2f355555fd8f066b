import { readDb, readFresh, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { NotFoundError } from '$lib/server/errors';
import type { Locale } from '$lib/i18n';
import type { CompiledModel } from '$lib/server/models/registry';
import { shownFigure, statusOf, type Status } from '$lib/results/colour';
import { buildView, type RoundView } from '$lib/results/view';
import { resultsAccess } from './scope';
import { getPublishedRound, loadRoundData, unitsBelow } from './rounds';
import { chooseBenchmark, type Comparison } from './benchmark-choice';
import { modelText } from './text';

export interface HeatmapRow {
	id: string;
	name: string;
	parentId: string | null;
	depth: number;
	respondents: number | null;
	areas: { score: number | null; status: Status | null }[];
}

/** One unit's row of a heatmap: its respondents and area scores where they may be shown. */
export function subunitRow(
	view: RoundView,
	id: string,
	model: CompiledModel,
	bm: (m: number) => number | null,
	high: number
): Omit<HeatmapRow, 'parentId' | 'depth'> {
	const s = view.stats(id).all;
	const shown = view.unit(id).all;
	return {
		id,
		name: view.units.get(id)!.name,
		respondents: shown ? s.respondents : null,
		areas: model.shape.areas.map((_, i) => {
			const score = shown ? shownFigure(view.areaScore(id, i)) : null;
			return { score, status: statusOf(score, bm(i), high) };
		})
	};
}

type HeatmapOptions = { actor: Actor; roundId: string; unitId: string; depth: number; locale: Locale; choice: Comparison };

/** Units × areas for a unit and its sub-units down to `depth` levels, with the same protection as every figure (replica first, as unitResults). */
export async function heatmap(opts: HeatmapOptions, executor: Db = readDb()) {
	return readFresh(executor, (e) => readHeatmap(opts, e));
}

async function readHeatmap(opts: HeatmapOptions, executor: Db) {
	const { organizationId, scope } = await resultsAccess(opts.actor, executor);
	const round = await getPublishedRound({ organizationId, roundId: opts.roundId }, executor);
	const { data, model } = await loadRoundData({ organizationId, round, totalsFor: unitsBelow(round, opts.unitId, opts.depth) }, executor);
	const view = buildView(data, scope, opts.actor.membership!.organizationName);
	if (!view.canOpen(opts.unitId)) throw new NotFoundError('unit');
	const choice = await chooseBenchmark({ organizationId, round, metrics: data.areas + data.statements, areas: data.areas, choice: opts.choice }, executor);
	const bm = (m: number) => choice.benchmark?.values[m] ?? null;
	const high = model.structure.thresholds.high;
	const rows: HeatmapRow[] = [];
	const walk = (id: string, depth: number) => {
		rows.push({ ...subunitRow(view, id, model, bm, high), parentId: depth === 0 ? null : view.units.get(id)!.parentId, depth });
		if (depth < opts.depth) for (const c of view.children.get(id) ?? []) if (view.canOpen(c.id)) walk(c.id, depth + 1);
	};
	walk(opts.unitId, 0);
	const text = modelText(model, opts.locale);
	return { round: { id: round.id, name: round.name, k: round.k }, areas: model.shape.areas.map((a) => ({ key: a.key, name: text.area(a.key).name })), rows };
}
