import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { unitResults } from '$lib/server/results/unit-results';
import { score } from '$lib/results/format';
import { findingFor } from './finding';

async function setup() {
	const org = await createTestOrganization();
	// Team B is too small to show; Team C is hidden with it, so that the region minus Team A is not Team B.
	const tree = {
		units: { Region: null, 'Team A': 'Region', 'Team B': 'Region', 'Team C': 'Region' },
		respondents: { 'Team A': { sales_person: 6 }, 'Team B': { sales_person: 2 }, 'Team C': { sales_person: 5 } }
	};
	const round = await createPublishedRound({ organizationId: org.id, tree, seed: 5 });
	return { round, admin: await createTestActor(org.id, 'admin'), lead: await createTestActor(org.id, 'viewer', round.unitIds['Team A']) };
}

describe('the finding an action answers', () => {
	it('is written from the figures the viewer sees on the report, and a statement suggests its advice as what to do', async () => {
		const { round, lead } = await setup();
		const unitId = round.unitIds['Team A'];
		const page = await unitResults({ actor: lead, roundId: round.roundId, unitId, locale: 'en', choice: { compare: 'all', statistic: 'mean' } });
		const area = page.areas[0];
		const f = await findingFor({ actor: lead, roundId: round.roundId, unitId, areaKey: area.key, statementKey: null, locale: 'en' });
		expect(f!.text).toContain(`${area.name}: ${score(area.score, 'en')}`);
		expect(f!.suggestion).toBeNull();
		const st = page.statements.find((s) => s.advice && s.advice.length <= 200)!;
		const g = await findingFor({ actor: lead, roundId: round.roundId, unitId, areaKey: null, statementKey: st.key, locale: 'en' });
		expect(g).toMatchObject({ areaKey: st.area, statementKey: st.key, suggestion: st.advice });
		expect(g!.text).toContain(score(st.score, 'en'));
	});

	it('names no figure the report hides, and nothing at all outside the viewer’s units', async () => {
		const { round, admin, lead } = await setup();
		const small = round.unitIds['Team B'];
		const hidden = await findingFor({ actor: admin, roundId: round.roundId, unitId: small, areaKey: 'territory', statementKey: null, locale: 'en' });
		expect(hidden!.text).toMatch(/figure hidden/);
		expect(hidden!.text).not.toMatch(/\d\.\d\d/);
		expect(await findingFor({ actor: lead, roundId: round.roundId, unitId: small, areaKey: 'territory', statementKey: null, locale: 'en' })).toBeNull();
	});
});
