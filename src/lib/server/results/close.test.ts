import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestTeam, createTestOrganization } from '$tests/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { closeRoundEarly } from '$lib/server/rounds/manage';
import { invitationToken } from '$lib/server/rounds/links';
import { resolveSurveyToken } from '$lib/server/survey/access';
import { submitSurvey } from '$lib/server/survey/submit';
import { ORGANIZATION } from '$lib/results/view';
import { unitResults } from './unit-results';

async function openRound(people: number) {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const team = await createTestTeam(org.id, people);
	const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Close race' } });
	const invitations = await db().selectFrom('invitations').select('id').where('organization_id', '=', org.id).where('round_id', '=', round.id).execute();
	const surveys = await Promise.all(
		invitations.map(async (i) => {
			const r = await resolveSurveyToken({ token: await invitationToken({ organizationId: org.id, invitationId: i.id }), ip: null });
			if (r.state !== 'open') throw new Error(r.state);
			return r.survey;
		})
	);
	return { org, admin, team: team.id, round, surveys };
}

describe('closing a round', () => {
	it('builds its results once, counting every response stored before the close and none after', async () => {
		const { org, admin, round, surveys } = await openRound(12);
		const answers = (s: (typeof surveys)[number]) => ({ answers: Object.fromEntries(s.model.statementKeys.map((k, i) => [k, 1 + (i % 5)])), questions: {} });
		// Half submit just before the close, half just after it started.
		const submit = (s: (typeof surveys)[number], delay: number) =>
			new Promise((r) => setTimeout(r, delay)).then(() => submitSurvey({ survey: s, patch: answers(s) }));
		const close = closeRoundEarly({ organizationId: org.id, actor: admin, roundId: round.id });
		const outcomes = await Promise.allSettled([...surveys.map((s, i) => submit(s, i < 6 ? 0 : 15 + i)), close]);
		const stored = await db()
			.selectFrom('responses')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('organization_id', '=', org.id)
			.executeTakeFirstOrThrow();
		const accepted = outcomes.slice(0, -1).filter((o) => o.status === 'fulfilled').length;
		expect(Number(stored.n)).toBe(accepted);
		const results = await db()
			.selectFrom('round_results')
			.select('respondents')
			.where('organization_id', '=', org.id)
			.where('round_id', '=', round.id)
			.execute();
		expect(results).toEqual([{ respondents: accepted }]);
		// Refused submits were refused because the round had closed, and they left nothing behind.
		for (const o of outcomes.slice(0, -1)) if (o.status === 'rejected') expect(String(o.reason)).toMatch(/closed/);
		const completed = await db().selectFrom('invitations').select('id').where('organization_id', '=', org.id).where('completed', '=', true).execute();
		expect(completed).toHaveLength(accepted);
	});

	it('freezes the unit tree at launch: results keep the structure of the survey, under today’s names', async () => {
		const { org, admin, team, round, surveys } = await openRound(6);
		for (const s of surveys) await submitSurvey({ survey: s, patch: { answers: { [s.model.statementKeys[0]]: 4 }, questions: {} } });
		// After the launch the team is renamed and moved under a new region.
		const region = await db().insertInto('units').values({ organization_id: org.id, name: 'New region' }).returning('id').executeTakeFirstOrThrow();
		await db().updateTable('units').set({ name: 'Team renamed', parent_id: region.id }).where('organization_id', '=', org.id).where('id', '=', team).execute();
		const closed = await closeRoundEarly({ organizationId: org.id, actor: admin, roundId: round.id });
		expect(closed.status).toBe('published');
		const r = await unitResults({ actor: admin, roundId: round.id, unitId: ORGANIZATION, locale: 'en', choice: { compare: 'all', statistic: 'mean' } });
		expect(r.subunits.map((s) => s.name)).toEqual(['Team renamed']);
		expect(r.unit.respondents).toBe(6);
	});
});
