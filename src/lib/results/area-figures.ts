/**
 * How far an area's score can be trusted, for one group of one unit (pure, read through a viewer's
 * view): its n and 90 % interval (from the area's spread, where the pattern shows it), the agreement
 * within the team and the shares of "don't know" and "not used" (from the statements' distributions
 * that are shown). Each figure is there only where the figure it derives from is: none without the
 * area's score.
 */
import { agreement } from './agreement';
import { meanInterval, type Interval } from './interval';
import { unanswered, type Unanswered } from './unanswered';
import { distribution, notUsedCount } from './stats';
import type { RoundView } from './view';
import type { Role } from './suppression';

export interface AreaStatistics {
	/** Respondents with an area mean. */
	n: number | null;
	interval: Interval | null;
	/** Share of scored answers within one point of their statement's median. */
	agreement: number | null;
	unanswered: Unanswered;
}

export const NO_STATISTICS: AreaStatistics = { n: null, interval: null, agreement: null, unanswered: { dontKnow: null, notUsed: null } };

/**
 * `area`: the area's index, its statement indices and the model's statements that offer "not used in our
 * team" (ModelShape.notUsed; the share is null where no shown statement offers it, never a 0 that only
 * says they were hidden); `areas`: how many areas the model has (statements are metrics after them).
 */
export function areaStatistics(
	view: RoundView,
	unitId: string,
	area: { index: number; statements: readonly number[]; notUsed?: readonly number[] },
	areas: number,
	group: 'all' | Role = 'all'
): AreaStatistics {
	const score = view.areaScore(unitId, area.index, group);
	if (score === null) return NO_STATISTICS;
	const key = group === 'all' ? 'all' : 'roles';
	const stats = view.stats(unitId)[group];
	const shown = area.statements.filter((si) => view.metric(unitId, areas + si)[key]);
	const dists = shown.map((si) => distribution(stats, si));
	const spread = view.areaSpread(unitId, area.index, group);
	return {
		n: spread?.n ?? null,
		interval: meanInterval(score, spread),
		agreement: agreement(dists),
		unanswered: unanswered(
			dists,
			shown.map((si) => (area.notUsed?.includes(si) ? notUsedCount(stats, si) : undefined))
		)
	};
}
