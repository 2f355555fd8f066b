import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestTeam, createTestOrganization } from '$tests/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { invitationToken } from '$lib/server/rounds/links';
import { createAction } from '$lib/server/actions/mutations';
import { resolveSurveyToken } from './access';
import { closedLoop } from './loop';

/** A round over one team, ended and published as closing would leave it; one invitation marked answered. */
async function publishedRound() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const team = await createTestTeam(org.id, 6, { name: 'Stockholm' });
	const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Spring 2027', minGroupSize: 5 } });
	const invitations = await db()
		.selectFrom('invitations')
		.select(['id', 'unit_id'])
		.where('organization_id', '=', org.id)
		.where('round_id', '=', round.id)
		.execute();
	await db().updateTable('invitations').set({ completed: true }).where('organization_id', '=', org.id).where('id', '=', invitations[0].id).execute();
	const ended = new Date(Date.now() - 60_000);
	await db()
		.updateTable('rounds')
		.set({
			status: 'published',
			starts_at: new Date(ended.getTime() - 14 * 86_400_000),
			ends_at: ended,
			publish_at: ended,
			closed_at: ended,
			published_at: ended
		})
		.where('organization_id', '=', org.id)
		.where('id', '=', round.id)
		.execute();
	const tokens = await Promise.all(invitations.map((i) => invitationToken({ organizationId: org.id, invitationId: i.id })));
	return { org, admin, round, team, unitId: invitations[0].unit_id, tokens };
}

describe('a survey link once its round is published', () => {
	it('shows the round and what the unit decided, the same for every link of the unit, answered or not, and no figure', async () => {
		const { admin, unitId, tokens } = await publishedRound();
		await createAction({ actor: admin, input: { unitId, title: 'Book one joint visit per person a month' } });
		const loops = [];
		for (const token of tokens.slice(0, 2)) {
			const r = await resolveSurveyToken({ token, ip: null });
			expect(r.state).toBe('closed');
			if (r.state !== 'closed' || !r.published) throw new Error('no published round');
			loops.push(await closedLoop(r.published));
		}
		// The answered link (first) and an unanswered one say exactly the same.
		expect(loops[0]).toEqual(loops[1]);
		expect(loops[0]).toEqual({
			round: 'Spring 2027',
			unit: 'Stockholm',
			actions: [{ title: 'Book one joint visit per person a month', status: 'planned' }]
		});
		expect(JSON.stringify(loops[0])).not.toMatch(/\d\.\d/);
	});

	it('says only that the survey closed while its results are not published', async () => {
		const { org, round, tokens } = await publishedRound();
		await db().updateTable('rounds').set({ status: 'closed', published_at: null }).where('organization_id', '=', org.id).where('id', '=', round.id).execute();
		const r = await resolveSurveyToken({ token: tokens[0], ip: null });
		expect(r).toMatchObject({ state: 'closed', published: null });
	});
});
