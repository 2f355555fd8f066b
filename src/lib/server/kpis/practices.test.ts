import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { NotFoundError } from '$lib/server/errors';
import { ORGANIZATION } from '$lib/results/view';
import { heatmap } from '$lib/server/results/heatmap';
import { organizationZoneAndLanguage } from '$lib/server/rounds/successor';
import { monthKey, monthOf } from '$lib/kpis/month';
import { installStarterKpis } from './definitions';
import { upsertKpiValues } from './values';
import { practices } from './practices';

const DAY = 86_400_000;
const choice = { compare: 'all', statistic: 'mean' } as const;
const FORECASTING = 3;

/**
 * Two regions of five teams each (6 sales people answering), and in South a sixth team of 3 (below k:
 * never shown). Each team's own order intake and lost customers for the round's month are set so that
 * attainment rises with the team's Forecasting score as the heatmap shows it.
 */
async function setup(opts: { teamsWithFigures?: number } = {}) {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const names = ['N1', 'N2', 'N3', 'N4', 'N5', 'S1', 'S2', 'S3', 'S4', 'S5'];
	const units: Record<string, string | null> = { North: null, South: null, Tiny: 'South' };
	const respondents: Record<string, { sales_person: number }> = { Tiny: { sales_person: 3 } };
	for (const n of names) {
		units[n] = n.startsWith('N') ? 'North' : 'South';
		respondents[n] = { sales_person: 6 };
	}
	const closedAt = new Date(Date.now() - 45 * DAY);
	const round = await createPublishedRound({ organizationId: org.id, tree: { units, respondents }, closedAt, seed: 17 });
	await installStarterKpis({ organizationId: org.id, actor: admin });
	const { zone } = await organizationZoneAndLanguage(org.id);
	const month = monthKey(monthOf(closedAt, zone));
	const map = await heatmap({ actor: admin, roundId: round.roundId, unitId: ORGANIZATION, depth: 3, locale: 'en', choice });
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

describe('practices', () => {
	it('relates each area to attainment across the leaf teams shown, in the constructed direction', async () => {
		const { admin, round, month, shown, ids, map } = await setup();
		expect(map.areas[FORECASTING].key).toBe('forecasting');
		expect(shown.length).toBeGreaterThanOrEqual(8);
		const p = await practices({ actor: admin, locale: 'en', roundId: round.roundId, kpi: 'order_intake' });
		expect(p.unit).toBe(ORGANIZATION);
		expect(p.month).toBe(month);
		// Hidden units are not used: Tiny (3 answers) has figures but no shown scores.
		expect(p.teams.map((t) => t.id).sort()).toEqual(shown.map((r) => r.id).sort());
		expect(p.teams.some((t) => t.id === ids.Tiny)).toBe(false);
		expect(p.teams[0].attainment).toBeGreaterThan(p.teams.at(-1)!.attainment);
		const forecasting = p.areas.find((a) => a.key === 'forecasting')!;
		expect(forecasting.n).toBe(shown.length);
		expect(forecasting.association!.rho).toBeGreaterThan(0.95);
		expect(forecasting.association!.low).toBeGreaterThan(0);
		expect(p.areas[0].key).toBe('forecasting');
		expect(p.areas.map((a) => a.association?.rho ?? -2)).toEqual([...p.areas.map((a) => a.association?.rho ?? -2)].sort((a, b) => b - a));

		// Lost customers: lower is better, so more lost than plan where Forecasting is higher reads as a negative association.
		const lost = await practices({ actor: admin, locale: 'en', roundId: round.roundId, kpi: 'lost_customers' });
		expect(lost.areas.find((a) => a.key === 'forecasting')!.association!.rho).toBeLessThan(-0.95);
	});

	it('refuses with 7 teams, and within a region of five', async () => {
		const { admin, round, ids } = await setup({ teamsWithFigures: 7 });
		const p = await practices({ actor: admin, locale: 'en', roundId: round.roundId, kpi: 'order_intake' });
		expect(p.teams).toHaveLength(7);
		for (const a of p.areas) expect(a.association).toBeNull();
		expect(p.areas.find((a) => a.key === 'forecasting')!.n).toBe(7);
		const north = await practices({ actor: admin, locale: 'en', roundId: round.roundId, kpi: 'order_intake', unitId: ids.North });
		expect(north.teams.length).toBeLessThanOrEqual(5);
		for (const a of north.areas) expect(a.association).toBeNull();
	});

	it('is not found for a viewer outside their scope, nor for another organization’s round', async () => {
		const { org, round, ids } = await setup({ teamsWithFigures: 1 });
		const viewer = await createTestActor(org.id, 'viewer', ids.North);
		const own = await practices({ actor: viewer, locale: 'en', roundId: round.roundId });
		expect(own.unit).toBe(ids.North);
		expect(own.units.map((u) => u.id)).toEqual([ids.North]);
		expect(own.unitName).toBe('North');
		await expect(practices({ actor: viewer, locale: 'en', roundId: round.roundId, unitId: ids.South })).rejects.toBeInstanceOf(NotFoundError);
		await expect(practices({ actor: viewer, locale: 'en', roundId: round.roundId, unitId: ORGANIZATION })).rejects.toBeInstanceOf(NotFoundError);
		const other = await createTestOrganization();
		const stranger = await createTestActor(other.id, 'admin');
		await expect(practices({ actor: stranger, locale: 'en', roundId: round.roundId })).rejects.toBeInstanceOf(NotFoundError);
		await expect(practices({ actor: stranger, locale: 'en', unitId: ids.North })).rejects.toBeInstanceOf(NotFoundError);
	});
});
