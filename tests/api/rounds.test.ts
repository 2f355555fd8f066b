import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { createTestActor, uniqueEmail } from '$tests/fixtures';
import { resolveSurveyToken } from '$lib/server/survey/access';
import { submitSurvey } from '$lib/server/survey/submit';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';
import type { components } from '$lib/api-client/schema';
import { emailsTo as readEmailsTo, type ReceivedEmail } from '../support/mailbox';
import { afterNextTick } from '../support/scheduler';
import { auditActions, getPage, orgWithAdmin, raw } from './helpers';

const DAY = 86_400_000;

/**
 * The test SMTP server writes each message with one writeFileSync, which another process can catch
 * half-written; such a read is simply repeated.
 */
async function emailsTo(to: string): Promise<ReceivedEmail[]> {
	for (let i = 0; ; i++) {
		try {
			return readEmailsTo(to);
		} catch (err) {
			if (!(err instanceof SyntaxError) || i >= 20) throw err;
			await new Promise((r) => setTimeout(r, 50));
		}
	}
}

/** Waits (up to 10 s) for the n-th message to `to`. */
async function waitForEmail(to: string, n = 1): Promise<ReceivedEmail> {
	for (let i = 0; i < 100; i++) {
		const all = await emailsTo(to);
		if (all.length >= n) return all[n - 1];
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`No email #${n} to ${to} arrived`);
}
const iso = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();

/**
 * A fresh organization with an admin and a tree: Area → North (`north` people) and South (`south`), and
 * Solo (`solo` people) at the top. Everyone has a unit and a job role.
 */
async function orgWithTree(sizes: { north?: number; south?: number; solo?: number } = {}) {
	const o = await orgWithAdmin();
	const unit = async (name: string, parentId: string | null = null) =>
		(await db().insertInto('units').values({ organization_id: o.org.id, name, parent_id: parentId }).returning('id').executeTakeFirstOrThrow()).id;
	const area = await unit('Area');
	const north = await unit('North', area);
	const south = await unit('South', area);
	const solo = await unit('Solo');
	const people: Record<string, string[]> = { north: [], south: [], solo: [] };
	for (const [key, unitId] of [
		['north', north],
		['south', south],
		['solo', solo]
	] as const) {
		const n = sizes[key] ?? 0;
		if (n === 0) continue;
		const rows = Array.from({ length: n }, (_, i) => ({
			organization_id: o.org.id,
			name: `${key} ${i}`,
			email: uniqueEmail(`${key}${i}`),
			language: 'en' as const,
			unit_id: unitId,
			job_role: (i === 0 ? 'sales_manager' : 'sales_person') as 'sales_manager' | 'sales_person',
			access: 'participant' as const
		}));
		await db().insertInto('users').values(rows).execute();
		people[key] = rows.map((r) => r.email);
	}
	return { ...o, units: { area, north, south, solo }, people };
}

const as = (cookie: string) => apiClient(baseUrl(), { cookie });
const byId = (id: string) => ({ params: { path: { id } } });

async function createRound(cookie: string, body: Partial<components['schemas']['RoundInput']>) {
	const r = await as(cookie).POST('/rounds', { body: { name: 'Spring', ...body } });
	expect(r.response.status, JSON.stringify(r.error)).toBe(201);
	return r.data!;
}

/** A round action by name, through the typed client. */
function act(cookie: string, id: string, action: 'launch' | 'close' | 'remind') {
	const api = as(cookie);
	if (action === 'launch') return api.POST('/rounds/{id}/launch', byId(id));
	if (action === 'close') return api.POST('/rounds/{id}/close', byId(id));
	return api.POST('/rounds/{id}/remind', byId(id));
}

/** Submits the survey as the person the invitation email went to (the participant's own path). */
async function answerAs(email: string) {
	const mail = await waitForEmail(email);
	const token = /\/s\/([a-z2-7]{58})/.exec(mail.text)![1];
	const inv = await resolveSurveyToken({ token, ip: null });
	if (inv.state !== 'open') throw new Error(`invitation is ${inv.state}`);
	await submitSurvey({ survey: inv.survey });
}

const endpoints = (id: string) =>
	[
		['GET', '/api/v1/rounds', undefined],
		['POST', '/api/v1/rounds', { name: 'X' }],
		['GET', `/api/v1/rounds/${id}`, undefined],
		['POST', `/api/v1/rounds/${id}/launch`, undefined],
		['POST', `/api/v1/rounds/${id}/close`, undefined],
		['POST', `/api/v1/rounds/${id}/extend`, { endsAt: iso(30 * DAY) }],
		['POST', `/api/v1/rounds/${id}/remind`, undefined],
		['GET', `/api/v1/rounds/${id}/response-rates`, undefined]
	] as const;

describe('/api/v1/rounds: access', () => {
	it('answers 401 without a session or token', async () => {
		for (const [method, path, json] of endpoints(randomUUID())) {
			const r = await call(method, path, { json });
			expect(r.status, `${method} ${path}`).toBe(401);
			expect(r.data.error.code).toBe('unauthenticated');
		}
	});

	it('answers 403 to a viewer, and changes nothing', async () => {
		const { org, cookie } = await orgWithTree({ north: 5 });
		const round = await createRound(cookie, { launch: false });
		const viewer = await sessionCookie(await createTestActor(org.id, 'viewer'));
		for (const [method, path, json] of endpoints(round.id)) {
			const r = await call(method, path, { cookie: viewer, json });
			expect(r.status, `${method} ${path}`).toBe(403);
			expect(r.data.error.code).toBe('forbidden');
		}
		const after = await as(cookie).GET('/rounds/{id}', byId(round.id));
		expect(after.data!.status).toBe('draft');
		expect((await as(cookie).GET('/rounds')).data!.rounds).toHaveLength(1);
	});

	it('answers 404 for another organization’s rounds and for malformed ids, and changes nothing', async () => {
		const a = await orgWithTree({ north: 5 });
		const b = await orgWithTree({ north: 5 });
		const theirs = await createRound(a.cookie, { launch: false });
		for (const id of [theirs.id, randomUUID(), 'not-a-uuid', '1%27%20OR%201%3D1', '00000000-0000-0000-0000-00000000000g']) {
			for (const [method, path, json] of endpoints(id).slice(2)) {
				const r = await call(method, path, { cookie: b.cookie, json });
				expect(r.status, `${method} ${path}`).toBe(404);
				expect(r.data.error.code).toBe('not_found');
			}
		}
		expect((await as(b.cookie).GET('/rounds')).data!.rounds).toEqual([]);
		expect((await as(a.cookie).GET('/rounds/{id}', byId(theirs.id))).data!.status).toBe('draft');
	});

	it('works with an API token (no cookie, no Origin) and refuses a cross-site cookie write', async () => {
		const o = await orgWithTree({ north: 5 });
		const token = await createApiToken({ organizationId: o.org.id, actor: o.admin, input: { name: 'HR' } });
		const body = JSON.stringify({ name: 'Via token', launch: false });
		const created = await raw('POST', '/api/v1/rounds', { headers: { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' }, body });
		expect(created.status).toBe(201);
		const id = JSON.parse(created.text).id;
		const launched = await raw('POST', `/api/v1/rounds/${id}/launch`, { headers: { authorization: `Bearer ${token.secret}` } });
		expect(launched.status).toBe(200);
		expect(JSON.parse(launched.text).status).toBe('open');
		const csrf = await call('POST', `/api/v1/rounds/${id}/close`, { cookie: o.cookie, headers: { origin: 'https://evil.example' } });
		expect(csrf.status).toBe(403);
		expect((await as(o.cookie).GET('/rounds/{id}', byId(id))).data!.status).toBe('open');
	});
});

describe('POST /api/v1/rounds: validation', () => {
	it('refuses bad input with 400 and says which field', async () => {
		const { cookie, units } = await orgWithTree({ north: 5 });
		const other = await orgWithTree({ north: 5 });
		const otherQuestion = await as(other.cookie).POST('/questions', { body: { type: 'text', en: { text: 'Theirs?' } } });
		expect(otherQuestion.response.status).toBe(201);
		const cases: [string, Record<string, unknown>, string][] = [
			['no name', { name: '' }, 'name'],
			['name with a line break', { name: 'A\nB' }, 'name'],
			['a date that is not ISO', { startsAt: '12' }, 'startsAt'],
			['a date without time zone', { endsAt: '2030-05-04T09:00:00' }, 'endsAt'],
			['a date without a time', { endsAt: '2030-05-04' }, 'endsAt'],
			['null as a date', { startsAt: null }, 'startsAt'],
			['a number as a date', { endsAt: 1893456000000 }, 'endsAt'],
			['an impossible date', { endsAt: '2030-02-30T09:00:00Z' }, 'endsAt'],
			['a bad reminder date', { reminders: ['soon'] }, 'reminders.0'],
			['k below 3', { minGroupSize: 2 }, 'minGroupSize'],
			['k above 10', { minGroupSize: 11 }, 'minGroupSize'],
			['k as a fraction', { minGroupSize: 4.5 }, 'minGroupSize'],
			['k as a string', { minGroupSize: '5' }, 'minGroupSize'],
			['an unknown field', { colour: 'red' }, '(body)'],
			['an unknown participant field', { participants: { mode: 'all', extra: 1 } }, 'participants'],
			['an unknown participant mode', { participants: { mode: 'some' } }, 'participants.mode'],
			['units without any', { participants: { mode: 'units', unitIds: [] } }, 'participants.unitIds'],
			['a malformed unit id', { participants: { mode: 'units', unitIds: ['x'] } }, 'participants.unitIds.0'],
			['another organization’s unit', { participants: { mode: 'units', unitIds: [units.north, other.units.north] } }, 'participants.unitIds.1'],
			['an unknown person', { participants: { mode: 'users', userIds: [randomUUID()] } }, 'participants.userIds.0'],
			['an unknown standard question', { questions: [{ source: 'standard', key: 'no_such_question' }] }, 'questions'],
			['a malformed question key', { questions: [{ source: 'standard', key: 'Bad Key' }] }, 'questions.0.key'],
			['another organization’s question', { questions: [{ source: 'organization', id: otherQuestion.data!.id }] }, 'questions'],
			[
				'the same question twice',
				{
					questions: [
						{ source: 'standard', key: 'price_pressure' },
						{ source: 'standard', key: 'price_pressure' }
					]
				},
				'questions'
			],
			['an end before the start', { startsAt: iso(10 * DAY), endsAt: iso(5 * DAY) }, 'endsAt'],
			['an end equal to the start', { startsAt: iso(10 * DAY), endsAt: iso(10 * DAY) }, 'endsAt'],
			['publishing before the end', { endsAt: iso(10 * DAY), publishAt: iso(9 * DAY) }, 'publishAt'],
			['a reminder after the end', { endsAt: iso(10 * DAY), reminders: [iso(11 * DAY)] }, 'reminders'],
			['too many reminders', { reminders: Array.from({ length: 11 }, (_, i) => iso((i + 1) * 3_600_000)) }, 'reminders'],
			['launching a round that has ended', { startsAt: iso(-20 * DAY), endsAt: iso(-DAY), reminders: [] }, 'endsAt'],
			['an unknown model', { model: { id: 'nope', version: '9.9' } }, 'model'],
			['launch as a string', { launch: 'yes' }, 'launch']
		];
		for (const [what, json, path] of cases) {
			const r = await call('POST', '/api/v1/rounds', { cookie, json: { name: 'Spring', ...json } });
			expect(r.status, what).toBe(400);
			expect(r.data.error.code, what).toBe('validation_failed');
			expect(
				r.data.error.details.map((d: { path: string }) => d.path),
				what
			).toContain(path);
		}
		expect((await as(cookie).GET('/rounds')).data!.rounds).toEqual([]);
	});

	it('refuses to launch a round nobody would be invited to, but keeps it as a draft', async () => {
		const { cookie, units } = await orgWithTree({ north: 5 });
		const r = await as(cookie).POST('/rounds', { body: { name: 'Empty', participants: { mode: 'units', unitIds: [units.solo] } } });
		expect(r.response.status).toBe(400);
		expect(r.error!.error.details![0].path).toBe('participants');
		const draft = await createRound(cookie, { participants: { mode: 'units', unitIds: [units.solo] }, launch: false });
		const launch = await act(cookie, draft.id, 'launch');
		expect(launch.response.status).toBe(409);
		expect(launch.error!.error.code).toBe('nobody_to_invite');
	});

	it('refuses what is not JSON', async () => {
		const { cookie } = await orgWithTree();
		const notJson = await call('POST', '/api/v1/rounds', { cookie, body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(notJson.status).toBe(400);
		const broken = await call('POST', '/api/v1/rounds', { cookie, body: '{"name":', headers: { 'content-type': 'application/json' } });
		expect(broken.status).toBe(400);
		const array = await call('POST', '/api/v1/rounds', { cookie, json: [] });
		expect(array.status).toBe(400);
	});
});

describe('/api/v1/rounds: life cycle', () => {
	it('creates a round that opens at once, invites by email, and reads back the same', async () => {
		const { org, cookie, units, people } = await orgWithTree({ north: 4, south: 3, solo: 2 });
		const round = await createRound(cookie, {
			name: 'Autumn 2026',
			participants: { mode: 'units', unitIds: [units.area] },
			questions: [
				{ source: 'standard', key: 'demand_outlook' },
				{ source: 'standard', key: 'biggest_obstacle' }
			],
			minGroupSize: 3
		});
		expect(round).toMatchObject({
			name: 'Autumn 2026',
			status: 'open',
			model: { id: 'sos', version: expect.any(String) },
			minGroupSize: 3,
			participants: { mode: 'units', unitIds: [units.area] },
			invited: 7,
			completed: 0,
			responseRate: 0,
			actions: ['close', 'extend', 'remind'],
			remindersSent: 0
		});
		expect(round.questions.map((q: { key: string }) => q.key)).toEqual(['std_demand_outlook', 'std_biggest_obstacle']);
		expect(round.questions[1].en.options!.length).toBeGreaterThan(2);
		// Defaults: open two weeks, published at the end, three reminders in between.
		expect(Date.parse(round.endsAt) - Date.parse(round.startsAt)).toBe(14 * DAY);
		expect(round.publishAt).toBe(round.endsAt);
		// … on whole days at the start's time of day, not in the middle of the night.
		expect(round.reminders.map((r: string) => (Date.parse(r) - Date.parse(round.startsAt)) / DAY)).toEqual([4, 7, 11]);
		// The invitations go out at once (the scheduler is kicked), only to the chosen units.
		const mail = await waitForEmail(people.south[2]);
		expect(mail.text).toMatch(/\/s\/[a-z2-7]{58}/);
		expect(await emailsTo(people.solo[0])).toEqual([]);
		const got = await as(cookie).GET('/rounds/{id}', byId(round.id));
		const { warnings, ...saved } = round;
		expect(warnings).toEqual([]);
		expect({ status: got.response.status, data: got.data }).toMatchObject({ status: 200, data: { ...saved, completed: 0 } });
		const list = await as(cookie).GET('/rounds');
		expect(list.data!.rounds.map((r: { id: string }) => r.id)).toEqual([round.id]);
		const audit = await auditActions(org.id);
		expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['round_created', 'round_launched']));
	});

	it('saves a draft, launches it once (409 the second time); launched late, it sends no reminder on the heels of the invitation', async () => {
		const { cookie, people } = await orgWithTree({ north: 5 });
		// Launched after its start and its first reminder: the invitation stands in for that reminder.
		const draft = await createRound(cookie, { launch: false, startsAt: iso(-2 * DAY), endsAt: iso(7 * DAY), reminders: [iso(-DAY), iso(3 * DAY)] });
		expect(draft).toMatchObject({ status: 'draft', invited: 0, completed: null, actions: ['launch'] });
		for (const action of ['close', 'remind'] as const) {
			const r = await act(cookie, draft.id, action);
			expect(r.response.status, action).toBe(409);
			expect(r.error!.error.code).toBe('round_state');
		}
		expect((await as(cookie).POST('/rounds/{id}/extend', { ...byId(draft.id), body: { endsAt: iso(20 * DAY) } })).response.status).toBe(409);
		const launched = await act(cookie, draft.id, 'launch');
		expect(launched.response.status).toBe(200);
		expect(launched.data!).toMatchObject({ status: 'open', invited: 5, completed: 0, remindersSent: 1 });
		for (const p of people.north) expect((await waitForEmail(p)).subject).not.toMatch(/Reminder/);
		const again = await act(cookie, draft.id, 'launch');
		expect(again.response.status).toBe(409);
		expect(again.error!.error.code).toBe('round_state');
		await afterNextTick();
		for (const p of people.north) expect(await emailsTo(p), p).toHaveLength(1);
	});

	it('warns, without refusing, when a launch shares people with a round still open at its start', async () => {
		const { cookie, units } = await orgWithTree({ north: 5, south: 5 });
		const north = await createRound(cookie, { name: 'North pulse', participants: { mode: 'units', unitIds: [units.north] } });
		expect(north.warnings).toEqual([]);
		// Other people, a start after the open rounds have ended, or a draft: nothing to warn about.
		expect((await createRound(cookie, { name: 'South pulse', participants: { mode: 'units', unitIds: [units.south] } })).warnings).toEqual([]);
		expect((await createRound(cookie, { name: 'Later', startsAt: iso(20 * DAY), endsAt: iso(30 * DAY) })).warnings).toEqual([]);
		const draft = await createRound(cookie, { name: 'Draft', launch: false });
		expect(draft.warnings).toEqual([]);

		const all = await createRound(cookie, { name: 'Everyone', participants: { mode: 'all' } });
		expect(all.status).toBe('open');
		expect(all.warnings).toEqual([
			{
				code: 'overlaps_open_round',
				message: expect.stringMatching(/“North pulse” \(open until [^)]+\): 5 people would be in both rounds\./),
				roundId: north.id,
				roundName: 'North pulse',
				endsAt: north.endsAt,
				people: 5
			},
			expect.objectContaining({ code: 'overlaps_open_round', roundName: 'South pulse', people: 5 })
		]);
		// Launching the draft warns the same way, and never about itself; reading a round carries no warnings.
		const launched = await as(cookie).POST('/rounds/{id}/launch', byId(draft.id));
		expect(launched.response.status).toBe(200);
		expect(launched.data!.status).toBe('open');
		expect(launched.data!.warnings.map((w) => [w.roundName, w.people])).toEqual([
			['North pulse', 5],
			['South pulse', 5],
			['Everyone', 10]
		]);
		expect((await as(cookie).GET('/rounds/{id}', byId(draft.id))).data).not.toHaveProperty('warnings');
	});

	it('a round that starts later is scheduled: it can be extended but not reminded or closed yet', async () => {
		const { cookie } = await orgWithTree({ north: 5 });
		const round = await createRound(cookie, { startsAt: iso(2 * DAY), endsAt: iso(9 * DAY) });
		expect(round).toMatchObject({ status: 'scheduled', invited: 0, actions: ['extend'] });
		expect((await act(cookie, round.id, 'remind')).response.status).toBe(409);
		expect((await act(cookie, round.id, 'close')).response.status).toBe(409);
		const extended = await as(cookie).POST('/rounds/{id}/extend', { ...byId(round.id), body: { endsAt: iso(12 * DAY) } });
		expect(extended.response.status).toBe(200);
		expect(Date.parse(extended.data!.endsAt)).toBeGreaterThan(Date.parse(round.endsAt));
		// Publishing was at the end, so it moves with it.
		expect(extended.data!.publishAt).toBe(extended.data!.endsAt);
	});

	it('extends an open round: bad dates are 400, an earlier end is 409', async () => {
		const { cookie } = await orgWithTree({ north: 5 });
		const round = await createRound(cookie, {});
		for (const json of [
			{},
			{ endsAt: 'tomorrow' },
			{ endsAt: '2030-01-01' },
			{ endsAt: iso(30 * DAY), extra: true },
			{ endsAt: iso(30 * DAY), publishAt: 'x' }
		]) {
			const r = await call('POST', `/api/v1/rounds/${round.id}/extend`, { cookie, json });
			expect(r.status, JSON.stringify(json)).toBe(400);
		}
		const earlier = await as(cookie).POST('/rounds/{id}/extend', { ...byId(round.id), body: { endsAt: iso(3 * DAY) } });
		expect(earlier.response.status).toBe(409);
		expect(earlier.error!.error.code).toBe('round_dates');
		const publishFirst = await as(cookie).POST('/rounds/{id}/extend', { ...byId(round.id), body: { endsAt: iso(30 * DAY), publishAt: iso(20 * DAY) } });
		expect(publishFirst.response.status).toBe(409);
		const ok = await as(cookie).POST('/rounds/{id}/extend', { ...byId(round.id), body: { endsAt: iso(30 * DAY) } });
		expect(ok.response.status).toBe(200);
		expect(Date.parse(ok.data!.endsAt)).toBeCloseTo(Date.now() + 30 * DAY, -4);
	});

	it('reminds only those who have not answered, and not twice within an hour', async () => {
		const { org, cookie, people } = await orgWithTree({ north: 5 });
		const round = await createRound(cookie, {});
		for (const p of people.north) await waitForEmail(p);
		await answerAs(people.north[1]);
		const r = await act(cookie, round.id, 'remind');
		expect(r.response.status).toBe(200);
		expect(r.data!).toMatchObject({ status: 'open', invited: 5, completed: 1, remindersSent: 1 });
		expect(r.data!.reminders).toHaveLength(4);
		for (const p of people.north.filter((p) => p !== people.north[1])) expect((await waitForEmail(p, 2)).subject).toMatch(/Reminder/);
		await afterNextTick();
		expect(await emailsTo(people.north[1])).toHaveLength(1);
		const again = await act(cookie, round.id, 'remind');
		expect(again.response.status).toBe(409);
		expect(again.error!.error.code).toBe('reminder_recent');
		expect((await auditActions(org.id)).filter((e) => e.action === 'reminder_sent')).toHaveLength(1);
	});

	it('takes one of several simultaneous clicks: one reminder, one close, one launch', async () => {
		const { org, cookie, people } = await orgWithTree({ north: 5 });
		const draft = await createRound(cookie, { launch: false });
		const launches = await Promise.all(Array.from({ length: 4 }, () => act(cookie, draft.id, 'launch')));
		expect(launches.map((r) => r.response.status).sort()).toEqual([200, 409, 409, 409]);
		for (const p of people.north) await waitForEmail(p);
		const reminds = await Promise.all(Array.from({ length: 5 }, () => act(cookie, draft.id, 'remind')));
		expect(reminds.map((r) => r.response.status).sort()).toEqual([200, 409, 409, 409, 409]);
		const closes = await Promise.all(Array.from({ length: 3 }, () => act(cookie, draft.id, 'close')));
		expect(closes.map((r) => r.response.status).sort()).toEqual([200, 409, 409]);
		const audit = (await auditActions(org.id)).map((e) => e.action);
		expect(audit.filter((a) => a === 'reminder_sent')).toHaveLength(1);
		expect(audit.filter((a) => a === 'round_closed')).toHaveLength(1);
		await afterNextTick();
		// The invitation and at most one reminder; closing published the results too, which everyone hears of once.
		for (const p of people.north) {
			const mails = await emailsTo(p);
			const published = mails.filter((m) => m.subject.endsWith('the results are published'));
			expect(mails.length - published.length, p).toBeLessThanOrEqual(2);
			expect(published.length, p).toBeLessThanOrEqual(1);
		}
	});

	it('closes early once; afterwards nothing is allowed', async () => {
		const { org, cookie } = await orgWithTree({ north: 5 });
		const round = await createRound(cookie, {});
		const closed = await act(cookie, round.id, 'close');
		expect(closed.response.status).toBe(200);
		// Publishing was at the end, so the results are published now.
		expect(['closed', 'published']).toContain(closed.data!.status);
		expect(closed.data!.actions).toEqual([]);
		expect(Date.parse(closed.data!.endsAt)).toBeLessThanOrEqual(Date.now());
		for (const action of ['close', 'remind', 'launch'] as const) expect((await act(cookie, round.id, action)).response.status, action).toBe(409);
		const extend = await as(cookie).POST('/rounds/{id}/extend', { ...byId(round.id), body: { endsAt: iso(30 * DAY) } });
		expect(extend.response.status, 'extend').toBe(409);
		expect((await auditActions(org.id)).filter((e) => e.action === 'round_closed')).toHaveLength(1);
	});
});

describe('GET /api/v1/rounds/{id}/response-rates', () => {
	it('shows units with at least k invited; hides smaller ones and any that would give them away', async () => {
		// k = 5. North 6, South 5 → Area 11; Solo 2. Total 13.
		const { cookie, units, people } = await orgWithTree({ north: 6, south: 5, solo: 2 });
		const round = await createRound(cookie, { minGroupSize: 5 });
		await answerAs(people.north[0]);
		await answerAs(people.solo[0]);
		const r = await as(cookie).GET('/rounds/{id}/response-rates', byId(round.id));
		expect(r.response.status).toBe(200);
		expect(r.data!.minGroupSize).toBe(5);
		const unitById = Object.fromEntries(r.data!.units.map((u) => [u.unitId, u]));
		expect(r.data!.units.map((u: { name: string; depth: number }) => `${u.depth}:${u.name}`)).toEqual(['0:Area', '1:North', '1:South', '0:Solo']);
		expect(unitById[units.north]).toMatchObject({ invited: 6, completed: 1, hidden: false, hiddenReason: null });
		expect(unitById[units.solo]).toEqual({
			unitId: units.solo,
			name: 'Solo',
			depth: 0,
			invited: null,
			completed: null,
			rate: null,
			hidden: true,
			hiddenReason: 'fewer_than_k'
		});
		// Total 13 − Area 11 would leave Solo's 2 people (and that one of them answered): Area is hidden too,
		// and so is South, since total − North − South would leave them just the same.
		expect(unitById[units.area]).toMatchObject({ invited: null, completed: null, rate: null, hidden: true, hiddenReason: 'protects_smaller_group' });
		expect(unitById[units.south]).toMatchObject({ invited: null, completed: null, rate: null, hidden: true, hiddenReason: 'protects_smaller_group' });
		expect(r.data!.total).toEqual({ invited: 13, completed: 2, rate: 2 / 13, hidden: false });
		assertNoSmallGroupVisible(r.data!);
	});

	it('hides everything, also the total, while fewer than k are invited', async () => {
		const { cookie } = await orgWithTree({ north: 4 });
		const round = await createRound(cookie, { minGroupSize: 5 });
		const r = await as(cookie).GET('/rounds/{id}/response-rates', byId(round.id));
		expect(r.data!.total).toEqual({ invited: 4, completed: null, rate: null, hidden: true });
		expect(r.data!.units.every((u: { hidden: boolean; invited: unknown }) => u.hidden && u.invited === null)).toBe(true);
		// Units nobody in the round belongs to are not listed at all.
		expect(r.data!.units.map((u: { name: string }) => u.name)).toEqual(['Area', 'North']);
		const got = await as(cookie).GET('/rounds/{id}', byId(round.id));
		expect(got.data!).toMatchObject({ invited: 4, completed: null, responseRate: null });
		const list = await as(cookie).GET('/rounds');
		expect(list.data!.rounds[0]).toMatchObject({ completed: null, responseRate: null });
	});

	it('across random trees, no visible number rests on fewer than k, and no difference isolates 1…k−1 people', async () => {
		for (let run = 0; run < 6; run++) {
			const sizes = { north: rand(0, 7), south: rand(0, 7), solo: rand(1, 7) };
			const k = rand(3, 6);
			const { cookie } = await orgWithTree(sizes);
			const round = await createRound(cookie, { minGroupSize: k });
			const r = await as(cookie).GET('/rounds/{id}/response-rates', byId(round.id));
			expect(r.response.status).toBe(200);
			assertNoSmallGroupVisible(r.data!);
		}
	});
});

function rand(min: number, max: number) {
	return min + Math.floor(Math.random() * (max - min + 1));
}

interface Rates {
	minGroupSize: number;
	total: { invited: number; completed: number | null; hidden: boolean };
	units: { unitId: string; depth: number; invited: number | null; completed: number | null; hidden: boolean }[];
}

/** Every shown figure covers ≥ k invited; a shown node minus the shown nodes just below it leaves 0 or ≥ k. */
function assertNoSmallGroupVisible(r: Rates) {
	const k = r.minGroupSize;
	for (const u of r.units) {
		if (u.hidden) expect(u.invited === null && u.completed === null).toBe(true);
		else expect(u.invited!).toBeGreaterThanOrEqual(k);
	}
	if (r.total.hidden) expect(r.total.completed).toBeNull();
	const parent = r.units.map((u, i) => {
		for (let j = i - 1; j >= 0; j--) if (r.units[j].depth === u.depth - 1) return j;
		return -1;
	});
	const nodes = [{ i: -1, invited: r.total.hidden ? null : r.total.invited }, ...r.units.map((u, i) => ({ i, invited: u.invited }))];
	for (const n of nodes) {
		if (n.invited === null) continue;
		// The shown nodes directly below n, looking through hidden ones.
		const below = r.units.filter((u, i) => {
			if (u.hidden) return false;
			for (let p = parent[i]; ; p = parent[p]) {
				if (p === n.i) return true;
				if (p === -1 || !r.units[p].hidden) return false;
			}
		});
		const rest = n.invited - below.reduce((s, u) => s + u.invited!, 0);
		expect(rest === 0 || rest >= k, `remainder ${rest} under node ${n.i}`).toBe(true);
	}
}

/** A browser's form post without JavaScript, with repeated fields (checkboxes, reminders). */
function postFields(path: string, fields: [string, string][], cookie?: string) {
	const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: baseUrl() };
	if (cookie) headers.cookie = cookie;
	return raw('POST', path, { headers, body: new URLSearchParams(fields).toString() });
}

describe('/app/rounds pages and forms (without JavaScript)', () => {
	it('send a visitor to sign in, refuse a viewer, and answer 404 for another organization’s round', async () => {
		const a = await orgWithTree({ north: 5 });
		const round = await createRound(a.cookie, { launch: false });
		for (const path of ['/app/rounds', '/app/rounds/new', `/app/rounds/${round.id}`, '/app/questions']) {
			const anon = await getPage(path);
			expect(anon.status, path).toBe(303);
			expect(anon.location).toMatch(/^\/signin\?next=/);
			expect((await getPage(path, { cookie: a.cookie })).status, path).toBe(200);
		}
		const viewer = await sessionCookie(await createTestActor(a.org.id, 'viewer'));
		for (const path of ['/app/rounds', '/app/rounds/new', `/app/rounds/${round.id}`]) expect((await getPage(path, { cookie: viewer })).status, path).toBe(403);
		expect((await postFields('/app/rounds/new', [['name', 'X']], viewer)).status).toBe(403);
		expect((await postFields(`/app/rounds/${round.id}?/launch`, [], viewer)).status).toBe(403);
		expect((await postFields('/app/rounds/new', [['name', 'X']])).status).toBe(303);

		const b = await orgWithTree({ north: 5 });
		for (const id of [round.id, randomUUID(), 'nope']) expect((await getPage(`/app/rounds/${id}`, { cookie: b.cookie })).status).toBe(404);
		for (const action of ['launch', 'close', 'remind']) expect((await postFields(`/app/rounds/${round.id}?/${action}`, [], b.cookie)).status, action).toBe(404);
		expect(
			(
				await postFields(
					`/app/rounds/${round.id}?/extend`,
					[
						['endsAt', '2031-01-01T10:00'],
						['timeZone', 'UTC']
					],
					b.cookie
				)
			).status
		).toBe(404);
		expect((await as(a.cookie).GET('/rounds/{id}', byId(round.id))).data!.status).toBe('draft');
	});

	it('warns before launching over an open round for the same people, and launches when the admin goes on', async () => {
		const { cookie, units } = await orgWithTree({ north: 5, south: 5 });
		const form = (name: string, intent: string, more: [string, string][] = []) =>
			postFields('/app/rounds/new', [['name', name], ['timeZone', 'UTC'], ['minGroupSize', '5'], ['intent', intent], ...more], cookie);
		expect(
			(
				await form('North pulse', 'launch', [
					['mode', 'units'],
					['unitIds', units.north]
				])
			).status
		).toBe(303);
		// Other people: no warning.
		expect(
			(
				await form('South pulse', 'launch', [
					['mode', 'units'],
					['unitIds', units.south]
				])
			).status
		).toBe(303);

		const warned = await form('Everyone', 'launch', [['mode', 'all']]);
		expect(warned.status).toBe(409);
		expect(warned.text).toContain('Some of these people are in an open round already');
		expect(warned.text).toMatch(/“North pulse” \(open until [^)]+\): 5 people would be in both rounds\./);
		expect(warned.text).toMatch(/“South pulse” \(open until [^)]+\): 5 people would be in both rounds\./);
		expect(warned.text).toContain('value="launch-anyway"');
		expect(warned.text).toContain('value="Everyone"'); // the form keeps what was entered
		expect((await as(cookie).GET('/rounds')).data!.rounds.map((r) => r.name)).not.toContain('Everyone');

		const went = await form('Everyone', 'launch-anyway', [['mode', 'all']]);
		expect(went.status).toBe(303);
		expect((await as(cookie).GET('/rounds')).data!.rounds.find((r) => r.name === 'Everyone')?.status).toBe('open');
		// A draft launches nothing: no warning.
		expect((await form('Everyone again', 'draft', [['mode', 'all']])).status).toBe(303);
	});

	it('launching a draft from its page over an open round for the same people warns first, and launches when the admin goes on', async () => {
		const { cookie, units } = await orgWithTree({ north: 5, south: 5 });
		await createRound(cookie, { name: 'North pulse', participants: { mode: 'units', unitIds: [units.north] } });
		const draft = await createRound(cookie, { name: 'Everyone', launch: false });
		const page = await getPage(`/app/rounds/${draft.id}`, { cookie });
		expect(page.text).not.toContain('Some of these people are in an open round already');

		const warned = await postFields(`/app/rounds/${draft.id}?/launch`, [['intent', 'launch']], cookie);
		expect(warned.status).toBe(409);
		expect(warned.text).toContain('Some of these people are in an open round already');
		expect(warned.text).toMatch(/“North pulse” \(open until [^)]+\): 5 people would be in both rounds\./);
		expect(warned.text).toContain('value="launch-anyway"');
		expect((await as(cookie).GET('/rounds/{id}', byId(draft.id))).data!.status).toBe('draft');

		expect((await postFields(`/app/rounds/${draft.id}?/launch`, [['intent', 'launch-anyway']], cookie)).status).toBe(200);
		expect((await as(cookie).GET('/rounds/{id}', byId(draft.id))).data!.status).toBe('open');
	});

	it('creates a round from the form, reading the dates as wall-clock times in the admin’s time zone', async () => {
		const { cookie, units } = await orgWithTree({ north: 5, south: 5 });
		const res = await postFields(
			'/app/rounds/new',
			[
				['name', 'Form round'],
				['mode', 'units'],
				['unitIds', units.north],
				['questions', 'standard:price_pressure'],
				['questions', 'standard:one_change'],
				['startsAt', ''],
				['endsAt', '2030-06-01T09:00'],
				['publishAt', '2030-06-02T12:00'],
				['reminders', '2030-01-15T08:30'],
				['reminders', ''],
				['minGroupSize', '4'],
				['timeZone', 'Europe/Stockholm'],
				['intent', 'launch']
			],
			cookie
		);
		expect(res.status).toBe(303);
		const id = /^\/app\/rounds\/([0-9a-f-]{36})\?done=launched$/.exec(res.location ?? '')![1];
		const round = (await as(cookie).GET('/rounds/{id}', byId(id))).data!;
		expect(round).toMatchObject({
			name: 'Form round',
			status: 'open',
			invited: 5,
			minGroupSize: 4,
			participants: { mode: 'units', unitIds: [units.north] },
			endsAt: '2030-06-01T07:00:00.000Z',
			publishAt: '2030-06-02T10:00:00.000Z',
			reminders: ['2030-01-15T07:30:00.000Z']
		});
		expect(round.questions.map((q: { key: string }) => q.key)).toEqual(['std_price_pressure', 'std_one_change']);
		const page = await getPage(`/app/rounds/${id}`, { cookie });
		expect(page.status).toBe(200);
		expect(page.text).toContain('Form round');

		const draft = await postFields(
			'/app/rounds/new',
			[
				['name', 'Later'],
				['mode', 'all'],
				['minGroupSize', '5'],
				['timeZone', 'UTC'],
				['intent', 'draft']
			],
			cookie
		);
		expect(draft.status).toBe(303);
		expect(draft.location).toMatch(/\?done=saved$/);
	});

	it('shows problems beside the fields and keeps what was typed', async () => {
		const { cookie } = await orgWithTree({ north: 5 });
		const res = await postFields(
			'/app/rounds/new',
			[
				['name', 'Kept <b>name</b>'],
				['mode', 'all'],
				['startsAt', '2030-06-10T09:00'],
				['endsAt', '2030-06-01T09:00'],
				['publishAt', 'garbage'],
				['minGroupSize', '11'],
				['timeZone', 'Mars/Olympus'],
				['intent', 'launch']
			],
			cookie
		);
		expect(res.status).toBe(400);
		expect(res.text).toContain('Not a valid date and time');
		expect(res.text).toContain('Please correct the highlighted fields.');
		expect(res.text).toContain('value="Kept &lt;b>name&lt;/b>"');
		expect(res.text).toContain('aria-invalid="true"');
		const k = await postFields(
			'/app/rounds/new',
			[
				['name', 'K'],
				['mode', 'all'],
				['minGroupSize', '11'],
				['timeZone', 'UTC'],
				['intent', 'launch']
			],
			cookie
		);
		expect(k.status).toBe(400);
		expect(k.text).toContain('At most 10');
		const dates = await postFields(
			'/app/rounds/new',
			[
				['name', 'D'],
				['mode', 'all'],
				['startsAt', '2030-06-10T09:00'],
				['endsAt', '2030-06-01T09:00'],
				['minGroupSize', '5'],
				['timeZone', 'UTC'],
				['intent', 'launch']
			],
			cookie
		);
		expect(dates.status).toBe(400);
		expect(dates.text).toContain('The end must be after the start.');
		const units = await postFields(
			'/app/rounds/new',
			[
				['name', 'U'],
				['mode', 'units'],
				['minGroupSize', '5'],
				['timeZone', 'UTC'],
				['intent', 'launch']
			],
			cookie
		);
		expect(units.status).toBe(400);
		expect(units.text).toContain('Pick at least one unit');
		expect((await as(cookie).GET('/rounds')).data!.rounds).toEqual([]);
	});

	it('runs the round’s actions from its page: launch, remind, extend, close', async () => {
		const { cookie } = await orgWithTree({ north: 5 });
		const round = await createRound(cookie, { launch: false });
		expect((await postFields(`/app/rounds/${round.id}?/remind`, [], cookie)).status).toBe(409);
		expect((await postFields(`/app/rounds/${round.id}?/launch`, [], cookie)).status).toBe(200);
		expect((await postFields(`/app/rounds/${round.id}?/remind`, [], cookie)).status).toBe(200);
		const bad = await postFields(
			`/app/rounds/${round.id}?/extend`,
			[
				['endsAt', 'soon'],
				['timeZone', 'UTC']
			],
			cookie
		);
		expect(bad.status).toBe(400);
		expect(bad.text).toContain('Not a valid date and time');
		expect(
			(
				await postFields(
					`/app/rounds/${round.id}?/extend`,
					[
						['endsAt', '2031-03-01T12:00'],
						['timeZone', 'Europe/Stockholm']
					],
					cookie
				)
			).status
		).toBe(200);
		expect((await as(cookie).GET('/rounds/{id}', byId(round.id))).data!.endsAt).toBe('2031-03-01T11:00:00.000Z');
		expect((await postFields(`/app/rounds/${round.id}?/close`, [], cookie)).status).toBe(200);
		expect(['closed', 'published']).toContain((await as(cookie).GET('/rounds/{id}', byId(round.id))).data!.status);
		expect((await postFields(`/app/rounds/${round.id}?/close`, [], cookie)).status).toBe(409);
	});
});

describe('the OpenAPI document', () => {
	it('describes the rounds endpoints, their request schemas and the shapes they return', async () => {
		const doc = (await call('GET', '/api/v1/openapi.json')).data;
		for (const path of [
			'/rounds',
			'/rounds/{id}',
			'/rounds/{id}/launch',
			'/rounds/{id}/close',
			'/rounds/{id}/extend',
			'/rounds/{id}/remind',
			'/rounds/{id}/response-rates'
		])
			expect(Object.keys(doc.paths), path).toContain(path);
		const s = doc.components.schemas;
		expect(s.RoundInput.additionalProperties).toBe(false);
		expect(s.RoundInput.required).toEqual(['name']);
		expect(s.RoundInput.properties.minGroupSize).toMatchObject({ type: 'integer', minimum: 3, maximum: 10, default: 5 });
		expect(s.RoundInput.properties.startsAt).toMatchObject({ type: 'string', format: 'date-time' });
		expect(s.RoundExtend.required).toEqual(['endsAt']);
		const { cookie } = await orgWithTree({ north: 5 });
		const round = await createRound(cookie, {});
		// Creating answers the round and what the caller should know (warnings); reading it, the round alone.
		expect(Object.keys(round).sort()).toEqual(Object.keys(s.RoundWithWarnings.properties).sort());
		expect(Object.keys(s.RoundWithWarnings.properties).sort()).toEqual([...Object.keys(s.Round.properties), 'warnings'].sort());
		expect(Object.keys((await as(cookie).GET('/rounds/{id}', byId(round.id))).data!).sort()).toEqual(Object.keys(s.Round.properties).sort());
		const rates = (await as(cookie).GET('/rounds/{id}/response-rates', byId(round.id))).data!;
		expect(Object.keys(rates).sort()).toEqual(Object.keys(s.ResponseRates.properties).sort());
		expect(Object.keys(rates.units[0]).sort()).toEqual(Object.keys(s.ResponseRates.properties.units.items.properties).sort());
		expect(Object.keys(rates.total).sort()).toEqual(Object.keys(s.ResponseRates.properties.total.properties).sort());
		expect(doc.paths['/rounds/{id}/extend'].post.responses).toHaveProperty('409');
	});
});
