import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { unitResults } from '$lib/server/results/unit-results';
import { alarmAreas } from './alarm-areas';

const choice = { compare: 'all', statistic: 'mean' } as const;

describe('alarmAreas', () => {
	it('gives the unit’s area scores as its report shows them, and only names to a reader of no results', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const { roundId, unitIds } = await createPublishedRound({
			organizationId: org.id,
			tree: { units: { North: null, Big: 'North', Small: 'North' }, respondents: { Big: { sales_person: 9 }, Small: { sales_person: 2 } } },
			seed: 5
		});
		const shown = await alarmAreas({ actor: admin, unitId: unitIds.North, locale: 'en' });
		const report = await unitResults({ actor: admin, roundId, unitId: unitIds.North, locale: 'en', choice });
		expect(shown.round?.id).toBe(roundId);
		expect(shown.areas.forecasting).toMatchObject({ name: 'Forecasting', score: report.areas.find((a) => a.key === 'forecasting')!.score });

		// Small (2 answers) is never shown: names only.
		const hidden = await alarmAreas({ actor: admin, unitId: unitIds.Small, locale: 'sv' });
		expect(hidden.round).toBeNull();
		expect(hidden.areas.forecasting).toEqual({ name: 'Prognoser', score: null, status: null, inLine: false });
		const participant = await createTestActor(org.id, 'participant');
		expect((await alarmAreas({ actor: participant, unitId: unitIds.Big, locale: 'en' })).round).toBeNull();
	});
});
