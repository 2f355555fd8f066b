import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { Locale } from '$lib/i18n';
import { shownDifference, type Status } from '$lib/results/colour';
import type { Verdict } from '$lib/results/interval';
import { unitTrend } from '$lib/server/results/trend';
import { defaultModelId } from '$lib/server/models/registry';

export interface QbrRound {
	name: string;
	closedAt: Date | null;
}

export interface QbrArea {
	key: string;
	name: string;
	/** As the report and the trend show them (null: hidden there). */
	score: number | null;
	benchmark: number | null;
	status: Status | null;
	previous: number | null;
	/** Latest − previous between the figures as shown, and its verdict, as the progress page shows them. */
	change: number | null;
	verdict: Verdict | null;
}

export type QbrScores =
	{ state: 'none' } | { state: 'hidden'; round: QbrRound } | { state: 'shown'; round: QbrRound; previous: QbrRound | null; areas: QbrArea[] };

/**
 * The unit's area scores (the default model's) in the latest published round closed by `end`, beside the round before it:
 * the unit's trend (the results pages' figures, through the viewer's part of the disclosure pattern),
 * nothing recomputed. 'hidden' when that round shows nothing of the unit (too few respondents).
 */
export async function qbrScores(opts: { actor: Actor; unitId: string; end: Date; locale: Locale }, executor: Db = db()): Promise<QbrScores> {
	const trend = await unitTrend({ actor: opts.actor, unitId: opts.unitId, locale: opts.locale, modelId: await defaultModelId() }, executor);
	const upTo = trend.rounds.filter((r) => r.closedAt !== null && r.closedAt < opts.end);
	const latest = upTo.at(-1);
	if (!latest) return { state: 'none' };
	const round = { name: latest.name, closedAt: latest.closedAt };
	if (latest.respondents === null) return { state: 'hidden', round };
	const before = upTo.at(-2) ?? null;
	return {
		state: 'shown',
		round,
		previous: before && { name: before.name, closedAt: before.closedAt },
		areas: trend.areas.map((a, i) => {
			const now = latest.areas[i];
			const previous = before?.areas[i].score ?? null;
			return {
				key: a.key,
				name: a.name,
				score: now.score,
				benchmark: now.benchmark,
				status: now.status,
				previous,
				change: shownDifference(now.score, previous),
				// The trend's change is between rounds listed one after the other, as these two are.
				verdict: before ? (now.change?.verdict ?? null) : null
			};
		})
	};
}
