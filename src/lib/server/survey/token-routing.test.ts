import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestTeam, createTestOrganization } from '$tests/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { invitationSecret, invitationToken } from '$lib/server/rounds/links';
import { routingKey } from '$lib/server/db/routing-key';
import { resolveSurveyToken } from './access';
import { submitByToken } from './submit-by-token';

async function openRound() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	await createTestTeam(org.id, 2);
	const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Routing' } });
	const invitations = await db()
		.selectFrom('invitations')
		.select('id')
		.where('organization_id', '=', org.id)
		.where('round_id', '=', round.id)
		.orderBy('id')
		.execute();
	return { org, invitations };
}

describe('survey link tokens', () => {
	it("start with the organization's routing key and open the invitation", async () => {
		const { org, invitations } = await openRound();
		const token = await invitationToken({ organizationId: org.id, invitationId: invitations[0].id });
		expect(token).toMatch(/^[a-z2-7]{58}$/);
		expect(token.slice(0, 26)).toBe(routingKey(org.id));
		const r = await resolveSurveyToken({ token, ip: null });
		expect(r.state === 'open' && r.survey.invitationId).toBe(invitations[0].id);
	});

	it('still open and submit from a link sent before routing keys (the secret alone)', async () => {
		const { invitations } = await openRound();
		const legacy = await invitationSecret(invitations[1].id);
		expect(legacy).toMatch(/^[a-z2-7]{32}$/);
		const r = await resolveSurveyToken({ token: legacy, ip: null });
		expect(r.state === 'open' && r.survey.invitationId).toBe(invitations[1].id);
		expect(await submitByToken({ token: legacy, ip: null, patch: { answers: {}, questions: {} } })).toEqual({ submitted: true, alreadySubmitted: false });
		expect((await resolveSurveyToken({ token: legacy, ip: null })).state).toBe('submitted');
	});

	it('find nothing when the routing key names another organization', async () => {
		const { invitations } = await openRound();
		const other = await createTestOrganization();
		const moved = routingKey(other.id) + (await invitationSecret(invitations[0].id));
		expect((await resolveSurveyToken({ token: moved, ip: null })).state).toBe('unknown');
		expect((await resolveSurveyToken({ token: '7'.repeat(26) + (await invitationSecret(invitations[0].id)), ip: null })).state).toBe('unknown');
	});
});
