import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { ConflictError, ForbiddenError, ValidationError } from '$lib/server/errors';
import { addMonths } from '$lib/rounds/repeat';
import { createRound } from './create';
import { advanceRound } from './advance';
import { setRoundRepeat } from './recurrence';
import { unscheduleRound } from './unschedule';
import { sendRoundNotices } from './notices';
import { getRound } from './queries';
import { emailsTo, waitForEmail } from '../../../../tests/support/mailbox';
import { afterNextTick } from '../../../../tests/support/scheduler';

const DAY = 86_400_000;
const ZONE = 'Europe/Stockholm'; // test organizations are in Sweden
const ORIGIN = 'http://sos.test';
beforeAll(() => {
	process.env.SMTP_URL = inject('smtpUrl');
});

/** An organization with a team of five sales people and an admin; rounds start a day from now, so only the test moves them. */
async function setup() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const team = await db().insertInto('units').values({ organization_id: org.id, name: 'Team' }).returning('id').executeTakeFirstOrThrow();
	const person = (i: number) => ({
		organization_id: org.id,
		name: `Person ${i}`,
		email: uniqueEmail(`p${i}`),
		language: 'en' as const,
		unit_id: team.id,
		job_role: 'sales_person' as const,
		access: 'participant' as const
	});
	await db().insertInto('users').values([1, 2, 3, 4, 5].map(person)).execute();
	const start = new Date(Math.floor((Date.now() + DAY) / 60_000) * 60_000);
	const input = {
		name: 'Pulse',
		startsAt: start.toISOString(),
		endsAt: new Date(start.getTime() + 14 * DAY).toISOString(),
		publishAt: new Date(start.getTime() + 21 * DAY).toISOString(),
		reminders: [new Date(start.getTime() + 4 * DAY).toISOString(), new Date(start.getTime() + 10 * DAY).toISOString()],
		minGroupSize: 4,
		participants: { mode: 'units', unitIds: [team.id] },
		questions: [{ source: 'standard', key: 'demand_outlook' }],
		repeatMonths: 3
	};
	const create = (extra: Record<string, unknown> = {}) => createRound({ organizationId: org.id, actor: admin, input: { ...input, ...extra } });
	return { org, admin, team: team.id, start, person, create };
}

const successorsOf = (organizationId: string, roundId: string) =>
	db().selectFrom('rounds').selectAll().where('organization_id', '=', organizationId).where('repeats_from', '=', roundId).execute();
const invitedEmails = async (organizationId: string, roundId: string) =>
	(await db().selectFrom('invitations').select('email').where('organization_id', '=', organizationId).where('round_id', '=', roundId).execute())
		.map((i) => i.email)
		.sort();
const after = (d: Date) => new Date(d.getTime() + 60_000);

describe('a repeating round', () => {
	it('is set, changed and cleared by an admin, audited', async () => {
		const { org, admin, create } = await setup();
		const draft = await create({ launch: false, repeatMonths: null });
		expect(draft.repeatMonths).toBeNull();
		expect((await setRoundRepeat({ organizationId: org.id, actor: admin, roundId: draft.id, input: { repeatMonths: 6 } })).repeatMonths).toBe(6);
		expect((await setRoundRepeat({ organizationId: org.id, actor: admin, roundId: draft.id, input: { repeatMonths: null } })).repeatMonths).toBeNull();
		const audit = await db()
			.selectFrom('audit_events')
			.select(['action', 'details'])
			.where('organization_id', '=', org.id)
			.where('action', '=', 'round_repeat_changed')
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.details)).toEqual([
			{ repeatMonths: 6, before: null },
			{ repeatMonths: null, before: 6 }
		]);
	});

	it('refuses a repeat other than 3, 6 or 12, naming the field, and one the round is longer than', async () => {
		const { org, admin, create } = await setup();
		const round = await create();
		const bad = setRoundRepeat({ organizationId: org.id, actor: admin, roundId: round.id, input: { repeatMonths: 4 } });
		await expect(bad).rejects.toBeInstanceOf(ValidationError);
		await expect(bad).rejects.toMatchObject({ details: [{ path: 'repeatMonths' }] });
		await expect(create({ repeatMonths: '3' })).rejects.toMatchObject({ details: [{ path: 'repeatMonths' }] });
		await expect(
			create({ repeatMonths: 3, endsAt: new Date(Date.now() + 100 * DAY).toISOString(), publishAt: undefined, reminders: [] })
		).rejects.toMatchObject({
			details: [{ path: 'repeatMonths', message: expect.stringMatching(/within 3 months/) }]
		});
	});

	it('refuses anyone but an admin of the organization', async () => {
		const { org, create } = await setup();
		const round = await create();
		const viewer = await createTestActor(org.id, 'viewer');
		await expect(setRoundRepeat({ organizationId: org.id, actor: viewer, roundId: round.id, input: { repeatMonths: null } })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const other = await createTestOrganization();
		const outsider = await createTestActor(other.id, 'admin');
		await expect(setRoundRepeat({ organizationId: org.id, actor: outsider, roundId: round.id, input: { repeatMonths: null } })).rejects.toThrow(/not found/);
		expect((await getRound({ organizationId: org.id, roundId: round.id })).repeatMonths).toBe(3);
	});

	it('creates its successor exactly once when it opens, even with several runners at once: scheduled, same settings, dates moved on', async () => {
		const { org, create, start } = await setup();
		const a = await create();
		expect(a.status).toBe('scheduled');
		const now = after(start);
		await Promise.all([
			advanceRound({ organizationId: org.id, roundId: a.id, now, wait: true }),
			advanceRound({ organizationId: org.id, roundId: a.id, now }),
			advanceRound({ organizationId: org.id, roundId: a.id, now, wait: true })
		]);
		const next = await successorsOf(org.id, a.id);
		expect(next).toHaveLength(1);
		const b = await getRound({ organizationId: org.id, roundId: next[0].id });
		const opened = await getRound({ organizationId: org.id, roundId: a.id });
		expect(opened).toMatchObject({ status: 'open', nextRoundId: b.id });
		const startsAt = addMonths(a.startsAt, 3, ZONE);
		// The same wall-clock times, the same number of days apart (in Stockholm, 3 months on).
		const shift = startsAt.getTime() - a.startsAt.getTime();
		const sameDistance = (from: Date, to: Date) => Math.abs(to.getTime() - from.getTime() - shift) <= 3_600_000;
		expect(b).toMatchObject({
			status: 'scheduled',
			name: `Pulse – ${new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: ZONE }).format(startsAt)}`,
			modelId: a.modelId,
			modelVersion: a.modelVersion,
			minGroupSize: 4,
			participants: a.participants,
			questions: a.questions,
			repeatMonths: 3,
			repeatsFrom: a.id,
			nextRoundId: null,
			invited: 0,
			createdBy: 'system'
		});
		expect(b.startsAt).toEqual(startsAt);
		expect(sameDistance(a.endsAt, b.endsAt) && sameDistance(a.publishAt, b.publishAt)).toBe(true);
		expect(b.reminders).toHaveLength(2);
		b.reminders.forEach((d, i) => expect(sameDistance(a.reminders[i], d), d.toISOString()).toBe(true));
		const audit = await db()
			.selectFrom('audit_events')
			.select(['action', 'actor', 'target'])
			.where('organization_id', '=', org.id)
			.where('action', '=', 'round_repeated')
			.execute();
		expect(audit).toEqual([{ action: 'round_repeated', actor: 'system', target: b.name }]);
	});

	it('invites the participants as they are at each launch, and the chain goes on', async () => {
		const { org, create, start, person } = await setup();
		const a = await create();
		await advanceRound({ organizationId: org.id, roundId: a.id, now: after(start) });
		const first = await invitedEmails(org.id, a.id);
		expect(first).toHaveLength(5);
		// Someone joins the team after the first launch, someone else leaves it.
		const joiner = person(6);
		await db().insertInto('users').values(joiner).execute();
		const leaver = first[0];
		await db().updateTable('users').set({ unit_id: null }).where('organization_id', '=', org.id).where('email', '=', leaver).execute();
		const [b] = await successorsOf(org.id, a.id);
		await advanceRound({ organizationId: org.id, roundId: b.id, now: after(b.starts_at) });
		const second = await invitedEmails(org.id, b.id);
		expect(second).toEqual([...first.filter((e) => e !== leaver), joiner.email].sort());
		expect(await invitedEmails(org.id, a.id)).toEqual(first);
		const [c] = await successorsOf(org.id, b.id);
		expect(c).toMatchObject({ status: 'scheduled', repeat_months: 3, name: expect.stringMatching(/^Pulse – \w+ \d{4}$/) });
	});

	it('stops when the repeat is cleared on the current round; the successor already scheduled can be stopped', async () => {
		const { org, admin, create, start } = await setup();
		const a = await create();
		await advanceRound({ organizationId: org.id, roundId: a.id, now: after(start) });
		const [b] = await successorsOf(org.id, a.id);
		await setRoundRepeat({ organizationId: org.id, actor: admin, roundId: a.id, input: { repeatMonths: null } });
		expect((await getRound({ organizationId: org.id, roundId: b.id })).repeatMonths).toBeNull();
		await advanceRound({ organizationId: org.id, roundId: b.id, now: after(b.starts_at) });
		expect(await successorsOf(org.id, b.id)).toEqual([]);

		// Starting it again on the open round creates the missing successor at once; that one can be stopped.
		const d = await create({ name: 'Other' });
		await advanceRound({ organizationId: org.id, roundId: d.id, now: after(start) });
		const [e] = await successorsOf(org.id, d.id);
		const stopped = await unscheduleRound({ organizationId: org.id, actor: admin, roundId: e.id });
		expect(stopped.status).toBe('draft');
		await advanceRound({ organizationId: org.id, roundId: e.id, now: after(e.starts_at) });
		expect((await getRound({ organizationId: org.id, roundId: e.id })).invited).toBe(0);
		await expect(unscheduleRound({ organizationId: org.id, actor: admin, roundId: d.id })).rejects.toBeInstanceOf(ConflictError);
	});

	it('gets its successor at once when an open round starts repeating; an ended round cannot be changed', async () => {
		const { org, admin, create, start } = await setup();
		const a = await create({ repeatMonths: null });
		await advanceRound({ organizationId: org.id, roundId: a.id, now: after(start) });
		expect(await successorsOf(org.id, a.id)).toEqual([]);
		const set = await setRoundRepeat({ organizationId: org.id, actor: admin, roundId: a.id, input: { repeatMonths: 12 } });
		const [b] = await successorsOf(org.id, a.id);
		expect(set.nextRoundId).toBe(b.id);
		expect(b.starts_at).toEqual(addMonths(a.startsAt, 12, ZONE));
		await advanceRound({ organizationId: org.id, roundId: a.id, now: after(a.endsAt) });
		await expect(setRoundRepeat({ organizationId: org.id, actor: admin, roundId: a.id, input: { repeatMonths: 3 } })).rejects.toBeInstanceOf(ConflictError);
		expect(await successorsOf(org.id, a.id)).toHaveLength(1);
	});

	it('tells the admins once, two weeks before the successor opens, with a link to check it', async () => {
		const { org, admin, create, start } = await setup();
		const second = await createTestActor(org.id, 'admin');
		await db().updateTable('users').set({ language: 'sv' }).where('organization_id', '=', org.id).where('email', '=', second.email).execute();
		const a = await create();
		await advanceRound({ organizationId: org.id, roundId: a.id, now: after(start) });
		const [b] = await successorsOf(org.id, a.id);
		const flag = async () =>
			(await db().selectFrom('rounds').select('notice_sent').where('organization_id', '=', org.id).where('id', '=', b.id).executeTakeFirstOrThrow())
				.notice_sent;

		await sendRoundNotices({ organizationId: org.id, origin: ORIGIN, now: new Date(b.starts_at.getTime() - 20 * DAY) });
		expect(await flag()).toBe(false);
		const soon = new Date(b.starts_at.getTime() - 13 * DAY);
		await Promise.all([
			sendRoundNotices({ organizationId: org.id, origin: ORIGIN, now: soon }),
			sendRoundNotices({ organizationId: org.id, origin: ORIGIN, now: soon })
		]);
		expect(await flag()).toBe(true);
		const en = await waitForEmail(admin.email);
		const sv = await waitForEmail(second.email);
		const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: ZONE }).format(b.starts_at);
		expect(en.subject).toBe(`Your next SOS survey round opens on ${date}`);
		expect(en.text).toContain(b.name);
		expect(en.text).toContain('“Pulse” repeats');
		expect(en.text).toContain(`/app/rounds/${b.id}`);
		expect(sv.subject).toMatch(/^Er nästa SOS-enkätomgång öppnar/);
		await sendRoundNotices({ organizationId: org.id, origin: ORIGIN, now: new Date(b.starts_at.getTime() - DAY) });
		await afterNextTick();
		expect(emailsTo(admin.email)).toHaveLength(1);
		expect(emailsTo(second.email)).toHaveLength(1);
	});
});
