import { readDb, readFresh, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { NotFoundError } from '$lib/server/errors';
import { isUuid } from '$lib/server/validation';
import type { Locale } from '$lib/i18n';
import { addStats, areaScore, emptyStats } from '$lib/results/stats';
import { shownFigure, statusOf, type Status } from '$lib/results/colour';
import { buildView, ORGANIZATION, type RoundView } from '$lib/results/view';
import { changeBetween, meanInterval, type Change, type Interval, type Spread } from '$lib/results/interval';
import { benchmarkFor } from '$lib/server/benchmarks/read';
import { defaultModelId, getModel, latestModel } from '$lib/server/models/registry';
import { continuity, newestVersion, oldestVersion, type Continuity } from '$lib/server/models/continuity';
import { resultsAccess, withPredecessors } from './scope';
import { listPublishedRounds, loadRoundData } from './rounds';
import { modelText } from './text';

const NONE: Spread = { n: 0, sum: 0, sumSq: 0 };

export interface Trend {
	unit: { id: string; name: string };
	/** The model version whose areas the trend shows: the newest its rounds used. */
	model: string;
	/** `since`: the version from which the area's scores compare, when earlier rounds measured it differently (else null). */
	areas: { key: string; name: string; since: string | null }[];
	rounds: {
		id: string;
		name: string;
		closedAt: Date | null;
		/** The model version the round used (a round keeps its version). */
		model: string;
		respondents: number | null;
		/** Units of that round that make up this unit's history there (itself, or the units merged into it). */
		from: string[];
		areas: {
			key: string;
			score: number | null;
			benchmark: number | null;
			status: Status | null;
			/** Respondents with an area mean and the 90 % interval, where every member's spread may be shown. */
			n: number | null;
			interval: Interval | null;
			/** Since the previous round listed: an improvement or decline only when its 90 % interval (Welch) excludes zero. */
			change: Change | null;
			/** False where the round's version measured the area differently (no score or benchmark then). */
			comparable: boolean;
		}[];
	}[];
}

/**
 * A unit's scores per area across the published rounds of one model, oldest first, over its versions:
 * the areas are those of the newest version the rounds used, and an older round shows an area only where
 * the model says the area compares across the versions between (models/continuity.ts); elsewhere the
 * area starts afresh at the version that changed it (`since`). Each round is read with its own version
 * and through its own disclosure pattern, as before. A unit keeps its history when renamed or moved (same
 * unit), and a merged unit takes over the history of the units recorded as merged into it: their figures
 * are added up where each of them may be shown. Read from the replica when there is one; a round
 * published a moment ago may be missing from it until it catches up (a unit it does not know yet is read
 * from the primary).
 */
export async function unitTrend(opts: TrendOptions, executor: Db = readDb()): Promise<Trend> {
	return readFresh(executor, (e) => readTrend(opts, e));
}

/** `modelId`: the model whose rounds make the trend (default: the newest published round's). */
type TrendOptions = { actor: Actor; unitId: string; locale: Locale; modelId?: string };

async function readTrend(opts: TrendOptions, executor: Db): Promise<Trend> {
	const { organizationId, scope } = await resultsAccess(opts.actor, executor);
	const published = await listPublishedRounds({ organizationId }, executor);
	// Without a model named: the model of the newest published round (newest first), else the default model.
	const modelId = opts.modelId ?? published[0]?.modelId ?? (await defaultModelId());
	const rounds = published.filter((r) => r.modelId === modelId).reverse();
	const history = await withPredecessors(organizationId, new Set([opts.unitId]), executor);
	const isOrganization = opts.unitId === ORGANIZATION && scope.all;
	if (!isOrganization && (!isUuid(opts.unitId) || (!scope.all && !scope.unitIds.has(opts.unitId)))) throw new NotFoundError('unit');
	const current = isOrganization
		? null
		: await executor.selectFrom('units').select('name').where('organization_id', '=', organizationId).where('id', '=', opts.unitId).executeTakeFirst();
	const name = isOrganization ? (opts.actor.membership?.organizationName ?? '') : current?.name;
	if (!name) throw new NotFoundError('unit');

	const newest = newestVersion(rounds.map((r) => r.modelVersion));
	const model = newest ? await getModel(modelId, newest) : await latestModel(modelId);
	const version = model.structure.version;
	const links = new Map<string, Continuity>();
	for (const v of new Set(rounds.map((r) => r.modelVersion))) links.set(v, await continuity({ id: modelId, from: v, to: version }));
	const text = modelText(model, opts.locale);
	const out: Trend = {
		unit: { id: opts.unitId, name },
		model: version,
		areas: model.shape.areas.map((a) => ({ key: a.key, name: text.area(a.key).name, since: null })),
		rounds: []
	};
	const spreads = new Map<string, Spread | null>();
	for (const round of rounds) {
		const link = links.get(round.modelVersion)!;
		const { data, model: m } = await loadRoundData({ organizationId, round, totalsFor: [...history] }, executor);
		const view = buildView(data, scope, opts.actor.membership?.organizationName ?? '');
		const members = topMost(
			view,
			[...history].filter((id) => view.canOpen(id))
		);
		if (members.length === 0) continue;
		const bm = round.benchmarkVersionId
			? await benchmarkFor(
					{ versionId: round.benchmarkVersionId, organizationId, segment: 'all', statistic: 'mean', metrics: data.areas + data.statements, areas: data.areas },
					executor
				)
			: null;
		const sum = emptyStats({ areaCount: data.areas, statementCount: data.statements });
		for (const id of members) addStats(sum, view.stats(id).all);
		out.rounds.push({
			id: round.id,
			name: round.name,
			closedAt: round.closedAt,
			model: round.modelVersion,
			respondents: members.every((id) => view.unit(id).all) ? sum.respondents : null,
			from: members.map((id) => view.units.get(id)!.name),
			areas: out.areas.map(({ key }) => {
				const comparable = link.areas.has(key);
				const i = comparable ? m.shape.areas.findIndex((a) => a.key === key) : -1;
				const shown = (metric: number) => members.every((id) => view.metric(id, metric).all);
				const score = i >= 0 && shown(i) ? shownFigure(areaScore(sum, m.shape.areas[i].statements, (si) => shown(data.areas + si))) : null;
				const benchmark = i >= 0 ? shownFigure(bm?.values[i] ?? null) : null;
				// Merged members add up only where each one's spread may be shown: the sum adds nothing to them.
				const parts = i >= 0 && score !== null ? members.map((id) => view.areaSpread(id, i)) : [null];
				const spread = parts.every((x) => x !== null)
					? parts.reduce((a, x) => ({ n: a.n + x!.n, sum: a.sum + x!.sum, sumSq: a.sumSq + x!.sumSq }), NONE)
					: null;
				spreads.set(`${round.id}|${key}`, spread);
				const previous = out.rounds.at(-1);
				const before = previous?.areas.find((x) => x.key === key);
				const change = before ? changeBetween({ score: before.score, spread: spreads.get(`${previous!.id}|${key}`) ?? null }, { score, spread }) : null;
				return {
					key,
					score,
					benchmark,
					status: statusOf(score, benchmark, m.structure.thresholds.high),
					n: spread?.n ?? null,
					interval: meanInterval(score, spread),
					change,
					comparable
				};
			})
		});
	}
	for (const [ai, area] of out.areas.entries()) area.since = sinceOf(out.rounds, ai);
	return out;
}

/**
 * The oldest version whose rounds compare for an area, when some round does not (null when all do, or
 * none does). Comparability follows the chain back from the newest version, so it holds from there on.
 */
function sinceOf(rounds: Trend['rounds'], area: number): string | null {
	if (rounds.every((r) => r.areas[area].comparable)) return null;
	return oldestVersion(rounds.filter((r) => r.areas[area].comparable).map((r) => r.model));
}

/** The members not inside another member (so nothing is counted twice). */
export function topMost(view: RoundView, ids: string[]): string[] {
	const set = new Set(ids);
	return ids.filter((id) => {
		for (let u = view.units.get(id); u?.parentId; u = view.units.get(u.parentId)) if (set.has(u.parentId)) return false;
		return true;
	});
}
