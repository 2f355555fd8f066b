import { describe, expect, inject, it } from 'vitest';
import { db } from '$lib/server/db';
import { ORGANIZATION } from '$lib/results/view';
import { loopOrganization, PUBLISHED, ROUND, waitForSubject, withSubject } from '$tests/loop';
import { emailsTo } from '../../../../tests/support/mailbox';
import { afterNextTick } from '../../../../tests/support/scheduler';
import { sendResultsNotices } from './publication';

/**
 * The text without its links: the test server's address has a port, and its scheduler may send some of
 * the e-mails before the test's own run does (from its own address; in production all share ORIGIN).
 */
const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, '');

const ORIGIN = 'http://sos.test';
// Read when the first email is sent: this process sends through the real test SMTP server.
process.env.SMTP_URL = inject('smtpUrl');
const sweep = (organizationId: string) => sendResultsNotices({ organizationId, origin: ORIGIN });
/** The words of an HTML email, without its tags (whose sizes and colours are digits) and entities. */
const words = (html: string) => html.replace(/<[^>]+>|&#?\w+;/g, ' ');
const mailTo = (email: string) => withSubject(email, ...PUBLISHED)[0];

describe('the email at publication', () => {
	it('goes once to everyone invited, answered or not, with what was decided by title and status and no figure', async () => {
		const { org, units, people, round, act, publish, admin } = await loopOrganization();
		// Planned for the round before its publication (later ones are told by the digest).
		await act(units.north, 'Weekly pipeline review', { roundId: round.id });
		await act(units.south, 'Joint visits every month', { roundId: round.id });
		await act(ORGANIZATION, 'One customer plan for everyone', { roundId: round.id });
		await act(units.north, 'An older plan of no round');
		await publish();
		// Two instances sweeping at once, and again later (and a test server's scheduler, with a build): one email each.
		await Promise.all([sweep(org.id), sweep(org.id)]);
		await sweep(org.id);
		for (const p of Object.values(people)) await waitForSubject(p.email, PUBLISHED);
		await afterNextTick();
		for (const p of Object.values(people)) expect(withSubject(p.email, ...PUBLISHED), p.name).toHaveLength(1);
		expect(emailsTo(admin.email)).toHaveLength(0);

		const anna = mailTo(people.Anna.email);
		expect(anna.subject).toBe(`${ROUND}: the results are published`);
		expect(anna.text).toContain('Hello Anna,');
		expect(anna.text).toContain('What Team North has decided to do so far:\n- Weekly pipeline review (Planned)');
		expect(anna.text).toContain(`What ${org.name} as a whole has decided to do:\n- One customer plan for everyone (Planned)`);
		expect(anna.text).not.toContain('Joint visits');
		expect(anna.text).not.toContain('older plan');
		expect(anna.text).not.toContain('Forecasting scored low');
		// No score, count or share: not a single digit, no percent sign, in the text or the HTML's words.
		for (const body of [anna.text, words(anna.html)]) {
			expect(withoutLinks(body)).not.toMatch(/\d/);
			expect(body).not.toContain('%');
		}
		// A participant signs in to their home, where the same is shown (the test server's scheduler may
		// send it first, from its own address).
		expect(anna.text).toMatch(/Sign in to SOS: https?:\/\/\S+\/signin/);

		// The same email for someone who did not answer, but for the name.
		const dan = mailTo(people.Dan.email);
		expect(dan.subject).toBe(anna.subject);
		expect(withoutLinks(dan.text).replace('Dan', '·')).toBe(withoutLinks(anna.text).replace('Anna', '·'));
		expect(withoutLinks(dan.html).replace('Dan', '·')).toBe(withoutLinks(anna.html).replace('Anna', '·'));
		// A viewer (who answered too) gets the sign-in page; Team South hears of its own plan.
		const vera = mailTo(people.Vera.email);
		expect(vera.text).toMatch(/Sign in to SOS: https?:\/\/\S+\/signin/);
		expect(vera.html).toMatch(/href="https?:\/\/[^"]+\/signin"/);
		expect(mailTo(people.Tove.email).text).toContain('What Team South has decided to do so far:\n- Joint visits every month (Planned)');
		// In the person's language.
		const britt = mailTo(people.Britt.email);
		expect(britt.subject).toBe(`${ROUND}: resultaten är publicerade`);
		expect(britt.text).toContain('- Weekly pipeline review (Planerad)');
		expect(withoutLinks(britt.text)).not.toMatch(/\d/);

		const left = await db().selectFrom('invitations').select('id').where('organization_id', '=', org.id).where('results_notice_pending', '=', true).execute();
		expect(left).toEqual([]);
	});

	it('says the team will decide when nothing is decided yet, and skips someone no longer in the organization', async () => {
		const { org, people, publish } = await loopOrganization();
		await db().deleteFrom('users').where('organization_id', '=', org.id).where('email', '=', people.Eva.email).execute();
		await publish();
		await sweep(org.id);
		const cleo = await waitForSubject(people.Cleo.email, PUBLISHED);
		expect(cleo.text).toContain('Team North has not decided on any actions yet. The team will decide what to do, and you will hear about it by email.');
		expect(cleo.text).not.toContain('as a whole');
		await afterNextTick();
		expect(withSubject(people.Eva.email, ...PUBLISHED)).toHaveLength(0);
		expect(await sweep(org.id)).toBe(0);
	});
});
