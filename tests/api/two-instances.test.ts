import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { remindNow } from '$lib/server/rounds/manage';
import { resolveSurveyToken } from '$lib/server/survey/access';
import { submitSurvey } from '$lib/server/survey/submit';
import { emailsTo, waitForEmail } from '../support/mailbox';
import { afterNextTick } from '../support/scheduler';
import { startExtraServer } from './helpers';
import { digestOf, loopOrganization, PUBLISHED, waitForSubject, withSubject } from '../support/loop';

/** Until both servers' schedulers have had their turn: a whole tick that started after this (ticks take turns). */
const settle = () => afterNextTick();

describe('two app instances on one database', () => {
	it('send each invitation and each reminder exactly once, and no reminder to someone who submitted', async () => {
		const second = await startExtraServer({ SOS_TICK_SECONDS: '1' });
		try {
			const org = await createTestOrganization();
			const admin = await createTestActor(org.id, 'admin');
			const team = await db().insertInto('units').values({ organization_id: org.id, name: 'Team' }).returning('id').executeTakeFirstOrThrow();
			const emails = Array.from({ length: 12 }, (_, i) => uniqueEmail(`twice${i}`));
			await db()
				.insertInto('users')
				.values(
					emails.map((email, i) => ({
						organization_id: org.id,
						name: `P${i}`,
						email,
						language: 'en' as const,
						unit_id: team.id,
						job_role: 'sales_person' as const,
						access: 'participant' as const
					}))
				)
				.execute();
			// Both servers' schedulers sweep the same pending invitations.
			const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Twice?' } });
			for (const e of emails) await waitForEmail(e);
			await settle();
			for (const e of emails) expect(emailsTo(e), e).toHaveLength(1);

			const token = /\/s\/([a-z2-7]{58})/.exec(emailsTo(emails[0])[0].text)![1];
			const inv = await resolveSurveyToken({ token, ip: null });
			if (inv.state !== 'open') throw new Error(inv.state);
			await submitSurvey({ survey: inv.survey });

			await remindNow({ organizationId: org.id, actor: admin, roundId: round.id });
			for (const e of emails.slice(1)) await waitForEmail(e, 2);
			await settle();
			expect(emailsTo(emails[0])).toHaveLength(1);
			for (const e of emails.slice(1)) expect(emailsTo(e), e).toHaveLength(2);
		} finally {
			await second.stop();
		}
	}, 90_000);

	it('tell everyone invited of the publication once, and a unit’s participants of its new actions once', async () => {
		const second = await startExtraServer({ SOS_TICK_SECONDS: '1' });
		try {
			const o = await loopOrganization();
			await o.publish();
			const everyone = Object.values(o.people);
			for (const p of everyone) await waitForSubject(p.email, PUBLISHED);
			await o.act(o.units.north, 'Call every lost customer');
			const north = digestOf('Team North');
			for (const p of everyone.filter((p) => p.unit === 'north')) await waitForSubject(p.email, north);
			await settle();
			for (const p of everyone) {
				expect(withSubject(p.email, ...PUBLISHED), p.name).toHaveLength(1);
				expect(withSubject(p.email, ...north), p.name).toHaveLength(p.unit === 'north' ? 1 : 0);
			}
		} finally {
			await second.stop();
		}
	}, 90_000);
});
