import { readDb, readFresh, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { NotFoundError } from '$lib/server/errors';
import type { Locale } from '$lib/i18n';
import { getModel, type CompiledModel } from '$lib/server/models/registry';
import { distribution, statementMean } from '$lib/results/stats';
import { shownDifference, shownFigure, statusOf, type Status } from '$lib/results/colour';
import { DEFAULT_IMPROVEMENT, lowest, rankAreas, strengthsAndImprovementAreas } from '$lib/results/ranking';
import { chooseAdvice, type AreaAdvice } from '$lib/results/advice';
import { buildView, ORGANIZATION, pathTo, type RoundView } from '$lib/results/view';
import { areaStatistics } from '$lib/results/area-figures';
import { inLine, type Interval } from '$lib/results/interval';
import type { Unanswered } from '$lib/results/unanswered';
import type { Role } from '$lib/results/suppression';
import { resultsAccess } from './scope';
import { getPublishedRound, loadRoundData, unitsBelow, type PublishedRound } from './rounds';
import { chooseBenchmark, type BenchmarkChoice, type Comparison } from './benchmark-choice';
import { questionResults, type QuestionResult } from './questions';
import { modelText } from './text';
import { subunitRow } from './heatmap';
import { comparedUnit, internalComparison, internalOptions, type InternalComparison, type InternalOption, type Within } from './internal';

export interface Figure {
	score: number | null;
	benchmark: number | null;
	difference: number | null;
	status: Status | null;
}

export interface AreaResult extends Figure {
	key: string;
	name: string;
	rank: number | null;
	/** Respondents with an area mean, and the score's 90 % interval: where the pattern shows the area's spread. */
	n: number | null;
	interval: Interval | null;
	/** The interval contains the benchmark: the status word says "in line with the benchmark" (the colour stays). */
	inLine: boolean;
	/** Share of answers within one point of each statement's median, over the shown statements. */
	agreement: number | null;
	/** The same per respondent group the unit holds, where the area's split is shown (null inside where a group's score is hidden). */
	agreementByGroup: Record<string, number | null> | null;
	/** "Don't know" and "not used" shares over the shown statements, for everyone and per group (groups: where split). */
	unanswered: { all: Unanswered; byGroup: Record<string, Unanswered> | null };
}

export interface StatementResult extends Figure {
	key: string;
	area: string;
	text: string;
	advice: string | null;
	/** Answers "don't know", 1, 2, 3, 4, 5 — only where the score is shown. */
	distribution: number[] | null;
}

export interface UnitResults {
	round: {
		id: string;
		name: string;
		model: string;
		k: number;
		closedAt: Date | null;
		publishedAt: Date | null;
		isGenerated: boolean;
		respondents: number | null;
	};
	unit: { id: string; name: string; isOrganization: boolean; path: { id: string; name: string }[]; respondents: number | null };
	benchmark: Omit<BenchmarkChoice, 'benchmark'> & {
		label: string | null;
		source: 'sos' | 'import' | null;
		builtAt: Date | null;
		/** Earlier model versions whose rounds the benchmark counts for the figures that compare. */
		carriedVersions: string[];
		organizations: number;
		respondents: number;
	};
	high: number;
	/** Below this (as shown) an area is an improvement area even when it is not below the benchmark. */
	improvementThreshold: number;
	areas: AreaResult[];
	/** Each area's description, in the reader's language. */
	descriptions: Record<string, string>;
	statements: StatementResult[];
	strengths: string[];
	/** Areas below the benchmark or the improvement threshold (never high), the largest shortfall first, each with the advice that fits it. */
	improvements: (Pick<AreaAdvice, 'level' | 'summary' | 'actions' | 'gap' | 'kpi'> & { key: string; lowestStatements: string[] })[];
	/** The model's respondent groups, named in the reader's language. */
	groups: { key: string; name: string }[];
	/**
	 * Where the unit's split by group is shown: the groups it holds (with respondents), the pair the
	 * perception gap compares (the first minus the second), and each area's score per group.
	 */
	gap: {
		groups: { key: string; name: string; respondents: number }[];
		pair: [string, string];
		areas: { key: string; scores: Record<string, number | null>; gap: number | null }[];
	} | null;
	subunits: { id: string; name: string; respondents: number | null; areas: { score: number | null; status: Status | null }[] }[];
	questions: QuestionResult[];
	/** Inside the company: what the unit can be compared with, and the chosen one's area scores (model order). */
	internal: { options: InternalOption[]; compared: InternalComparison | null };
}

type UnitResultsOptions = {
	actor: Actor;
	roundId: string;
	unitId: string;
	locale: Locale;
	choice: Comparison;
	within?: Within | null;
	/** The two groups the perception gap compares (default: the model's pair); ignored unless the unit holds both. */
	gapPair?: readonly [string, string] | null;
};

/**
 * Everything a viewer may see of one unit in one published round; every figure already suppressed.
 * Read from the replica when there is one (published results do not change); a round it does not
 * have yet is read from the primary.
 */
export async function unitResults(opts: UnitResultsOptions, executor: Db = readDb()): Promise<UnitResults> {
	return readFresh(executor, (e) => readUnitResults(opts, e));
}

async function readUnitResults(opts: UnitResultsOptions, executor: Db): Promise<UnitResults> {
	const { organizationId, scope } = await resultsAccess(opts.actor, executor);
	const round = await getPublishedRound({ organizationId, roundId: opts.roundId }, executor);
	const model = await getModel(round.modelId, round.modelVersion);
	const metrics = model.shape.areas.length + model.shape.statementCount;
	const [{ data }, choice] = await Promise.all([
		loadRoundData({ organizationId, round, totalsFor: [...unitsBelow(round, opts.unitId, 1), ...alsoFor(round, opts)] }, executor),
		chooseBenchmark({ organizationId, round, metrics, areas: model.shape.areas.length, choice: opts.choice }, executor)
	]);
	const view = buildView(data, scope, opts.actor.membership!.organizationName);
	if (!view.canOpen(opts.unitId)) throw new NotFoundError('unit');
	const { benchmark: chosen, ...choices } = choice;
	const bm = (m: number) => shownFigure(chosen?.values[m] ?? null);
	const text = modelText(model, opts.locale);
	const high = model.structure.thresholds.high;
	const u = opts.unitId;
	const s = view.stats(u).all;
	const held = heldGroups(view, u, text);
	const figure = (raw: number | null, m: number): Figure => {
		const score = shownFigure(raw);
		return { score, benchmark: bm(m), difference: shownDifference(score, bm(m)), status: statusOf(score, bm(m), high) };
	};

	const areas = rankAreas(
		model.shape.areas.map((a, i) => {
			const f = figure(view.areaScore(u, i), i);
			const area = { index: i, statements: a.statements, notUsed: model.shape.notUsed };
			const stat = (group: 'all' | Role) => areaStatistics(view, u, area, data.areas, group);
			const all = stat('all');
			const split = view.unit(u).roles && view.metric(u, i).roles;
			const byGroup = split ? Object.fromEntries(held.map((g) => [g.key, stat(g.key)])) : null;
			const pick = <T>(f: (x: ReturnType<typeof stat>) => T) => (byGroup ? Object.fromEntries(Object.entries(byGroup).map(([g, x]) => [g, f(x)])) : null);
			return {
				key: a.key,
				name: text.area(a.key).name,
				...f,
				n: all.n,
				interval: all.interval,
				inLine: inLine(all.interval, f.benchmark),
				agreement: all.agreement,
				agreementByGroup: pick((x) => x.agreement),
				unanswered: { all: all.unanswered, byGroup: pick((x) => x.unanswered) }
			};
		})
	);
	const statements = model.shape.areas.flatMap((a, ai) =>
		a.statements.map((si) => {
			const key = model.statementKeys[si];
			const shown = view.metric(u, data.areas + si).all;
			return {
				key,
				area: model.shape.areas[ai].key,
				text: text.statement(a.key, key).text,
				advice: text.statement(a.key, key).advice ?? null,
				distribution: shown ? distribution(s, si) : null,
				...figure(shown ? statementMean(s, si) : null, data.areas + si)
			};
		})
	);
	const thresholds = model.structure.thresholds;
	const { strengths, improvements } = strengthsAndImprovementAreas(areas, thresholds);
	const gap = gapOf(view, u, model, held, opts.gapPair ?? null);
	const unit = view.units.get(u)!;
	return {
		round: roundInfo(round, view),
		unit: {
			id: u,
			name: unit.name,
			isOrganization: u === ORGANIZATION,
			path: pathTo(view, u, view.canOpen)
				.slice(0, -1)
				.map(({ id, name }) => ({ id, name })),
			respondents: view.unit(u).all ? s.respondents : null
		},
		benchmark: {
			...choices,
			label: chosen?.version.label ?? null,
			source: chosen?.version.source ?? null,
			builtAt: chosen?.version.builtAt ?? null,
			carriedVersions: chosen?.version.carriedVersions ?? [],
			organizations: chosen?.organizations ?? 0,
			respondents: chosen?.respondents ?? 0
		},
		high,
		improvementThreshold: thresholds.improvement ?? DEFAULT_IMPROVEMENT,
		areas,
		descriptions: Object.fromEntries(model.shape.areas.map((a) => [a.key, text.area(a.key).description])),
		statements,
		strengths: strengths.map((a) => a.key),
		improvements: improvements.map((a) => {
			const { level, summary, actions, gap: gapAdvice, kpi } = adviceFor(text, a, model, gap);
			return {
				key: a.key,
				level,
				summary,
				actions,
				gap: gapAdvice,
				kpi,
				lowestStatements: lowest(statements.filter((st) => st.area === a.key)).map((st) => st.key)
			};
		}),
		groups: model.structure.groups.map((key) => ({ key, name: text.group(key).other })),
		gap,
		subunits: (view.children.get(u) ?? []).filter((c) => view.canOpen(c.id)).map((c) => subunitRow(view, c.id, model, bm, high)),
		questions: await questionResults({ organizationId, round, view, unitId: u, locale: opts.locale }, executor),
		internal: {
			options: internalOptions(round, data, organizationName(opts.actor), u),
			compared: internalComparison(round, data, organizationName(opts.actor), u, opts.within ?? null)
		}
	};
}

const organizationName = (actor: Actor) => actor.membership!.organizationName;

/** The unit compared with inside the company, whose figures are loaded too. */
const alsoFor = (round: PublishedRound, opts: UnitResultsOptions) => {
	const other = comparedUnit(round, opts.unitId, opts.within ?? null);
	return other ? [other] : [];
};

/** The advice that fits an area of the unit: by its shown score and, where shown, the split of the model's gap pair. */
export function adviceFor(
	text: ReturnType<typeof modelText>,
	area: { key: string; score: number | null },
	model: CompiledModel,
	gap: UnitResults['gap']
): AreaAdvice {
	const advice = text.area(area.key).advice;
	const [first, second] = defaultPair(model);
	// The gap paragraph is written for the model's own pair: it speaks only when that pair is compared.
	const row = gap && gap.pair[0] === first && gap.pair[1] === second ? gap.areas.find((g) => g.key === area.key) : null;
	const pair = row ? { first: row.scores[first] ?? null, second: row.scores[second] ?? null } : null;
	return chooseAdvice({ ...advice, score: area.score, thresholds: model.structure.thresholds, pair });
}

/** The pair of groups the model's perception gap compares: its own choice, or its first two groups. */
export function defaultPair(model: CompiledModel): [string, string] {
	const g = model.structure.groups;
	return model.structure.gap ?? [g[0], g[1] ?? g[0]];
}

function roundInfo(round: PublishedRound, view: RoundView): UnitResults['round'] {
	const top = view.roots.length === 1 ? view.roots[0] : null;
	return {
		id: round.id,
		name: round.name,
		model: `${round.modelId} ${round.modelVersion}`,
		k: round.k,
		closedAt: round.closedAt,
		publishedAt: round.publishedAt,
		isGenerated: round.isGenerated,
		respondents: top && view.unit(top).all ? view.respondents(top) : null
	};
}

/** The groups of the model that hold respondents in the unit, where its split by group is shown. */
function heldGroups(view: RoundView, u: string, text: ReturnType<typeof modelText>): { key: string; name: string; respondents: number }[] {
	if (!view.unit(u).roles) return [];
	const stats = view.stats(u);
	return view.groups.filter((g) => stats[g].respondents > 0).map((g) => ({ key: g, name: text.group(g).other, respondents: stats[g].respondents }));
}

function gapOf(
	view: RoundView,
	u: string,
	model: CompiledModel,
	held: { key: string; name: string; respondents: number }[],
	wanted: readonly [string, string] | null
): UnitResults['gap'] {
	if (held.length < 2) return null;
	const has = (g: string) => held.some((h) => h.key === g);
	const fits = (p: readonly [string, string] | null): p is [string, string] => !!p && p[0] !== p[1] && has(p[0]) && has(p[1]);
	const pair: [string, string] = fits(wanted) ? [wanted[0], wanted[1]] : fits(defaultPair(model)) ? defaultPair(model) : [held[0].key, held[1].key];
	const rows = model.shape.areas.map((a, i) => {
		const scores = Object.fromEntries(held.map((g) => [g.key, shownFigure(view.areaScore(u, i, g.key))]));
		return { key: a.key, scores, gap: shownDifference(scores[pair[0]], scores[pair[1]]) };
	});
	return { groups: held, pair, areas: rows };
}
