import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { unitResults } from '$lib/server/results/unit-results';
import { score } from '$lib/results/format';
import { useModelsWithFullAdvice, fixtureAdvice } from '$tests/full-advice';
import { findingFor, parsePlanStep } from './finding';

// SOS 1.0 with full advice added, in a temporary folder (read before any test reads a model).
useModelsWithFullAdvice();

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

describe('an action planned from a step of the 30/60/90-day plan', () => {
	it('takes the step as what to do and why, the area, and a due date 30, 60 or 90 days ahead', async () => {
		const { round, lead } = await setup();
		const unitId = round.unitIds['Team A'];
		const now = new Date('2026-03-31T23:30:00Z'); // already 1 April in Stockholm
		const base = { actor: lead, roundId: round.roundId, unitId, areaKey: 'forecasting', statementKey: null, locale: 'en' as const, now };
		const f = await findingFor({ ...base, planStep: parsePlanStep('days30.1'), zone: 'Europe/Stockholm' });
		expect(f).toMatchObject({ areaKey: 'forecasting', suggestion: fixtureAdvice('forecasting', 'en days30 second'), dueOn: '2026-05-01' });
		expect(f!.text).toContain(fixtureAdvice('forecasting', 'en days30 second'));
		expect(f!.text).toMatch(/^Forecasting: \d\.\d\d/);
		expect((await findingFor({ ...base, planStep: parsePlanStep('days90.0'), zone: 'UTC' }))!.dueOn).toBe('2026-06-29');
		const sv = await findingFor({ ...base, locale: 'sv', planStep: parsePlanStep('days60.0') });
		expect(sv).toMatchObject({ suggestion: fixtureAdvice('forecasting', 'sv days60'), dueOn: '2026-05-30' });
		// No such step, or a malformed one: the plain finding, without a suggestion or due date.
		expect(await findingFor({ ...base, planStep: parsePlanStep('days60.3') })).toMatchObject({ suggestion: null, dueOn: null });
		expect(parsePlanStep('days45.0')).toBeNull();
		expect(parsePlanStep("days30.0' OR 1=1")).toBeNull();
	});
});
