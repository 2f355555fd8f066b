import { describe, expect, it } from 'vitest';
import { createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { getModel, latestModel } from '$lib/server/models/registry';
import { modelText } from '$lib/server/results/text';
import { findingNames } from './area-names';

const tree = { units: { 'Team A': null }, respondents: { 'Team A': { sales_person: 5 } } };

describe('the names of an action’s finding', () => {
	it('come from the model version of the round the finding came from, not the newest', async () => {
		const org = await createTestOrganization();
		const old = await getModel('sos', '1.0');
		const newest = await latestModel('sos');
		expect(newest.structure.version).not.toBe('1.0');
		expect(newest.statementKeys).not.toContain('territory_2');
		const round = await createPublishedRound({ organizationId: org.id, tree, model: old });
		const names = await findingNames({ organizationId: org.id, roundId: round.roundId, areaKey: 'territory', statementKey: 'territory_2', locale: 'sv' });
		expect(names).toEqual({
			areaName: modelText(old, 'sv').area('territory').name,
			statementText: modelText(old, 'sv').statement('territory', 'territory_2').text
		});
		expect(names.statementText).toBeTruthy();
	});

	it('come from the newest model for an action planned without a round, and are null for a key that version lacks', async () => {
		const org = await createTestOrganization();
		const newest = await latestModel('sos');
		const key = newest.statementKeys.find((k) => k.startsWith('targets_'))!;
		expect(await findingNames({ organizationId: org.id, roundId: null, areaKey: 'targets', statementKey: key, locale: 'en' })).toEqual({
			areaName: modelText(newest, 'en').area('targets').name,
			statementText: modelText(newest, 'en').statement('targets', key).text
		});
		expect(await findingNames({ organizationId: org.id, roundId: null, areaKey: 'territory', statementKey: 'territory_2', locale: 'en' })).toMatchObject({
			statementText: null
		});
	});

	it('never read another organization’s round', async () => {
		const org = await createTestOrganization();
		const other = await createTestOrganization();
		const round = await createPublishedRound({ organizationId: other.id, tree, model: await getModel('sos', '1.0') });
		// Read as the newest model's names (the round is not found for this organization): 1.0's statement is not there.
		const names = await findingNames({ organizationId: org.id, roundId: round.roundId, areaKey: 'territory', statementKey: 'territory_2', locale: 'en' });
		expect(names.statementText).toBeNull();
	});
});
