import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { practicesOrganization, FORECASTING } from '$tests/practices';
import { NotFoundError } from '$lib/server/errors';
import { ORGANIZATION } from '$lib/results/view';
import { practices } from './practices';

describe('practices', () => {
	it('relates each area to attainment across the leaf teams shown, in the constructed direction', async () => {
		const { admin, round, month, shown, ids, map } = await practicesOrganization();
		expect(map.areas[FORECASTING].key).toBe('forecasting');
		expect(shown.length).toBeGreaterThanOrEqual(8);
		const p = await practices({ actor: admin, locale: 'en', roundId: round.roundId, kpi: 'order_intake' });
		expect(p.unit).toBe(ORGANIZATION);
		expect(p.month).toBe(month);
		expect(p.ytd).toBe(true);
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
		const { admin, round, ids } = await practicesOrganization({ teamsWithFigures: 7 });
		const p = await practices({ actor: admin, locale: 'en', roundId: round.roundId, kpi: 'order_intake' });
		expect(p.teams).toHaveLength(7);
		for (const a of p.areas) expect(a.association).toBeNull();
		expect(p.areas.find((a) => a.key === 'forecasting')!.n).toBe(7);
		const north = await practices({ actor: admin, locale: 'en', roundId: round.roundId, kpi: 'order_intake', unitId: ids.North });
		expect(north.teams.length).toBeLessThanOrEqual(5);
		for (const a of north.areas) expect(a.association).toBeNull();
	});

	it('is not found for a viewer outside their scope, nor for another organization’s round', async () => {
		const { org, round, ids } = await practicesOrganization({ teamsWithFigures: 1 });
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
