import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { ORGANIZATION } from '$lib/results/view';
import { unitResults } from './unit-results';
import type { Within } from './internal';

const choice = { compare: 'all', statistic: 'mean' } as const;
type Actor = Awaited<ReturnType<typeof createTestActor>>;
const results = (actor: Actor, roundId: string, unitId: string, within: Within | null = null) =>
	unitResults({ actor, roundId, unitId, locale: 'en', choice, within });

describe('comparing a unit with the units above it', () => {
	it('shows a team viewer its region’s and the organization’s area scores exactly as their own reports show them', async () => {
		const org = await createTestOrganization();
		const r = await createPublishedRound({
			organizationId: org.id,
			k: 5,
			tree: {
				units: { North: null, A: 'North', B: 'North', South: null },
				respondents: { A: { sales_person: 6, sales_manager: 1 }, B: { sales_person: 7 }, South: { sales_person: 8 } }
			}
		});
		const admin = await createTestActor(org.id, 'admin');
		const team = await createTestActor(org.id, 'viewer', r.unitIds.A);
		const own = await results(team, r.roundId, r.unitIds.A);
		expect(own.internal.options.map((o) => o.within)).toEqual(['parent', 'organization']);
		expect(own.internal.options[0].name).toBe('North');
		expect(own.internal.compared).toBeNull();

		const region = await results(team, r.roundId, r.unitIds.A, 'parent');
		const regionReport = await results(admin, r.roundId, r.unitIds.North);
		expect(region.internal.compared!.name).toBe('North');
		expect(region.internal.compared!.scores).toEqual(regionReport.areas.map((a) => a.score));
		expect(region.internal.compared!.scores.some((s) => s !== null)).toBe(true);

		const whole = await results(team, r.roundId, r.unitIds.A, 'organization');
		const orgReport = await results(admin, r.roundId, ORGANIZATION);
		expect(whole.internal.compared!.scores).toEqual(orgReport.areas.map((a) => a.score));
		// Nothing else of the units above: the team's own figures are unchanged.
		expect(whole.areas).toEqual(own.areas);
		expect(whole.statements).toEqual(own.statements);
	});

	it('offers only the organization to a top unit, nothing at the organization, and hides what the pattern hides', async () => {
		const org = await createTestOrganization();
		const r = await createPublishedRound({
			organizationId: org.id,
			k: 5,
			// Region (13) − A (6) − B (6) would be its own manager: the pattern hides one of the teams (or the region).
			tree: { units: { Region: null, A: 'Region', B: 'Region' }, respondents: { Region: { sales_manager: 1 }, A: { sales_person: 6 }, B: { sales_person: 6 } } }
		});
		const admin = await createTestActor(org.id, 'admin');
		expect((await results(admin, r.roundId, ORGANIZATION, 'parent')).internal).toEqual({ options: [], compared: null });
		const top = await results(admin, r.roundId, r.unitIds.Region, 'parent');
		expect(top.internal.options.map((o) => o.within)).toEqual(['organization']);
		expect(top.internal.compared).toBeNull();
		// Whatever the two team viewers see, each next to the region, is what the admin sees of each unit.
		const shown: boolean[] = [];
		for (const u of ['A', 'B']) {
			const viewer = await createTestActor(org.id, 'viewer', r.unitIds[u]);
			const next = await results(viewer, r.roundId, r.unitIds[u], 'parent');
			expect(next.internal.compared!.scores).toEqual((await results(admin, r.roundId, r.unitIds.Region)).areas.map((a) => a.score));
			expect(next.areas.map((a) => a.score)).toEqual((await results(admin, r.roundId, r.unitIds[u])).areas.map((a) => a.score));
			shown.push(next.areas[0].score !== null);
			if (u === 'B') shown.push(next.internal.compared!.scores[0] !== null);
		}
		// Together they never see the region and both teams (region − A − B is its manager alone).
		expect(shown.every(Boolean)).toBe(false);
	});
});
