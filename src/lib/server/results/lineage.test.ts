import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { mergeUnit } from '$lib/server/units/merge';
import { ConflictError } from '$lib/server/errors';
import { unitTrend } from './trend';

const DAY = 86_400_000;

describe('a unit’s history across reorganizations', () => {
	it('is kept when renamed or moved, and taken over by the unit another one is merged into', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const first = await createPublishedRound({
			organizationId: org.id,
			tree: { units: { Region: null, East: 'Region', West: 'Region' }, respondents: { East: { sales_person: 6 }, West: { sales_person: 7 } } },
			closedAt: new Date(Date.now() - 200 * DAY)
		});
		const { East, West, Region } = first.unitIds;
		// West is renamed, then East is merged into it.
		await db().updateTable('units').set({ name: 'West & East' }).where('organization_id', '=', org.id).where('id', '=', West).execute();
		await mergeUnit({ organizationId: org.id, actor: admin, unitId: East, input: { intoId: West } });
		await createPublishedRound({
			organizationId: org.id,
			tree: { units: {}, respondents: { 'West & East': { sales_person: 12 } } },
			existingUnits: { 'West & East': West, Region },
			closedAt: new Date(Date.now() - DAY),
			seed: 9
		});

		const viewer = await createTestActor(org.id, 'viewer', West);
		const trend = await unitTrend({ actor: viewer, unitId: West, locale: 'en' });
		expect(trend.unit.name).toBe('West & East');
		expect(trend.rounds).toHaveLength(2);
		expect(trend.rounds[0].from.sort()).toEqual(['East', 'West & East']);
		expect(trend.rounds[0].respondents).toBe(13);
		expect(trend.rounds[1].respondents).toBe(12);
		expect(trend.rounds.every((r) => r.areas.every((a) => a.score !== null))).toBe(true);
	});

	it('is not combined where one of the merged units was too small to show', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const r = await createPublishedRound({
			organizationId: org.id,
			tree: { units: { Big: null, Tiny: null }, respondents: { Big: { sales_person: 8 }, Tiny: { sales_person: 2 } } }
		});
		await mergeUnit({ organizationId: org.id, actor: admin, unitId: r.unitIds.Tiny, input: { intoId: r.unitIds.Big } });
		const trend = await unitTrend({ actor: admin, unitId: r.unitIds.Big, locale: 'en' });
		// Big + Tiny would show Tiny's 2 respondents as the difference from Big's own figures elsewhere.
		expect(trend.rounds[0].respondents).toBeNull();
		expect(trend.rounds[0].areas.every((a) => a.score === null)).toBe(true);
	});

	it('refuses to merge a unit into its own sub-unit', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const a = await db().insertInto('units').values({ organization_id: org.id, name: 'A' }).returning('id').executeTakeFirstOrThrow();
		const b = await db().insertInto('units').values({ organization_id: org.id, name: 'B', parent_id: a.id }).returning('id').executeTakeFirstOrThrow();
		await expect(mergeUnit({ organizationId: org.id, actor: admin, unitId: a.id, input: { intoId: b.id } })).rejects.toBeInstanceOf(ConflictError);
		await expect(mergeUnit({ organizationId: org.id, actor: admin, unitId: a.id, input: { intoId: 'nope' } })).rejects.toThrow(/intoId/);
	});
});
