import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createTestActor, uniqueEmail } from '$tests/fixtures';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';
import { getPage, orgWithAdmin, raw } from './helpers';

const DAY = 86_400_000;

/** An organization with an admin and a team of five; rounds start tomorrow, so nothing moves them during the test. */
async function orgWithTeam() {
	const o = await orgWithAdmin();
	const team = await db().insertInto('units').values({ organization_id: o.org.id, name: 'Team' }).returning('id').executeTakeFirstOrThrow();
	await db()
		.insertInto('users')
		.values(
			Array.from({ length: 5 }, (_, i) => ({
				organization_id: o.org.id,
				name: `P ${i}`,
				email: uniqueEmail(`p${i}`),
				language: 'en' as const,
				unit_id: team.id,
				job_role: 'sales_person' as const,
				access: 'participant' as const
			}))
		)
		.execute();
	return o;
}

const as = (cookie?: string) => apiClient(baseUrl(), cookie === undefined ? undefined : { cookie });
const round = (id: string) => ({ params: { path: { id } } });

const tomorrow = () => new Date(Date.now() + DAY).toISOString();

function postFields(path: string, fields: [string, string][], cookie?: string) {
	const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: baseUrl() };
	if (cookie) headers.cookie = cookie;
	return raw('POST', path, { headers, body: new URLSearchParams(fields).toString() });
}

describe('repeatMonths in /api/v1/rounds', () => {
	it('is set on create, read back, changed with PATCH and cleared', async () => {
		const { cookie } = await orgWithTeam();
		const api = as(cookie);
		const created = await api.POST('/rounds', { body: { name: 'Quarterly', startsAt: tomorrow(), repeatMonths: 3 } });
		expect(created.response.status, JSON.stringify(created.error)).toBe(201);
		expect(created.data).toMatchObject({ status: 'scheduled', repeatMonths: 3, repeatsFrom: null, nextRoundId: null });
		const id = created.data!.id;
		expect((await as(cookie).GET('/rounds/{id}', round(id))).data!.repeatMonths).toBe(3);
		expect((await api.GET('/rounds')).data!.rounds[0].repeatMonths).toBe(3);
		const patched = await api.PATCH('/rounds/{id}', { ...round(id), body: { repeatMonths: 12 } });
		expect(patched.response.status).toBe(200);
		expect(patched.data!.repeatMonths).toBe(12);
		expect((await api.PATCH('/rounds/{id}', { ...round(id), body: { repeatMonths: null } })).data!.repeatMonths).toBeNull();
		expect((await as(cookie).GET('/rounds/{id}', round(id))).data!.repeatMonths).toBeNull();
		// Without the field a round does not repeat.
		expect((await api.POST('/rounds', { body: { name: 'Once', startsAt: tomorrow() } })).data!.repeatMonths).toBeNull();
	});

	// Values the OpenAPI types do not allow: raw calls.
	it('answers 400 naming the field for a value other than 3, 6, 12 or null, and for unknown fields', async () => {
		const { cookie } = await orgWithTeam();
		for (const repeatMonths of [4, '3', 0, 3.5, true]) {
			const r = await call('POST', '/api/v1/rounds', { cookie, json: { name: 'Bad', startsAt: tomorrow(), repeatMonths } });
			expect(r.status, String(repeatMonths)).toBe(400);
			expect(r.data.error.details[0].path).toBe('repeatMonths');
		}
		const good = (await as(cookie).POST('/rounds', { body: { name: 'Good', startsAt: tomorrow() } })).data!;
		const bad = await call('PATCH', `/api/v1/rounds/${good.id}`, { cookie, json: { repeatMonths: 4 } });
		expect(bad.status).toBe(400);
		expect(bad.data.error.message).toMatch(/^repeatMonths: /);
		expect((await call('PATCH', `/api/v1/rounds/${good.id}`, { cookie, json: { repeatMonths: 3, name: 'x' } })).status).toBe(400);
		expect((await call('PATCH', `/api/v1/rounds/${good.id}`, { cookie, json: {} })).status).toBe(400);
		expect((await as(cookie).GET('/rounds/{id}', round(good.id))).data!.repeatMonths).toBeNull();
	});

	it('refuses visitors (401), viewers (403) and other organizations (404)', async () => {
		const a = await orgWithTeam();
		const mine = (await as(a.cookie).POST('/rounds', { body: { name: 'Mine', startsAt: tomorrow() } })).data!;
		const repeat = (id: string) => ({ ...round(id), body: { repeatMonths: 3 as const } });
		expect((await as().PATCH('/rounds/{id}', repeat(mine.id))).response.status).toBe(401);
		const viewer = await sessionCookie(await createTestActor(a.org.id, 'viewer'));
		expect((await as(viewer).PATCH('/rounds/{id}', repeat(mine.id))).response.status).toBe(403);
		const b = await orgWithAdmin();
		for (const id of [mine.id, randomUUID(), 'nope']) expect((await as(b.cookie).PATCH('/rounds/{id}', repeat(id))).response.status).toBe(404);
		expect((await as(a.cookie).GET('/rounds/{id}', round(mine.id))).data!.repeatMonths).toBeNull();
	});

	it('creates the next round when a repeating round opens, linked both ways', async () => {
		const { cookie } = await orgWithTeam();
		const now = (await as(cookie).POST('/rounds', { body: { name: 'Now', repeatMonths: 6 } })).data!;
		expect(now.status).toBe('open');
		expect(now.nextRoundId).toMatch(/^[0-9a-f-]{36}$/);
		const next = (await as(cookie).GET('/rounds/{id}', round(now.nextRoundId!))).data!;
		expect(next).toMatchObject({ status: 'scheduled', repeatMonths: 6, repeatsFrom: now.id, createdBy: 'system', invited: 0 });
		expect(new Date(next.startsAt).getTime() - new Date(now.startsAt).getTime()).toBeGreaterThan(180 * DAY);
	});
});

describe('the repeat on the round pages (without JavaScript)', () => {
	it('is chosen on the new-round form and changed, or the round stopped, on its page', async () => {
		const { cookie } = await orgWithTeam();
		const form = await getPage('/app/rounds/new', { cookie });
		expect(form.text).toContain('Every 6 months');
		const start = new Date(Date.now() + DAY).toISOString().slice(0, 16);
		const res = await postFields(
			'/app/rounds/new',
			[
				['name', 'Form repeat'],
				['mode', 'all'],
				['startsAt', start],
				['minGroupSize', '5'],
				['repeat', '6'],
				['timeZone', 'UTC'],
				['intent', 'launch']
			],
			cookie
		);
		expect(res.status).toBe(303);
		const id = /^\/app\/rounds\/([0-9a-f-]{36})/.exec(res.location ?? '')![1];
		expect((await as(cookie).GET('/rounds/{id}', round(id))).data!.repeatMonths).toBe(6);
		const page = await getPage(`/app/rounds/${id}`, { cookie });
		expect(page.text).toContain('Repeats every 6 months');
		expect(page.text).toContain('The next round is created when this one opens');

		const bad = await postFields(
			'/app/rounds/new',
			[
				['name', 'Bad'],
				['mode', 'all'],
				['minGroupSize', '5'],
				['repeat', '5'],
				['timeZone', 'UTC'],
				['intent', 'draft']
			],
			cookie
		);
		expect(bad.status).toBe(400);
		expect(bad.text).toContain('Must be 3, 6, 12 or null');

		expect((await postFields(`/app/rounds/${id}?/repeat`, [['repeat', '7']], cookie)).status).toBe(400);
		expect((await postFields(`/app/rounds/${id}?/repeat`, [['repeat', '']], cookie)).status).toBe(200);
		expect((await as(cookie).GET('/rounds/{id}', round(id))).data!.repeatMonths).toBeNull();
		expect((await postFields(`/app/rounds/${id}?/unschedule`, [], cookie)).status).toBe(200);
		expect((await as(cookie).GET('/rounds/{id}', round(id))).data!.status).toBe('draft');
		expect((await postFields(`/app/rounds/${id}?/unschedule`, [], cookie)).status).toBe(409);
	});

	it('refuse visitors, viewers and other organizations', async () => {
		const a = await orgWithTeam();
		const mine = (await as(a.cookie).POST('/rounds', { body: { name: 'Mine', startsAt: tomorrow(), repeatMonths: 3 } })).data!;
		for (const action of ['repeat', 'unschedule']) {
			expect((await postFields(`/app/rounds/${mine.id}?/${action}`, [['repeat', '']])).status, action).toBe(303);
			const viewer = await sessionCookie(await createTestActor(a.org.id, 'viewer'));
			expect((await postFields(`/app/rounds/${mine.id}?/${action}`, [['repeat', '']], viewer)).status, action).toBe(403);
			const b = await orgWithAdmin();
			expect((await postFields(`/app/rounds/${mine.id}?/${action}`, [['repeat', '']], b.cookie)).status, action).toBe(404);
		}
		expect((await as(a.cookie).GET('/rounds/{id}', round(mine.id))).data!).toMatchObject({ status: 'scheduled', repeatMonths: 3 });
	});
});
