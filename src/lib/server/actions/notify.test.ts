import { describe, expect, inject, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { emailsTo, waitForEmail } from '../../../../tests/support/mailbox';
import { afterNextTick } from '../../../../tests/support/scheduler';
import { createAction, updateAction } from './mutations';
import { DUE_REMINDER_DAYS, sendActionEmails } from './notify';

/**
 * Owner emails through the real sweep and the real SMTP server. The test server's own scheduler sweeps
 * the same database every few seconds with today's date, so the reminder tests use due dates late in
 * this century and a `now` just before them: only our sweeps can find those reminders due. Assignment
 * emails may be sent by either sweep — what matters is that exactly one arrives.
 */
const ORIGIN = 'http://sos.test';
// Read when the first email is sent: this process sends through the real test SMTP server.
process.env.SMTP_URL = inject('smtpUrl');
const sweep = (organizationId: string, now: string) => sendActionEmails({ organizationId, origin: ORIGIN, now: new Date(`${now}T08:00:00Z`) });
/** Until the test server's scheduler has had a whole turn too (our own sweeps are awaited). */
const settle = () => afterNextTick();

async function org() {
	const o = await createTestOrganization();
	const unit = (await db().insertInto('units').values({ organization_id: o.id, name: 'Team Nord', parent_id: null }).returning('id').executeTakeFirstOrThrow())
		.id;
	const manager = await createTestActor(o.id, 'viewer', unit);
	const lead = await createTestActor(o.id, 'viewer', unit);
	return { o, unit, manager, lead };
}

describe('action owner emails', () => {
	it('tell the owner once when someone else assigns them an action, with a link to it', async () => {
		const { o, unit, manager, lead } = await org();
		const a = await createAction({ actor: manager, input: { unitId: unit, title: 'Call every lost customer of 2025', ownerId: lead.membership!.userId } });
		await sweep(o.id, new Date().toISOString().slice(0, 10));
		const mail = await waitForEmail(lead.email);
		expect(mail.subject).toBe('You own an action: Call every lost customer of 2025');
		expect(mail.text).toMatch(new RegExp(`https?://\\S+/app/actions/${a.id}\\b`));
		expect(mail.text).toContain('Team Nord');
		await sweep(o.id, new Date().toISOString().slice(0, 10));
		await settle();
		expect(emailsTo(lead.email)).toHaveLength(1);
		expect(emailsTo(manager.email)).toHaveLength(0);
		const row = await db().selectFrom('actions').select('assignment_pending').where('id', '=', a.id).executeTakeFirstOrThrow();
		expect(row.assignment_pending).toBe(false);
	});

	it('send nothing when the owner assigns the action to themselves (also on a later change of owner to oneself)', async () => {
		const { o, unit, manager, lead } = await org();
		const a = await createAction({ actor: manager, input: { unitId: unit, title: 'Own action', ownerId: manager.membership!.userId } });
		const b = await createAction({ actor: manager, input: { unitId: unit, title: 'Taken over later' } });
		await updateAction({ actor: lead, actionId: b.id, input: { ownerId: lead.membership!.userId } });
		expect((await db().selectFrom('actions').select('assignment_pending').where('id', 'in', [a.id, b.id]).execute()).map((r) => r.assignment_pending)).toEqual([
			false,
			false
		]);
		await sweep(o.id, new Date().toISOString().slice(0, 10));
		await settle();
		expect(emailsTo(manager.email)).toHaveLength(0);
		expect(emailsTo(lead.email)).toHaveLength(0);
	});

	it(`remind the owner exactly once when an open action is due within ${DUE_REMINDER_DAYS} days, even with two sweeps at once`, async () => {
		const { o, unit, manager } = await org();
		const owner = manager.membership!.userId;
		const due = await createAction({ actor: manager, input: { unitId: unit, title: 'Due on the tenth', ownerId: owner, dueOn: '2091-06-10' } });
		await createAction({ actor: manager, input: { unitId: unit, title: 'Due later', ownerId: owner, dueOn: '2091-06-20' } });
		// Four days before: not yet.
		await sweep(o.id, '2091-06-06');
		expect(emailsTo(manager.email)).toHaveLength(0);
		// Three days before: one reminder; sweeping again sends nothing more.
		await sweep(o.id, '2091-06-07');
		const mail = await waitForEmail(manager.email);
		expect(mail.subject).toBe('Due soon: Due on the tenth');
		expect(mail.text).toContain(`${ORIGIN}/app/actions/${due.id}`);
		await sweep(o.id, '2091-06-07');
		await sweep(o.id, '2091-06-09');
		expect(emailsTo(manager.email)).toHaveLength(1);
		// Two sweeps at once (two app instances): the later action is reminded once, not twice.
		await Promise.all([sweep(o.id, '2091-06-18'), sweep(o.id, '2091-06-18'), sweep(o.id, '2091-06-18')]);
		expect(emailsTo(manager.email).map((m) => m.subject)).toEqual(['Due soon: Due on the tenth', 'Due soon: Due later']);
		// Past the due date nothing is sent either (that is "overdue", shown in the app).
		await sweep(o.id, '2091-06-25');
		expect(emailsTo(manager.email)).toHaveLength(2);
	});

	it('send no reminder for done or dropped actions', async () => {
		const { o, unit, manager } = await org();
		const owner = manager.membership!.userId;
		await createAction({ actor: manager, input: { unitId: unit, title: 'Finished early', ownerId: owner, dueOn: '2092-03-10', status: 'done' } });
		const dropped = await createAction({ actor: manager, input: { unitId: unit, title: 'Given up', ownerId: owner, dueOn: '2092-03-10' } });
		await updateAction({ actor: manager, actionId: dropped.id, input: { status: 'dropped' } });
		await sweep(o.id, '2092-03-08');
		await sweep(o.id, '2092-03-10');
		expect(emailsTo(manager.email)).toHaveLength(0);
	});

	it('remind again after the due date is changed', async () => {
		const { o, unit, manager } = await org();
		const a = await createAction({
			actor: manager,
			input: { unitId: unit, title: 'Moved deadline', ownerId: manager.membership!.userId, dueOn: '2093-09-05' }
		});
		await sweep(o.id, '2093-09-03');
		expect(emailsTo(manager.email)).toHaveLength(1);
		await updateAction({ actor: manager, actionId: a.id, input: { dueOn: '2093-10-01' } });
		await sweep(o.id, '2093-09-04');
		expect(emailsTo(manager.email)).toHaveLength(1);
		await sweep(o.id, '2093-09-29');
		expect(emailsTo(manager.email)).toHaveLength(2);
		expect(emailsTo(manager.email)[1].subject).toBe('Due soon: Moved deadline');
		await sweep(o.id, '2093-09-30');
		expect(emailsTo(manager.email)).toHaveLength(2);
	});

	it('do not remind again when an action is saved with its due date unchanged', async () => {
		const { o, unit, manager } = await org();
		const a = await createAction({ actor: manager, input: { unitId: unit, title: 'Saved twice', ownerId: manager.membership!.userId, dueOn: '2094-03-05' } });
		await sweep(o.id, '2094-03-03');
		expect(emailsTo(manager.email)).toHaveLength(1);
		await updateAction({ actor: manager, actionId: a.id, input: { title: 'Saved twice (renamed)', dueOn: '2094-03-05', status: 'in_progress' } });
		await sweep(o.id, '2094-03-04');
		expect(emailsTo(manager.email)).toHaveLength(1);
	});

	it('send one email, not two, when an action is assigned with a due date already close', async () => {
		const { o, unit, manager, lead } = await org();
		// Real dates here: whichever sweep sends the assignment (ours or the test server's) sees the same day.
		const today = new Date().toISOString().slice(0, 10);
		const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
		await createAction({ actor: manager, input: { unitId: unit, title: 'Urgent handover', ownerId: lead.membership!.userId, dueOn: inTwoDays } });
		await sweep(o.id, today);
		const mail = await waitForEmail(lead.email);
		expect(mail.text).toContain('It is due on');
		await sweep(o.id, today);
		await settle();
		expect(emailsTo(lead.email).map((m) => m.subject)).toEqual(['You own an action: Urgent handover']);
	});
});
