import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestTeam, createTestOrganization } from '$tests/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { closeRoundEarly } from '$lib/server/rounds/manage';
import { invitationToken } from '$lib/server/rounds/links';
import { ValidationError } from '$lib/server/errors';
import { getPublishedRound, loadRoundData } from '$lib/server/results/rounds';
import { notUsedCount, statementMean } from '$lib/results/stats';
import { ORGANIZATION } from '$lib/results/view';
import { NOT_USED } from '$lib/survey/scoring';
import { storedResponses } from '$tests/stored-responses';
import { resolveSurveyToken } from './access';
import { saveDraft } from './save';
import { submitSurvey } from './submit';
import type { SurveyContext } from './participant';

/**
 * "Not used in our team" (-1) from the participant's draft to the round's counts, against PostgreSQL:
 * saved in the draft, submitted, sealed and padded, mixed, counted apart and left out of the scores.
 * The shipped model 1.0 offers it nowhere, so the survey context gets the model with one area's
 * statements offering it (as a model's `notUsed` list compiles); everything after the survey page is
 * the code the app runs.
 */
async function openRound(people: number) {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const team = await createTestTeam(org.id, people);
	const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Not used' } });
	const invitations = await db().selectFrom('invitations').select('id').where('organization_id', '=', org.id).where('round_id', '=', round.id).execute();
	const tokens = await Promise.all(invitations.map((i) => invitationToken({ organizationId: org.id, invitationId: i.id })));
	return { org, admin, team: team.id, round, tokens };
}

async function open(token: string, notUsed: number[]): Promise<SurveyContext> {
	const r = await resolveSurveyToken({ token, ip: null });
	if (r.state !== 'open') throw new Error(r.state);
	return { ...r.survey, model: { ...r.survey.model, shape: { ...r.survey.model.shape, notUsed } } };
}

describe('"not used in our team" through save, submit, mix and results', () => {
	it('keeps -1 where the model offers it, counts it apart and leaves it out of the scores', async () => {
		const { org, admin, team, round, tokens } = await openRound(6);
		const plain = await open(tokens[0], []);
		const { statementKeys: keys, shape } = plain.model;
		const last = shape.areas[shape.areas.length - 1];
		const offered = last.statements;
		const [s0, s1] = offered;
		const other = shape.areas[0].statements[0];

		// Refused where it is not offered: nothing saved.
		const refused = (survey: SurveyContext, i: number) => saveDraft({ survey, patch: { answers: { [keys[i]]: NOT_USED }, questions: {} } });
		await expect(refused(plain, s0)).rejects.toThrow(ValidationError);
		await expect(refused(await open(tokens[0], offered), other)).rejects.toThrow(/does not offer it/);

		// Participant 0: "not used" saved in the draft, resumed, then submitted.
		const first = await open(tokens[0], offered);
		await saveDraft({ survey: first, patch: { answers: { [keys[s0]]: NOT_USED, [keys[s1]]: NOT_USED, [keys[other]]: 4 }, questions: {} } });
		const resumed = await open(tokens[0], offered);
		expect(resumed.answers[s0]).toBe(NOT_USED);
		expect(resumed.answers[other]).toBe(4);
		await submitSurvey({ survey: resumed });

		// The others: one says "not used" to every statement of the area, the rest answer on the scale
		// (or leave it all unanswered), so the padding is tried at both ends.
		const everyNotUsed = Object.fromEntries(offered.map((i) => [keys[i], NOT_USED]));
		const patches = [
			everyNotUsed,
			{ [keys[s0]]: NOT_USED, [keys[s1]]: 2 },
			{ [keys[s0]]: 2, [keys[s1]]: 5 },
			{ [keys[s0]]: 4 },
			Object.fromEntries(keys.map((k) => [k, 5]))
		];
		for (const [n, answers] of patches.entries()) await submitSurvey({ survey: await open(tokens[n + 1], offered), patch: { answers, questions: {} } });

		// Pending: sealed rows of one length, whatever they hold; opened, the -1 is there unchanged.
		const lengths = await db()
			.selectFrom('pending_responses')
			.select((eb) => eb.fn<number>('octet_length', ['sealed']).as('bytes'))
			.where('organization_id', '=', org.id)
			.execute();
		expect(lengths.length).toBeGreaterThan(0);
		expect(new Set(lengths.map((l) => l.bytes)).size).toBe(1);
		const pending = await storedResponses(org.id);
		expect(pending.filter((r) => r.answers[s0] === NOT_USED)).toHaveLength(3);
		// A respondent with every statement of the area "not used" has no score for it.
		const lastArea = shape.areas.length - 1;
		expect(pending.find((r) => r.answers[s1] === NOT_USED && r.answers[offered[2]] === NOT_USED)!.area_scores[lastArea]).toBeNull();

		// Closing mixes them into responses and builds the counts.
		await closeRoundEarly({ organizationId: org.id, actor: admin, roundId: round.id });
		const mixed = await db().selectFrom('responses').select('answers').where('organization_id', '=', org.id).execute();
		expect(mixed).toHaveLength(6);
		expect(mixed.filter((r) => r.answers[s0] === NOT_USED)).toHaveLength(3);

		const published = await getPublishedRound({ organizationId: org.id, roundId: round.id });
		const totals = async () =>
			(await loadRoundData({ organizationId: org.id, round: published, totalsFor: [ORGANIZATION] })).data.totals!.get(team)!.sales_person!;
		const t = await totals();
		expect(t.respondents).toBe(6);
		expect(notUsedCount(t, s0)).toBe(3);
		expect(notUsedCount(t, s1)).toBe(2);
		expect(notUsedCount(t, offered[2])).toBe(1);
		expect(notUsedCount(t, other)).toBe(0);
		// The statement's score rests on the scale answers alone: 2, 4 and 5 → n 3, mean 11/3.
		expect(t.statementN[s0]).toBe(3);
		expect(statementMean(t, s0)).toBeCloseTo(11 / 3, 10);
		// Neither is it "don't know".
		expect(t.statementDist[s0 * 6]).toBe(0);

		// Results built before "not used" was counted (no column value) read as zeros.
		await db().updateTable('round_totals').set({ statement_not_used: null }).where('organization_id', '=', org.id).execute();
		const old = await totals();
		expect(old.statementNotUsed).toEqual(Array(shape.statementCount).fill(0));
		expect(old.statementN[s0]).toBe(3);
	});
});
