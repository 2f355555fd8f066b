import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { storedResponses } from '$tests/stored-responses';
import { createRound } from './create';
import { advanceRound } from './advance';
import { sendPendingEmails } from './emails';
import { closeRoundEarly, extendRound, remindNow } from './manage';
import { roundResponseRates } from './response-rates';
import { resolveSurveyToken } from '$lib/server/survey/access';
import { saveDraft } from '$lib/server/survey/save';
import { submitSurvey } from '$lib/server/survey/submit';
import { emailsTo, waitForEmail } from '../../../../tests/support/mailbox';
import { afterNextTick } from '../../../../tests/support/scheduler';

const ORIGIN = 'http://sos.test';
beforeAll(() => {
	process.env.SMTP_URL = inject('smtpUrl');
});

/** An organization with one team of `n` sales people (+ one manager) and an admin. */
async function orgWithTeam(n: number) {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const area = await db().insertInto('units').values({ organization_id: org.id, name: 'Area' }).returning('id').executeTakeFirstOrThrow();
	const team = await db().insertInto('units').values({ organization_id: org.id, name: 'Team', parent_id: area.id }).returning('id').executeTakeFirstOrThrow();
	const people = Array.from({ length: n + 1 }, (_, i) => ({
		organization_id: org.id,
		name: `Person ${i}`,
		email: uniqueEmail(`p${i}`),
		language: (i % 2 ? 'sv' : 'en') as 'en' | 'sv',
		unit_id: team.id,
		job_role: (i === 0 ? 'sales_manager' : 'sales_person') as 'sales_manager' | 'sales_person',
		access: 'participant' as const
	}));
	await db().insertInto('users').values(people).execute();
	return { org, admin, team: team.id, area: area.id, people };
}

function tokenFrom(text: string): string {
	return /\/s\/([a-z2-7]{58})/.exec(text)![1];
}

async function openFor(email: string) {
	const inv = await resolveSurveyToken({ token: tokenFrom((await waitForEmail(email)).text), ip: null });
	if (inv.state !== 'open') throw new Error(`invitation is ${inv.state}`);
	return inv.survey;
}

describe('a survey round', () => {
	it('invites everyone at launch in their language, freezes unit and role, and stores anonymous responses', async () => {
		const { org, admin, people, team } = await orgWithTeam(6);
		const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Spring 2027', minGroupSize: 5 } });
		expect(round.status).toBe('open');
		expect(round.invited).toBe(7); // the admin has no unit/role and is not invited
		await sendPendingEmails({ organizationId: org.id, origin: ORIGIN });
		const en = await waitForEmail(people[0].email);
		const sv = await waitForEmail(people[1].email);
		// The round's name leads the subject, so two rounds' invitations differ in the inbox.
		expect(en.subject).toBe(`Spring 2027: your SOS survey from ${org.name}`);
		expect(sv.subject).toBe(`Spring 2027: din SOS-enkät från ${org.name}`);
		// The test server's own scheduler may sweep this database too (with its own origin): either way one link.
		expect(en.text).toMatch(/https?:\/\/[^/\s]+\/s\/[a-z2-7]{58}/);

		// The participant's unit changes after launch: the invitation keeps the unit it had.
		const other = await db().insertInto('units').values({ organization_id: org.id, name: 'Elsewhere' }).returning('id').executeTakeFirstOrThrow();
		await db().updateTable('users').set({ unit_id: other.id }).where('email', '=', people[2].email).execute();

		const s = await openFor(people[2].email);
		const keys = s.model.statementKeys;
		await saveDraft({ survey: s, patch: { answers: { [keys[0]]: 4, [keys[1]]: 0 }, questions: {} } });
		const resumed = await openFor(people[2].email);
		expect(resumed.answers.slice(0, 3)).toEqual([4, 0, null]);
		expect(await submitSurvey({ survey: resumed, patch: { answers: { [keys[2]]: 2 }, questions: {} } })).toEqual({ alreadySubmitted: false });

		// Submitted: sealed in pending_responses until it is mixed with others; the row names only its round.
		const pending = await db().selectFrom('pending_responses').selectAll().where('organization_id', '=', org.id).execute();
		expect(pending.map((p) => Object.keys(p).sort())).toEqual([['id', 'organization_id', 'round_id', 'sealed']]);
		const responses = await storedResponses(org.id);
		expect(responses).toHaveLength(1);
		expect(responses[0].unit_id).toBe(team);
		expect(responses[0].job_role).toBe('sales_person');
		expect(responses[0].answers.slice(0, 3)).toEqual([4, 0, 2]);
		// Two of the first area's statements answered on the scale: fewer than half, so no area mean.
		expect(responses[0].area_scores[0]).toBeNull();
		// Nothing on the response row points at a person or a moment.
		expect(Object.keys(responses[0]).sort()).toEqual([
			'answers',
			'area_scores',
			'id',
			'job_role',
			'organization_id',
			'question_answers',
			'round_id',
			'unit_id'
		]);
		expect(await db().selectFrom('drafts').select('invitation_id').where('organization_id', '=', org.id).execute()).toEqual([]);
		expect((await resolveSurveyToken({ token: tokenFrom((await waitForEmail(people[2].email)).text), ip: null })).state).toBe('submitted');
	});

	it('stores exactly one response when the same invitation is submitted 20 times at once', async () => {
		const { org, admin, people } = await orgWithTeam(5);
		await createRound({ organizationId: org.id, actor: admin, input: { name: 'Parallel' } });
		await sendPendingEmails({ organizationId: org.id, origin: ORIGIN });
		const s = await openFor(people[3].email);
		const results = await Promise.all(Array.from({ length: 20 }, () => submitSurvey({ survey: s })));
		expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
		expect(await storedResponses(org.id)).toHaveLength(1);
	});

	it('reminds only those who have not submitted, once per reminder, and never sends twice in parallel sweeps', async () => {
		const { org, admin, people } = await orgWithTeam(5);
		const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Reminders' } });
		await Promise.all([sendPendingEmails({ organizationId: org.id, origin: ORIGIN }), sendPendingEmails({ organizationId: org.id, origin: ORIGIN })]);
		const done = await openFor(people[1].email);
		await submitSurvey({ survey: done });
		await remindNow({ organizationId: org.id, actor: admin, roundId: round.id });
		await Promise.all([sendPendingEmails({ organizationId: org.id, origin: ORIGIN }), sendPendingEmails({ organizationId: org.id, origin: ORIGIN })]);
		await waitForEmail(people[2].email, 2);
		// Our sweeps are awaited; the test server's scheduler has had its turn too.
		await afterNextTick();
		for (const p of people) {
			const mails = emailsTo(p.email);
			expect(mails, p.email).toHaveLength(p.email === people[1].email ? 1 : 2);
		}
		expect(emailsTo(people[2].email)[1].subject).toBe(`Reminder: Reminders, your SOS survey from ${org.name}`);
		expect(emailsTo(people[3].email)[1].subject).toBe(`Påminnelse: Reminders, din SOS-enkät från ${org.name}`);
	});

	it('closes by its dates (or early), deletes drafts, refuses late submits, and publishes', async () => {
		const { org, admin, people } = await orgWithTeam(5);
		const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Dates' } });
		await sendPendingEmails({ organizationId: org.id, origin: ORIGIN });
		const s = await openFor(people[0].email);
		await saveDraft({ survey: s, patch: { answers: { [s.model.statementKeys[0]]: 5 }, questions: {} } });
		const later = new Date(round.endsAt.getTime() + 7 * 86_400_000);
		await extendRound({ organizationId: org.id, actor: admin, roundId: round.id, input: { endsAt: later.toISOString() } });
		await advanceRound({ organizationId: org.id, roundId: round.id, now: new Date(round.endsAt.getTime() + 1000) });
		expect((await roundResponseRates({ organizationId: org.id, roundId: round.id })).round.status).toBe('open');
		const closed = await closeRoundEarly({ organizationId: org.id, actor: admin, roundId: round.id });
		expect(['closed', 'published']).toContain(closed.status);
		expect(await db().selectFrom('drafts').select('invitation_id').where('organization_id', '=', org.id).execute()).toEqual([]);
		await expect(submitSurvey({ survey: s })).rejects.toThrow(/closed/);
		await advanceRound({ organizationId: org.id, roundId: round.id, now: new Date(later.getTime() + 1000) });
		expect((await roundResponseRates({ organizationId: org.id, roundId: round.id })).round.status).toBe('published');
	});

	it('shows response rates only for units with at least k invited, and none that would give a smaller group away', async () => {
		const { org, admin, people, team, area } = await orgWithTeam(5);
		const small = await db().insertInto('units').values({ organization_id: org.id, name: 'Small' }).returning('id').executeTakeFirstOrThrow();
		const big = await db().insertInto('units').values({ organization_id: org.id, name: 'Big' }).returning('id').executeTakeFirstOrThrow();
		await db()
			.insertInto('users')
			.values({
				organization_id: org.id,
				name: 'Solo',
				email: uniqueEmail('solo'),
				language: 'en',
				unit_id: small.id,
				job_role: 'sales_person',
				access: 'participant'
			})
			.execute();
		await db()
			.insertInto('users')
			.values(
				Array.from({ length: 5 }, (_, i) => ({
					organization_id: org.id,
					name: `Big ${i}`,
					email: uniqueEmail(`big${i}`),
					language: 'en' as const,
					unit_id: big.id,
					job_role: 'sales_person' as const,
					access: 'participant' as const
				}))
			)
			.execute();
		const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Rates', minGroupSize: 5 } });
		await sendPendingEmails({ organizationId: org.id, origin: ORIGIN });
		await submitSurvey({ survey: await openFor(people[0].email) });
		const rates = await roundResponseRates({ organizationId: org.id, roundId: round.id });
		const byId = new Map(rates.rows.map((r) => [r.unitId, r]));
		expect(byId.get(team)).toMatchObject({ invited: 6, completed: 1, hidden: false });
		expect(byId.get(area)).toMatchObject({ invited: 6, completed: 1, hidden: false });
		expect(byId.get(small.id)).toMatchObject({ invited: null, completed: null, rate: null, hidden: true, hiddenReason: 'fewer_than_k' });
		// Total (12) minus Area (6) minus Big (5) would leave Small's one person: Big is hidden as well.
		expect(byId.get(big.id)).toMatchObject({ invited: null, completed: null, rate: null, hidden: true, hiddenReason: 'protects_smaller_group' });
		expect(rates.total).toMatchObject({ invited: 12, completed: 1, hidden: false });
	});
});
