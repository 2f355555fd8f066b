import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { Locale } from '$lib/i18n';
import { unitResults, type UnitResults } from '$lib/server/results/unit-results';
import { unitTrend, type Trend } from '$lib/server/results/trend';
import type { Comparison } from '$lib/server/results/benchmark-choice';
import { openActionsOf, type ActionView } from '$lib/server/actions/queries';
import { adviceOfAreas } from '$lib/server/results/area-results';
import type { AreaAdvice } from '$lib/results/advice';
import { unitAlignment, type UnitAlignment } from '$lib/server/results/alignment';
import { experimentsFollowUp, type ExperimentFollowUp } from '$lib/server/experiments/follow-up';

/**
 * Everything a report (PDF, deck, workbook, CSV) of one unit in one round shows. It is made of exactly
 * what the report page shows the same viewer (unitResults and unitTrend, both through the one
 * suppression module), plus the open actions of the unit's subtree and the improvement areas' advice as
 * their area pages show it, and for a model with alignment pairs the alignment and the experiments'
 * follow-up as the alignment page shows them: no export reads figures any other way.
 */
export interface ReportData {
	locale: Locale;
	organization: string;
	generatedAt: Date;
	results: UnitResults;
	trend: Trend;
	/** Open actions (planned or in progress) of the unit and the units below it. */
	actions: ActionView[];
	/** Each improvement area's advice as its area page shows it (the 30/60/90-day plan, agenda and pitfalls with it). */
	advice: Record<string, AreaAdvice>;
	/** For a model with alignment pairs, the unit's alignment as its alignment page shows it; null otherwise. */
	alignment: UnitAlignment | null;
	/** With alignment: experiments from earlier rounds of the model beside the change in their metric, as the alignment page shows them. */
	followUp: ExperimentFollowUp[];
}

export async function reportData(
	opts: { actor: Actor; roundId: string; unitId: string; locale: Locale; choice: Comparison; now?: Date },
	executor: Db = db()
): Promise<ReportData> {
	const results = await unitResults(opts, executor);
	const trend = await unitTrend({ actor: opts.actor, unitId: opts.unitId, locale: opts.locale, modelId: results.round.model.split(' ')[0] }, executor);
	const actions = await openActionsOf({ actor: opts.actor, unitId: opts.unitId }, executor);
	const advice = await adviceOfAreas(
		results,
		results.improvements.map((i) => i.key),
		opts.locale
	);
	const alignment = await unitAlignment(opts, executor);
	const followUp = alignment ? await experimentsFollowUp(opts, executor) : [];
	return {
		locale: opts.locale,
		organization: opts.actor.membership!.organizationName,
		generatedAt: opts.now ?? new Date(),
		results,
		trend,
		actions,
		advice,
		alignment,
		followUp
	};
}
