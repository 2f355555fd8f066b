import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { Locale } from '$lib/i18n';
import { unitResults, type UnitResults } from '$lib/server/results/unit-results';
import { unitTrend, type Trend } from '$lib/server/results/trend';
import type { Comparison } from '$lib/server/results/benchmark-choice';
import { openActionsOf, type ActionView } from '$lib/server/actions/queries';

/**
 * Everything a report (PDF, deck, workbook, CSV) of one unit in one round shows. It is made of exactly
 * what the report page shows the same viewer (unitResults and unitTrend, both through the one
 * suppression module), plus the open actions of the unit's subtree: no export reads figures any other way.
 */
export interface ReportData {
	locale: Locale;
	organization: string;
	generatedAt: Date;
	results: UnitResults;
	trend: Trend;
	/** Open actions (planned or in progress) of the unit and the units below it. */
	actions: ActionView[];
}

export async function reportData(
	opts: { actor: Actor; roundId: string; unitId: string; locale: Locale; choice: Comparison; now?: Date },
	executor: Db = db()
): Promise<ReportData> {
	const results = await unitResults(opts, executor);
	const trend = await unitTrend({ actor: opts.actor, unitId: opts.unitId, locale: opts.locale, modelId: results.round.model.split(' ')[0] }, executor);
	const actions = await openActionsOf({ actor: opts.actor, unitId: opts.unitId }, executor);
	return { locale: opts.locale, organization: opts.actor.membership!.organizationName, generatedAt: opts.now ?? new Date(), results, trend, actions };
}
