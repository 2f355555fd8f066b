import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$lib/server/testing/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { closeRoundEarly } from '$lib/server/rounds/manage';
import { invitationToken } from '$lib/server/rounds/links';
import { resolveSurveyToken } from '$lib/server/survey/access';
import { submitSurvey } from '$lib/server/survey/submit';

/** An open round over one team of `people` sales people, each invitation opened as its participant would. */
async function openRound(people: number, k = 5) {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const team = await db().insertInto('units').values({ organization_id: org.id, name: 'Team' }).returning('id').executeTakeFirstOrThrow();
	await db()
		.insertInto('users')
		.values(Array.from({ length: people }, (_, i) => ({ organization_id: org.id, name: `P${i}`, email: uniqueEmail(`p${i}`), language: 'en' as const, unit_id: team.id, job_role: 'sales_person' as const, access: 'participant' as const })))
		.execute();
	const round = await createRound(db(), { organizationId: org.id, actor: admin, input: { name: 'Mixing', minGroupSize: k } });
	const invitations = await db().selectFrom('invitations').select('id').where('organization_id', '=', org.id).where('round_id', '=', round.id).execute();
	const surveys = await Promise.all(
		invitations.map(async (i) => {
			const r = await resolveSurveyToken(db(), { token: await invitationToken(db(), i.id), ip: null });
			if (r.state !== 'open') throw new Error(r.state);
			return r.survey;
		})
	);
	return { org, admin, round, surveys };
}

type Survey = Awaited<ReturnType<typeof openRound>>['surveys'][number];

/** Submitter `n`'s answers: the first statement carries n (1…5), the second n's tens, so each response says who it was in the test. */
const answersOf = (s: Survey, n: number) => ({ answers: { [s.model.statementKeys[0]]: 1 + (n % 5), [s.model.statementKeys[1]]: 1 + Math.floor(n / 5) }, questions: {} });
const submitterOf = (answers: (number | null)[]) => (answers[0]! - 1) + 5 * (answers[1]! - 1);

/** Per response of the round: its transaction id, its physical position and how many of the organization's invitations share that id. */
async function storage(organizationId: string, roundId: string) {
	const rows = await sql<{ xmin: string; answers: number[]; linked: number }>`
		SELECT r.xmin::text AS xmin, r.answers,
			(SELECT count(*) FROM invitations i WHERE i.organization_id = r.organization_id AND i.xmin = r.xmin)::int AS linked
		FROM responses r WHERE r.organization_id = ${organizationId} AND r.round_id = ${roundId} ORDER BY r.ctid`.execute(db());
	return rows.rows;
}

describe('what the database keeps of a response', () => {
	it('after close, links no response to an invitation by transaction id or physical order', async () => {
		const { org, admin, round, surveys } = await openRound(20);
		for (const [n, s] of surveys.entries()) await submitSurvey(db(), { survey: s, patch: answersOf(s, n) });
		await closeRoundEarly(db(), { organizationId: org.id, actor: admin, roundId: round.id });

		const rows = await storage(org.id, round.id);
		expect(rows).toHaveLength(20);
		// No response shares its transaction id with any invitation; all of the round's share one.
		expect(rows.filter((r) => r.linked > 0)).toEqual([]);
		expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
		// The physical order is not the order of submitting (1 in 20! by chance), nor its reverse.
		const order = rows.map((r) => submitterOf(r.answers));
		expect(order.slice().sort((a, b) => a - b)).toEqual(surveys.map((_, n) => n));
		expect(order).not.toEqual(surveys.map((_, n) => n));
		expect(order).not.toEqual(surveys.map((_, n) => 19 - n));
	});
});
