import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { mergeUnit } from '$lib/server/units/merge';
import { ORGANIZATION } from '$lib/results/view';
import { unitResults } from './unit-results';
import { unitTrend } from './trend';

const choice = { compare: 'all', statistic: 'mean' } as const;
const results = (actor: Awaited<ReturnType<typeof createTestActor>>, roundId: string, unitId: string) =>
	unitResults({ actor, roundId, unitId, locale: 'en', choice });
const shownRespondents = async (actor: Awaited<ReturnType<typeof createTestActor>>, roundId: string, unitId: string) =>
	(await results(actor, roundId, unitId)).unit.respondents;

describe('the disclosure pattern of a round', () => {
	it('is stored with the results when they are built, and a later change of k does not widen it', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const r = await createPublishedRound({
			organizationId: org.id,
			k: 5,
			tree: { units: { Region: null, A: 'Region', B: 'Region' }, respondents: { Region: { sales_manager: 1 }, A: { sales_person: 6 }, B: { sales_person: 6 } } }
		});
		const stored = await db()
			.selectFrom('round_results')
			.select('disclosure')
			.where('organization_id', '=', org.id)
			.where('round_id', '=', r.roundId)
			.executeTakeFirstOrThrow();
		expect(stored.disclosure).not.toBeNull();
		// Region (13) − A (6) − B (6) would be its own manager: one team is hidden for everyone.
		const before = await Promise.all(['A', 'B'].map((u) => shownRespondents(admin, r.roundId, r.unitIds[u])));
		expect(before.filter((n) => n !== null)).toHaveLength(1);
		await db().updateTable('rounds').set({ min_group_size: 3 }).where('organization_id', '=', org.id).where('id', '=', r.roundId).execute();
		const after = await Promise.all(['A', 'B'].map((u) => shownRespondents(admin, r.roundId, r.unitIds[u])));
		expect(after).toEqual(before);
	});

	it('gives the viewer of a region and the viewer of a team together no more than one reader would see', async () => {
		const org = await createTestOrganization();
		const r = await createPublishedRound({
			organizationId: org.id,
			k: 5,
			tree: { units: { Region: null, Team: 'Region' }, respondents: { Region: { sales_manager: 1 }, Team: { sales_person: 7 } } }
		});
		const regional = await createTestActor(org.id, 'viewer', r.unitIds.Region);
		const team = await createTestActor(org.id, 'viewer', r.unitIds.Team);
		const region = await shownRespondents(regional, r.roundId, r.unitIds.Region);
		const ownTeam = await shownRespondents(team, r.roundId, r.unitIds.Team);
		// Both shown would give region − team = the regional manager alone.
		expect(region !== null && ownTeam !== null).toBe(false);
	});

	it('is worked out once for a round built before patterns were stored, and then kept', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const r = await createPublishedRound({ organizationId: org.id, tree: { units: { A: null }, respondents: { A: { sales_person: 6 } } } });
		await db().updateTable('round_results').set({ disclosure: null }).where('organization_id', '=', org.id).where('round_id', '=', r.roundId).execute();
		const first = await results(admin, r.roundId, ORGANIZATION);
		const stored = await db()
			.selectFrom('round_results')
			.select('disclosure')
			.where('organization_id', '=', org.id)
			.where('round_id', '=', r.roundId)
			.executeTakeFirstOrThrow();
		expect(stored.disclosure).not.toBeNull();
		expect(await results(admin, r.roundId, ORGANIZATION)).toEqual(first);
	});

	it('keeps a team of two hidden after it is merged into its sibling: the same viewer before and after learns nothing of it', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const r = await createPublishedRound({
			organizationId: org.id,
			k: 5,
			tree: { units: { Region: null, A: 'Region', Small: 'Region' }, respondents: { A: { sales_person: 6 }, Small: { sales_person: 2 } } }
		});
		const viewer = await createTestActor(org.id, 'viewer', r.unitIds.A);
		const before = await shownRespondents(viewer, r.roundId, r.unitIds.A);
		await mergeUnit({ organizationId: org.id, actor: admin, unitId: r.unitIds.Small, input: { intoId: r.unitIds.A } });
		const trend = await unitTrend({ actor: viewer, unitId: r.unitIds.A, locale: 'en' });
		const after = trend.rounds[0]?.respondents ?? null;
		// A (6) before and A + Small (8) after would isolate the two; so would Region (8) next to A (6).
		expect(before !== null && after !== null).toBe(false);
		const regionShown = (await shownRespondents(admin, r.roundId, r.unitIds.Region)) !== null;
		expect(regionShown && before !== null).toBe(false);
	});

	it('shows every figure with 2 decimals, as the page shows it', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const r = await createPublishedRound({ organizationId: org.id, tree: { units: { A: null }, respondents: { A: { sales_person: 7, sales_manager: 6 } } } });
		const res = await results(admin, r.roundId, r.unitIds.A);
		const figures = [
			...res.areas.map((a) => a.score),
			...res.statements.map((s) => s.score),
			...(res.gap?.areas.flatMap((a) => Object.values(a.scores)) ?? [])
		];
		expect(figures.filter((x) => x !== null).length).toBeGreaterThan(50);
		for (const x of figures) if (x !== null) expect(Math.round(x * 100) / 100).toBe(x);
	});
});
