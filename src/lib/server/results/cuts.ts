import { readDb, readFresh, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import type { Locale } from '$lib/i18n';
import { listUnitAttributes } from '$lib/server/units/queries';
import { shownFigure, statusOf, type Status } from '$lib/results/colour';
import { combine, cutTerms } from '$lib/results/cuts';
import { emptyStats, areaScore } from '$lib/results/stats';
import { buildView, ORGANIZATION, type RoundData, type RoundView } from '$lib/results/view';
import { resultsAccess } from './scope';
import { getPublishedRound, loadRoundData, unitsBelow } from './rounds';
import { chooseBenchmark, type Comparison } from './benchmark-choice';
import { modelText } from './text';

export interface CutRow {
	/** The attribute's value; null for the units that have none. */
	value: string | null;
	respondents: number | null;
	areas: { score: number | null; status: Status | null }[];
}

type CutOptions = { actor: Actor; roundId: string; unitId: string; attribute: string | null; locale: Locale; choice: Comparison };

/**
 * A unit's respondents cut by a unit attribute (e.g. sales model): one row per value, with each area's
 * score only where it is a combination of figures this viewer already sees (`lib/results/cuts.ts`) and
 * counts at least k respondents. Without an attribute, only the attributes on offer.
 */
export async function heatmapCut(opts: CutOptions, executor: Db = readDb()) {
	return readFresh(executor, (e) => readCut(opts, e));
}

async function readCut(opts: CutOptions, executor: Db) {
	const { organizationId, scope } = await resultsAccess(opts.actor, executor);
	const round = await getPublishedRound({ organizationId, roundId: opts.roundId }, executor);
	const [{ data, model }, attributes] = await Promise.all([
		loadRoundData({ organizationId, round, totalsFor: unitsBelow(round, opts.unitId, Infinity) }, executor),
		listUnitAttributes({ organizationId }, executor)
	]);
	const view = buildView(data, scope, opts.actor.membership!.organizationName);
	if (!view.canOpen(opts.unitId)) throw new NotFoundError('unit');
	const keys = [...new Set([...attributes.values()].flatMap((a) => Object.keys(a)))].sort();
	const base = { round: { id: round.id, name: round.name, k: round.k }, attributes: keys };
	const text = modelText(model, opts.locale);
	const areas = model.shape.areas.map((a) => ({ key: a.key, name: text.area(a.key).name }));
	if (opts.attribute === null) return { ...base, attribute: null, areas, rows: [] };
	if (!keys.includes(opts.attribute)) throw new ValidationError(`attribute: The organization's units have no attribute '${opts.attribute.slice(0, 60)}'.`);

	const valueOf = inherited(view, (id) => attributes.get(id)?.[opts.attribute!] ?? null);
	const own = ownCounts(data);
	const units = view.subtree(opts.unitId);
	const values = [...new Set(units.filter((u) => (own.get(u)?.respondents ?? 0) > 0).map(valueOf))].sort(byValue);
	const choice = await chooseBenchmark({ organizationId, round, metrics: data.areas + data.statements, areas: data.areas, choice: opts.choice }, executor);
	const high = model.structure.thresholds.high;
	const rows = values.map((value) => {
		const row = cutRow(view, data, own, opts.unitId, (u) => valueOf(u) === value);
		return {
			value,
			respondents: row.respondents,
			areas: row.scores.map((score, i) => ({ score, status: statusOf(score, choice.benchmark?.values[i] ?? null, high) }))
		};
	});
	return { ...base, attribute: opts.attribute, areas, rows };
}

const byValue = (a: string | null, b: string | null) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b));

/** A unit's value: its own, or the nearest unit's above it (a region's location covers its teams). */
function inherited(view: RoundView, own: (id: string) => string | null): (id: string) => string | null {
	const memo = new Map<string, string | null>();
	const valueOf = (id: string): string | null => {
		if (!memo.has(id)) {
			const parent = view.units.get(id)?.parentId;
			memo.set(id, id === ORGANIZATION ? null : (own(id) ?? (parent ? valueOf(parent) : null)));
		}
		return memo.get(id)!;
	};
	return valueOf;
}

/** Each unit's own respondents and statement answers, both roles together. */
function ownCounts(data: RoundData) {
	const own = new Map<string, { respondents: number; statementN: number[] }>();
	for (const a of data.aggregates) {
		const o = own.get(a.unitId) ?? own.set(a.unitId, { respondents: 0, statementN: Array(data.statements).fill(0) }).get(a.unitId)!;
		o.respondents += a.stats.respondents;
		a.stats.statementN.forEach((n, i) => (o.statementN[i] += n));
	}
	return own;
}

/** One value's respondents and area scores, each from shown whole-unit figures only, hidden below k. */
function cutRow(view: RoundView, data: RoundData, own: ReturnType<typeof ownCounts>, root: string, inCut: (id: string) => boolean) {
	const children = (id: string) => (view.children.get(id) ?? []).map((c) => c.id);
	const hidden = { respondents: null, scores: Array<number | null>(data.areas).fill(null) };
	const people = cutTerms({ root, children, inCut, own: (u) => own.get(u)?.respondents ?? 0, shown: (u) => view.unit(u).all });
	const respondents = people ? combine(people, (u) => view.stats(u).all.respondents) : 0;
	if (!people || respondents < data.k) return hidden;
	const stats = emptyStats({ areaCount: data.areas, statementCount: data.statements });
	const shown = Array.from({ length: data.statements }, (_, s) => {
		const terms = cutTerms({ root, children, inCut, own: (u) => own.get(u)?.statementN[s] ?? 0, shown: (u) => view.metric(u, data.areas + s).all });
		if (!terms) return false;
		stats.statementN[s] = combine(terms, (u) => view.stats(u).all.statementN[s]);
		stats.statementSum[s] = combine(terms, (u) => view.stats(u).all.statementSum[s]);
		return stats.statementN[s] >= data.k;
	});
	const scores = data.areaStatements.map((list) =>
		2 * list.filter((s) => shown[s]).length >= list.length ? shownFigure(areaScore(stats, list, (s) => shown[s])) : null
	);
	return { respondents, scores };
}
