import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { Locale } from '$lib/i18n';
import { shownDifference } from '$lib/results/colour';
import type { Verdict } from '$lib/results/interval';
import { ORGANIZATION } from '$lib/results/view';
import { unitTrend, type Trend } from '$lib/server/results/trend';
import { listActions, type ActionView } from '$lib/server/actions/queries';
import { listDecisions, type DecisionView } from '$lib/server/decisions/decisions';
import { actionScope } from '$lib/server/actions/policy';

/** The time between two published rounds (or after the latest one): what changed, and what was done. */
export interface Interval {
	from: { id: string; name: string; closedAt: Date | null } | null;
	to: { id: string; name: string; closedAt: Date | null } | null;
	/** Per area: the score before and after, and the change between the two figures as shown. */
	changes: { key: string; before: number | null; after: number | null; change: number | null; verdict: Verdict | null }[];
	/** Actions planned in the interval, by the area they were meant to move (null: no particular area). */
	actions: ActionView[];
	decisions: DecisionView[];
}

export interface Progress {
	trend: Trend;
	intervals: Interval[];
	/** Whether the actor may plan actions and record decisions for this unit (the organization as a whole: admins). */
	canAct: boolean;
}

const at = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY);
const dayTime = (d: string) => Date.parse(`${d}T23:59:59Z`);

/**
 * A unit's progress: each area's score across rounds (the trend, through the same suppression as the
 * report), and between each two rounds the actions planned and the decisions taken then, next to the
 * change they were meant to cause. Newest interval first.
 */
export async function unitProgress(opts: { actor: Actor; unitId: string; locale: Locale }, executor: Db = db()): Promise<Progress> {
	const trend = await unitTrend(opts, executor);
	const isOrg = opts.unitId === ORGANIZATION;
	// The organization: every action and decision the actor sees (each names its unit), its own among them.
	const [scope, actions, decisions] = await Promise.all([
		actionScope(opts.actor, executor),
		listActions({ actor: opts.actor, filter: isOrg ? {} : { unitId: opts.unitId } }, executor),
		listDecisions({ actor: opts.actor, unitIds: isOrg ? null : [opts.unitId] }, executor)
	]);
	const rounds = trend.rounds;
	const intervals: Interval[] = [];
	for (let i = rounds.length; i >= 0; i--) {
		const from = rounds[i - 1] ?? null;
		const to = rounds[i] ?? null;
		if (!from && !to) continue;
		const start = from ? at(from.closedAt) : Number.NEGATIVE_INFINITY;
		const end = to ? at(to.closedAt) : Number.POSITIVE_INFINITY;
		const inside = (t: number) => t > start && t <= end;
		intervals.push({
			from: from && { id: from.id, name: from.name, closedAt: from.closedAt },
			to: to && { id: to.id, name: to.name, closedAt: to.closedAt },
			changes: trend.areas.map((a, ai) => {
				const before = from?.areas[ai].score ?? null;
				const after = to?.areas[ai].score ?? null;
				// Between two rounds listed one after the other: the trend's change carries the verdict (Welch).
				return { key: a.key, before, after, change: shownDifference(after, before), verdict: from && to ? (to.areas[ai].change?.verdict ?? null) : null };
			}),
			actions: actions.filter((a) => inside(a.createdAt.getTime())),
			decisions: decisions.filter((d) => inside(dayTime(d.decidedOn)))
		});
	}
	return { trend, intervals: intervals.filter((iv) => iv.from || iv.actions.length || iv.decisions.length), canAct: scope.canSee(opts.unitId) };
}
