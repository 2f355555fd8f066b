import { createTestActor, createTestOrganization } from './fixtures';
import { createPublishedRound } from './results';
import { ORGANIZATION } from '$lib/results/view';
import { heatmap } from '$lib/server/results/heatmap';
import { organizationZoneAndLanguage } from '$lib/server/rounds/successor';
import { installStarterKpis } from '$lib/server/kpis/definitions';
import { upsertKpiValues } from '$lib/server/kpis/values';
import { monthKey, monthOf } from '$lib/kpis/month';

const DAY = 86_400_000;
/** The model's Forecasting area (index). */
export const FORECASTING = 3;

/**
 * Two regions of five teams each (6 sales people answering), and in South a sixth team of 3 (below k:
 * never shown). Each team's own order intake and lost customers for the round's month are set so that
 * attainment rises with the team's Forecasting score as the heatmap shows it (the first
 * `teamsWithFigures` teams by that score, Tiny last).
 */
export async function practicesOrganization(opts: { teamsWithFigures?: number } = {}) {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const units: Record<string, string | null> = { North: null, South: null, Tiny: 'South' };
	const respondents: Record<string, { sales_person: number }> = { Tiny: { sales_person: 3 } };
	for (const n of ['N1', 'N2', 'N3', 'N4', 'N5', 'S1', 'S2', 'S3', 'S4', 'S5']) {
		units[n] = n.startsWith('N') ? 'North' : 'South';
		respondents[n] = { sales_person: 6 };
	}
	const closedAt = new Date(Date.now() - 45 * DAY);
	const round = await createPublishedRound({ organizationId: org.id, tree: { units, respondents }, closedAt, seed: 17 });
	await installStarterKpis({ organizationId: org.id, actor: admin });
	const { zone } = await organizationZoneAndLanguage(org.id);
	const month = monthKey(monthOf(closedAt, zone));
	const map = await heatmap({
		actor: admin,
		roundId: round.roundId,
		unitId: ORGANIZATION,
		depth: 3,
		locale: 'en',
		choice: { compare: 'all', statistic: 'mean' }
	});
	const shown = map.rows.filter((r) => r.depth === 2 && r.respondents !== null && r.areas[FORECASTING].score !== null);
	const ranked = [...shown].sort((a, b) => a.areas[FORECASTING].score! - b.areas[FORECASTING].score!);
	const withFigures = [...ranked, ...map.rows.filter((r) => r.name === 'Tiny')].slice(0, opts.teamsWithFigures ?? ranked.length + 1);
	const values = withFigures.flatMap((r, i) => [
		{ kpi: 'order_intake', unit: r.id, month, plan: '1000', actual: String(800 + 25 * i) },
		{ kpi: 'lost_customers', unit: r.id, month, plan: '10', actual: String(5 + i) }
	]);
	await upsertKpiValues({ organizationId: org.id, actor: admin, source: 'api', input: { values } });
	return { org, admin, round, ids: round.unitIds, month, shown, map };
}
