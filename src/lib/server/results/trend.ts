import { readDb, readFresh, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { NotFoundError } from '$lib/server/errors';
import { isUuid } from '$lib/server/validation';
import type { Locale } from '$lib/i18n';
import { addStats, areaScore, emptyStats } from '$lib/results/stats';
import { shownFigure, statusOf, type Status } from '$lib/results/colour';
import { buildView, ORGANIZATION, type RoundView } from '$lib/results/view';
import { changeBetween, meanInterval, type Change, type Interval, type Spread } from '$lib/results/interval';

const NONE: Spread = { n: 0, sum: 0, sumSq: 0 };
import { benchmarkFor } from '$lib/server/benchmarks/read';
import { latestModel } from '$lib/server/models/registry';
import { resultsAccess, withPredecessors } from './scope';
import { listPublishedRounds, loadRoundData } from './rounds';
import { modelText } from './text';

export interface Trend {
	unit: { id: string; name: string };
	areas: { key: string; name: string }[];
	rounds: {
		id: string;
		name: string;
		closedAt: Date | null;
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
		}[];
	}[];
}

/**
 * A unit's scores per area across the published rounds of one model, oldest first. A unit keeps its
 * history when renamed or moved (same unit), and a merged unit takes over the history of the units
 * recorded as merged into it: their figures are added up where each of them may be shown. Read from the
 * replica when there is one; a round published a moment ago may be missing from it until it catches up
 * (a unit it does not know yet is read from the primary).
 */
export async function unitTrend(opts: TrendOptions, executor: Db = readDb()): Promise<Trend> {
	return readFresh(executor, (e) => readTrend(opts, e));
}

type TrendOptions = { actor: Actor; unitId: string; locale: Locale; modelId?: string };

async function readTrend(opts: TrendOptions, executor: Db): Promise<Trend> {
	const { organizationId, scope } = await resultsAccess(opts.actor, executor);
	const modelId = opts.modelId ?? (await latestModel()).structure.id;
	const rounds = (await listPublishedRounds({ organizationId }, executor)).filter((r) => r.modelId === modelId).reverse();
	const history = await withPredecessors(organizationId, new Set([opts.unitId]), executor);
	const isOrganization = opts.unitId === ORGANIZATION && scope.all;
	if (!isOrganization && (!isUuid(opts.unitId) || (!scope.all && !scope.unitIds.has(opts.unitId)))) throw new NotFoundError('unit');
	const current = isOrganization
		? null
		: await executor.selectFrom('units').select('name').where('organization_id', '=', organizationId).where('id', '=', opts.unitId).executeTakeFirst();
	const name = isOrganization ? (opts.actor.membership?.organizationName ?? '') : current?.name;
	if (!name) throw new NotFoundError('unit');

	const model = await latestModel(modelId);
	const text = modelText(model, opts.locale);
	const out: Trend = { unit: { id: opts.unitId, name }, areas: model.shape.areas.map((a) => ({ key: a.key, name: text.area(a.key).name })), rounds: [] };
	const spreads = new Map<string, Spread | null>();
	for (const round of rounds) {
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
			respondents: members.every((id) => view.unit(id).all) ? sum.respondents : null,
			from: members.map((id) => view.units.get(id)!.name),
			areas: out.areas.map(({ key }) => {
				const i = m.shape.areas.findIndex((a) => a.key === key);
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
					change
				};
			})
		});
	}
	return out;
}

/** The members not inside another member (so nothing is counted twice). */
function topMost(view: RoundView, ids: string[]): string[] {
	const set = new Set(ids);
	return ids.filter((id) => {
		for (let u = view.units.get(id); u?.parentId; u = view.units.get(u.parentId)) if (set.has(u.parentId)) return false;
		return true;
	});
}
