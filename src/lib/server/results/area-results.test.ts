import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { fixtureAdvice, useModelsWithFullAdvice } from '$tests/full-advice';
import { adviceLevel, gapPattern } from '$lib/results/advice';
import { areaResults } from './area-results';

// SOS 1.0 with full advice added, in a temporary folder (read before any test reads a model).
useModelsWithFullAdvice();

const choice = { compare: 'all', statistic: 'mean' } as const;

describe('an area of a unit’s report', () => {
	it('gives the advice for the level of the shown score, the gap paragraph by the shown role split (hidden split: see chooseAdvice), and the areas it builds on', async () => {
		const org = await createTestOrganization();
		const tree = {
			units: { 'Team A': null, 'Team B': null },
			respondents: { 'Team A': { sales_person: 6, sales_manager: 6 }, 'Team B': { sales_person: 6, sales_manager: 5 } }
		};
		const round = await createPublishedRound({ organizationId: org.id, tree, seed: 7 });
		const admin = await createTestActor(org.id, 'admin');
		const base = { actor: admin, roundId: round.roundId, locale: 'en' as const, choice };
		const region = await areaResults({ ...base, unitId: round.unitIds['Team A'], areaKey: 'targets' });
		const { area, roles } = region;
		expect(area.score).not.toBeNull();
		const level = adviceLevel(area.score, { basics: 2.5, high: 3.7 })!;
		expect(area.advice.level).toBe(level);
		expect(area.advice.summary).toBe(fixtureAdvice('targets', `en ${level}`));
		expect(area.advice.plan?.days30).toHaveLength(2);
		expect(area.advice.kpi?.target).toBe('Within ±10 %');
		expect(region.buildsOn.map((b) => b.key)).toEqual(['territory']);
		expect(roles).not.toBeNull();
		const pattern = gapPattern(roles!.salesPeople, roles!.salesManagers);
		expect(area.advice.gap).toEqual(pattern ? { pattern, text: fixtureAdvice('targets', `en ${pattern}`) } : null);
	});
});
