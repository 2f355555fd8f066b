import { describe, expect, inject, it } from 'vitest';
import { db } from '$lib/server/db';
import { ORGANIZATION } from '$lib/results/view';
import { emailsJob } from '$lib/server/jobs/emails';
import { digestOf, loopOrganization, PUBLISHED, waitForSubject, withSubject } from '$tests/loop';
import { afterNextTick } from '../../../../tests/support/scheduler';
import { sendResultsNotices } from './publication';
import { DIGEST_GAP_MS, organizationsWithDigests, sendActionDigests } from './digest';

/**
 * The text without its links: the test server's address has a port, and its scheduler may send some of
 * the e-mails before the test's own run does (from its own address; in production all share ORIGIN).
 */
const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, '');

/**
 * The digest of a unit's new actions, through the emails job and the real SMTP server. A test server's
 * scheduler (with a build) sweeps the same database with today's clock, so a digest due now may be sent
 * by either (what counts is the emails); sweeps with a `now` a day or more ahead are ours alone.
 */
const ORIGIN = 'http://sos.test';
process.env.SMTP_URL = inject('smtpUrl');
process.env.ORIGIN = ORIGIN;
const NORTH = digestOf('Team North');

async function published() {
	const o = await loopOrganization();
	await o.act(o.units.north, 'Weekly pipeline review', { roundId: o.round.id });
	await o.publish();
	await sendResultsNotices({ organizationId: o.org.id, origin: ORIGIN });
	for (const p of Object.values(o.people)) await waitForSubject(p.email, PUBLISHED);
	return o;
}

describe('the digest of new actions', () => {
	it('tells everyone the unit’s latest published round invited, once, even when the job runs twice at once', async () => {
		const { org, units, people, act } = await published();
		await act(units.north, 'Call every lost customer');
		await Promise.all([emailsJob({ organizationId: org.id }), emailsJob({ organizationId: org.id })]);
		await emailsJob({ organizationId: org.id });
		const north = Object.values(people).filter((p) => p.unit === 'north');
		for (const p of north) await waitForSubject(p.email, NORTH);
		await afterNextTick();
		for (const p of north) expect(withSubject(p.email, ...NORTH), p.name).toHaveLength(1);
		for (const p of [people.Sam, people.Tove]) expect(withSubject(p.email, ...NORTH, ...digestOf('Team South')), p.name).toHaveLength(0);

		const [anna] = withSubject(people.Anna.email, ...NORTH);
		expect(anna.text).toContain('Since the results of Autumn review were published, Team North has added these actions:\n- Call every lost customer (Planned)');
		// Only what is new: the plan the publication email named is not repeated; no reason, no figure.
		expect(anna.text).not.toContain('Weekly pipeline review');
		expect(anna.text).not.toContain('Forecasting');
		expect(withoutLinks(anna.text)).not.toMatch(/\d/);
		const [dan] = withSubject(people.Dan.email, ...NORTH);
		expect(withoutLinks(dan.text).replace('Dan', '·')).toBe(withoutLinks(anna.text).replace('Anna', '·'));
		expect(withSubject(people.Britt.email, ...NORTH)[0].text).toContain('har Team North lagt till de här åtgärderna:\n- Call every lost customer (Planerad)');
		expect(withSubject(people.Vera.email, ...NORTH)[0].text).toMatch(/https?:\/\/\S+\/signin/);
		expect(await organizationsWithDigests()).not.toContain(org.id);
	});

	it('comes at most once a day per unit, then with only the actions added since', async () => {
		const { org, units, people, act } = await published();
		const now = Date.now();
		const at = (ms: number) => sendActionDigests({ organizationId: org.id, origin: ORIGIN, now: new Date(now + ms) });
		await act(units.north, 'First new plan');
		await at(0);
		await waitForSubject(people.Cleo.email, NORTH);
		await act(units.north, 'Second new plan');
		// Within the day: nothing, also not from a second instance.
		expect(await Promise.all([at(60_000), at(60_000)])).toEqual([0, 0]);
		expect(await organizationsWithDigests(new Date(now + 60_000))).not.toContain(org.id);
		expect(withSubject(people.Cleo.email, ...NORTH)).toHaveLength(1);
		// A day later: the second plan alone, one email to each of Team North's six.
		expect(await Promise.all([at(DIGEST_GAP_MS + 60_000), at(DIGEST_GAP_MS + 60_000)]).then((n) => n[0] + n[1])).toBe(6);
		const mails = withSubject(people.Cleo.email, ...NORTH);
		expect(mails).toHaveLength(2);
		expect(mails[1].text).toContain('- Second new plan (Planned)');
		expect(mails[1].text).not.toContain('First new plan');
	});

	it('tells the organization’s own actions to everyone its latest published round invited, a few at a time', async () => {
		const { org, people, act } = await published();
		await act(ORGANIZATION, 'One price list for all teams');
		// Three emails per sweep (as a job sends at most so many): the next sweeps go on where it stopped.
		while (await sendActionDigests({ organizationId: org.id, origin: ORIGIN, max: 3 }));
		for (const p of Object.values(people)) await waitForSubject(p.email, digestOf(org.name));
		await afterNextTick();
		for (const p of Object.values(people)) {
			const mails = withSubject(p.email, ...digestOf(org.name));
			expect(mails, p.name).toHaveLength(1);
			expect(mails[0].text, p.name).toContain(
				p.language === 'sv'
					? `${org.name} lagt till de här åtgärderna för hela organisationen:\n- One price list for all teams (Planerad)`
					: `${org.name} has added these actions for the whole organization:\n- One price list for all teams (Planned)`
			);
		}
		const left = await db().selectFrom('actions').select('id').where('organization_id', '=', org.id).where('digest_pending', '=', true).execute();
		expect(left).toEqual([]);
	});

	it('says nothing of actions made before any round was published, nor of a round not yet published', async () => {
		const { org, units, people, round, act, publish } = await loopOrganization();
		await act(units.north, 'Planned while the round was open');
		const later = new Date(Date.now() + 5 * DIGEST_GAP_MS);
		// No published round yet: nobody to tell, and the action is not told later either.
		expect(await sendActionDigests({ organizationId: org.id, origin: ORIGIN, now: later })).toBe(0);
		await act(units.north, 'For the round, before it is published', { roundId: round.id });
		await publish();
		await sendResultsNotices({ organizationId: org.id, origin: ORIGIN });
		expect(await sendActionDigests({ organizationId: org.id, origin: ORIGIN, now: later })).toBe(0);
		const mail = await waitForSubject(people.Anna.email, PUBLISHED);
		expect(mail.text).toContain('- For the round, before it is published (Planned)');
		await afterNextTick();
		expect(withSubject(people.Anna.email, ...NORTH)).toHaveLength(0);
	});
});
