import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { useAlignmentModels } from '$tests/alignment';
import { getModel } from '$lib/server/models/registry';
import { shownDifference } from '$lib/results/colour';
import { unitAlignment } from './alignment';
import { unitResults } from './unit-results';
import { comparisonFrom } from './benchmark-choice';

let restore: () => Promise<void>;
beforeAll(async () => {
	restore = await useAlignmentModels();
});
afterAll(() => restore());

async function alignmentRound() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const model = await getModel('alignfix', '1.0');
	const r = await createPublishedRound({
		organizationId: org.id,
		model,
		k: 5,
		// Seed 13 draws teams whose four pairs all differ by 0.75 or more, and one statement the two roles see differently.
		seed: 13,
		tree: {
			units: { North: null, Small: 'North' },
			respondents: { North: { sales_person: 9, sales_manager: 6 }, Small: { sales_person: 2, sales_manager: 1 } }
		}
	});
	return { org, admin, ...r };
}

describe('unit alignment', () => {
	it('shows the matrix, the pairs with their symptom and behaviours, and group gaps from the figures the results show', async () => {
		const { admin, roundId, unitIds } = await alignmentRound();
		const a = (await unitAlignment({ actor: admin, roundId, unitId: unitIds.North, locale: 'en' }))!;
		const results = await unitResults({ actor: admin, roundId, unitId: unitIds.North, locale: 'en', choice: comparisonFrom(new URL('http://x')) });
		const score = (key: string) => results.areas.find((x) => x.key === key)!.score;

		expect(a.threshold).toBe(0.75);
		expect(a.areas.map((x) => [x.key, x.score])).toEqual(a.areas.map((x) => [x.key, score(x.key)]));
		expect(a.areas.every((x) => x.score !== null)).toBe(true);
		expect(a.areas[0].name).toBe('Sales strategy');
		expect(a.matrix).toHaveLength(4);
		for (let i = 0; i < 4; i++)
			for (let j = 0; j < 4; j++) expect(a.matrix[i][j].difference).toBe(i === j ? null : shownDifference(a.areas[i].score, a.areas[j].score));

		expect(a.pairs.map((p) => p.key)).toEqual(['strategy_metrics', 'structure_behaviours', 'tools_behaviours', 'incentives_processes']);
		const strategy = a.pairs[0];
		expect(strategy).toMatchObject({
			kind: 'areas',
			symptom: 'Short-term wins, long-term instability',
			behaviours: ['Tie every KPI to a strategic goal'],
			items: [
				{ key: 'strategy', name: 'Sales strategy', score: score('strategy') },
				{ key: 'kpis_compensation', name: 'KPIs and compensation', score: score('kpis_compensation') }
			]
		});
		const tools = a.pairs[2];
		const statement = (key: string) => results.statements.find((s) => s.key === key)!.score;
		expect(tools.items.map((i) => [i.name, i.score])).toEqual([
			['Statement structure_2 (en)', statement('structure_2')],
			['Statement culture_1 (en)', statement('culture_1')]
		]);
		expect(a.pairs.filter((p) => p.flagged)).toHaveLength(4);
		for (const p of a.pairs) expect(p.flagged).toBe(p.difference !== null && Math.abs(p.difference) >= 0.75);

		expect(a.groupGaps.length).toBeGreaterThan(0);
		for (const g of a.groupGaps) {
			expect(g.groups.map((x) => x.name)).toEqual(['Sales people', 'Sales managers']);
			expect(Math.abs(g.difference)).toBeGreaterThanOrEqual(0.75);
			expect(g.difference).toBe(shownDifference(g.groups[0].score, g.groups[1].score));
		}
	});

	it('speaks the reader’s language', async () => {
		const { admin, roundId, unitIds } = await alignmentRound();
		const a = (await unitAlignment({ actor: admin, roundId, unitId: unitIds.North, locale: 'sv' }))!;
		expect(a.pairs[0].symptom).toBe('Kortsiktiga vinster, långsiktig instabilitet');
		expect(a.areas[0].name).toBe('Säljstrategi');
	});

	it('shows and flags nothing where the pattern hides the figures (a unit below k)', async () => {
		const { admin, roundId, unitIds } = await alignmentRound();
		const a = (await unitAlignment({ actor: admin, roundId, unitId: unitIds.Small, locale: 'en' }))!;
		expect(a.areas.every((x) => x.score === null)).toBe(true);
		expect(a.matrix.flat().every((c) => c.difference === null && !c.beyond)).toBe(true);
		expect(a.pairs.every((p) => !p.flagged && p.difference === null && p.items.every((i) => i.score === null))).toBe(true);
		expect(a.groupGaps).toEqual([]);
	});

	it('is null for a model without alignment pairs, and 404 outside the viewer’s subtree', async () => {
		const { org, admin, roundId, unitIds } = await alignmentRound();
		const sos = await createPublishedRound({
			organizationId: org.id,
			tree: { units: {}, respondents: { North: { sales_person: 6 } } },
			existingUnits: unitIds
		});
		expect(await unitAlignment({ actor: admin, roundId: sos.roundId, unitId: unitIds.North, locale: 'en' })).toBeNull();
		const viewer = await createTestActor(org.id, 'viewer', unitIds.Small);
		await expect(unitAlignment({ actor: viewer, roundId, unitId: unitIds.North, locale: 'en' })).rejects.toMatchObject({ code: 'not_found' });
		const other = await createTestActor((await createTestOrganization()).id, 'admin');
		await expect(unitAlignment({ actor: other, roundId, unitId: unitIds.North, locale: 'en' })).rejects.toMatchObject({ code: 'not_found' });
	});
});
