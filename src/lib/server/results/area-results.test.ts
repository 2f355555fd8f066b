import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { fixtureAdvice, useModelsWithFullAdvice } from '$tests/full-advice';
import { adviceLevel, gapPattern } from '$lib/results/advice';
import { areaResults } from './area-results';
import { unitResults } from './unit-results';

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
		const { area, pair } = region;
		expect(area.score).not.toBeNull();
		const level = adviceLevel(area.score, { basics: 2.5, high: 3.7 })!;
		expect(area.advice.level).toBe(level);
		expect(area.advice.summary).toBe(fixtureAdvice('targets', `en ${level}`));
		expect(area.advice.plan?.days30).toHaveLength(2);
		expect(area.advice.kpi?.target).toBe('Within ±10 %');
		expect(region.buildsOn.map((b) => b.key)).toEqual(['territory']);
		// The model's pair: sales managers against sales people.
		expect(pair?.map((g) => g.key)).toEqual(['sales_manager', 'sales_person']);
		const pattern = gapPattern(pair![0].score, pair![1].score);
		expect(area.advice.gap).toEqual(pattern ? { pattern, text: fixtureAdvice('targets', `en ${pattern}`) } : null);
	});
});

describe('agreement and unanswered shares per group', () => {
	it('are there, from each role’s own answers, where the area’s role split is shown, and null where it is hidden', async () => {
		const org = await createTestOrganization();
		const tree = {
			units: { 'Team A': null, 'Team B': null, 'Team C': null },
			respondents: {
				'Team A': { sales_person: 7, sales_manager: 6 },
				'Team B': { sales_person: 6, sales_manager: 6 },
				'Team C': { sales_person: 8, sales_manager: 2 }
			}
		};
		const round = await createPublishedRound({ organizationId: org.id, tree, seed: 11 });
		const admin = await createTestActor(org.id, 'admin');
		const base = { actor: admin, roundId: round.roundId, locale: 'en' as const, choice };
		const split = await unitResults({ ...base, unitId: round.unitIds['Team A'] });
		expect(split.gap).not.toBeNull();
		const shown = split.areas.filter((a) => split.gap!.areas.find((g) => g.key === a.key)!.scores.sales_person !== null);
		expect(shown.length).toBeGreaterThan(0);
		for (const a of shown) {
			const roles = [a.agreementByGroup!.sales_person, a.agreementByGroup!.sales_manager];
			for (const v of roles) {
				expect(v).toBeGreaterThanOrEqual(0);
				expect(v).toBeLessThanOrEqual(1);
			}
			expect(a.unanswered.byGroup!.sales_person.dontKnow).not.toBeNull();
			expect(a.unanswered.byGroup!.sales_manager.dontKnow).not.toBeNull();
		}
		// Each role's figure is its own: somewhere the two roles differ from each other.
		expect(shown.some((a) => a.agreementByGroup!.sales_person !== a.agreementByGroup!.sales_manager)).toBe(true);
		// On the area page, the same figures.
		const page = await areaResults({ ...base, unitId: round.unitIds['Team A'], areaKey: shown[0].key });
		expect(page.area.agreementByGroup).toEqual(shown[0].agreementByGroup);
		expect(page.pair).not.toBeNull();

		// Two managers: no role split, so no figure per role either.
		const hidden = await unitResults({ ...base, unitId: round.unitIds['Team C'] });
		expect(hidden.gap).toBeNull();
		expect(hidden.areas.some((a) => a.agreement !== null)).toBe(true);
		for (const a of hidden.areas) {
			expect(a.agreementByGroup).toBeNull();
			expect(a.unanswered.byGroup).toBeNull();
		}
	});
});
