import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createTestActor, uniqueEmail } from '$tests/fixtures';
import { MAX_ACTIVE_QUESTIONS } from '$lib/server/questions/store';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';
import type { components } from '$lib/api-client/schema';
import { getPage, orgWithAdmin, postForm } from './helpers';

const isoDate = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);

const as = (cookie: string) => apiClient(baseUrl(), { cookie });
const question = (id: string) => ({ params: { path: { id } } });

async function addQuestion(cookie: string, body: components['schemas']['QuestionInput']) {
	const r = await as(cookie).POST('/questions', { body });
	expect(r.response.status, JSON.stringify(r.error)).toBe(201);
	return r.data!;
}

/** An organization whose admin can launch rounds: one unit with five participants. */
async function orgWithPeople() {
	const o = await orgWithAdmin();
	const unit = await db().insertInto('units').values({ organization_id: o.org.id, name: 'Team' }).returning('id').executeTakeFirstOrThrow();
	await db()
		.insertInto('users')
		.values(
			Array.from({ length: 5 }, (_, i) => ({
				organization_id: o.org.id,
				name: `P${i}`,
				email: uniqueEmail(`p${i}`),
				language: 'en' as const,
				unit_id: unit.id,
				job_role: 'sales_person' as const,
				access: 'participant' as const
			}))
		)
		.execute();
	return o;
}

describe('/api/v1/questions: access', () => {
	it('answers 401 without a session or token', async () => {
		for (const [method, path] of [
			['GET', '/api/v1/questions'],
			['POST', '/api/v1/questions'],
			['GET', `/api/v1/questions/${randomUUID()}`],
			['DELETE', `/api/v1/questions/${randomUUID()}`]
		]) {
			const r = await call(method, path, method === 'POST' ? { json: { type: 'text', en: { text: 'X' } } } : {});
			expect(r.status, `${method} ${path}`).toBe(401);
		}
	});

	it('answers 403 to a viewer, and changes nothing', async () => {
		const { org, cookie } = await orgWithAdmin();
		const q = await addQuestion(cookie, { type: 'text', en: { text: 'What should we stop doing?' } });
		const viewer = await sessionCookie(await createTestActor(org.id, 'viewer'));
		for (const [method, path, json] of [
			['GET', '/api/v1/questions', undefined],
			['POST', '/api/v1/questions', { type: 'text', en: { text: 'X' } }],
			['GET', `/api/v1/questions/${q.id}`, undefined],
			['DELETE', `/api/v1/questions/${q.id}`, undefined]
		] as const) {
			const r = await call(method, path, { cookie: viewer, json });
			expect(r.status, `${method} ${path}`).toBe(403);
		}
		expect((await as(cookie).GET('/questions/{id}', question(q.id))).data!.archivedAt).toBeNull();
	});

	it('answers 404 for another organization’s questions and malformed ids', async () => {
		const a = await orgWithAdmin();
		const b = await orgWithAdmin();
		const theirs = await addQuestion(a.cookie, { type: 'text', en: { text: 'Theirs' } });
		for (const id of [theirs.id, randomUUID(), 'nope', '%27%3B--']) {
			for (const method of ['GET', 'DELETE']) {
				const r = await call(method, `/api/v1/questions/${id}`, { cookie: b.cookie });
				expect(r.status, `${method} ${id}`).toBe(404);
			}
		}
		expect((await as(b.cookie).GET('/questions')).data!.questions).toEqual([]);
		expect((await as(a.cookie).GET('/questions/{id}', question(theirs.id))).data!.archivedAt).toBeNull();
	});
});

describe('POST /api/v1/questions', () => {
	it('adds each type; Swedish falls back to English where it is left out', async () => {
		const { cookie } = await orgWithAdmin();
		const scale = await addQuestion(cookie, {
			type: 'scale',
			en: { text: 'How strong is our brand?', scaleLabels: { '1': 'Very weak', '5': 'Very strong' } },
			sv: { text: 'Hur starkt är vårt varumärke?' }
		});
		expect(scale).toEqual({
			id: expect.any(String),
			source: 'organization',
			ref: { source: 'organization', id: scale.id },
			type: 'scale',
			en: { text: 'How strong is our brand?', options: null, scaleLabels: { '1': 'Very weak', '5': 'Very strong' }, unit: null },
			sv: { text: 'Hur starkt är vårt varumärke?', options: null, scaleLabels: { '1': 'Very weak', '5': 'Very strong' }, unit: null },
			min: null,
			max: null,
			createdAt: isoDate,
			archivedAt: null
		});
		const single = await addQuestion(cookie, { type: 'single', en: { text: 'Main channel?', options: ['Field', 'Phone', 'Web'] } });
		expect(single.sv).toEqual({ text: 'Main channel?', options: ['Field', 'Phone', 'Web'], scaleLabels: null, unit: null });
		const multi = await addQuestion(cookie, {
			type: 'multi',
			en: { text: 'Tools you use?', options: ['CRM', 'Excel'] },
			sv: { options: ['CRM', 'Excel-ark'] }
		});
		expect(multi.sv!.options).toEqual(['CRM', 'Excel-ark']);
		const number = await addQuestion(cookie, { type: 'number', en: { text: 'Calls per day?', unit: 'calls' }, sv: { unit: 'samtal' }, min: 0, max: 200 });
		expect(number).toMatchObject({ min: 0, max: 200, en: { unit: 'calls' }, sv: { unit: 'samtal', text: 'Calls per day?' } });
		const text = await addQuestion(cookie, { type: 'text', en: { text: '  What should we stop doing?  ' } });
		expect(text.en.text).toBe('What should we stop doing?');

		const list = await as(cookie).GET('/questions');
		expect(list.response.status).toBe(200);
		expect(list.data!.questions.map((q) => q.id).sort()).toEqual([scale.id, single.id, multi.id, number.id, text.id].sort());
		expect(list.data!.standard.length).toBeGreaterThan(10);
		expect(list.data!.standard[0]).toMatchObject({ source: 'standard', ref: { source: 'standard', key: list.data!.standard[0].key } });
		const got = await as(cookie).GET('/questions/{id}', question(number.id));
		expect({ status: got.response.status, data: got.data }).toMatchObject({ status: 200, data: number });
	});

	it('refuses bad input with 400 and says which field', async () => {
		const { cookie } = await orgWithAdmin();
		const cases: [string, unknown, string][] = [
			['no type', { en: { text: 'X' } }, 'type'],
			['an unknown type', { type: 'rating', en: { text: 'X' } }, 'type'],
			['no English', { type: 'text', sv: { text: 'X' } }, 'en'],
			['empty English text', { type: 'text', en: { text: '   ' } }, 'en.text'],
			['a line break', { type: 'text', en: { text: 'A\nB' } }, 'en.text'],
			['a text too long', { type: 'text', en: { text: 'x'.repeat(301) } }, 'en.text'],
			['an unknown field', { type: 'text', en: { text: 'X' }, key: 'mine' }, '(body)'],
			['an unknown text field', { type: 'text', en: { text: 'X', help: 'y' } }, 'en'],
			['options on a text question', { type: 'text', en: { text: 'X', options: ['a', 'b'] } }, 'en.options'],
			['a choice without options', { type: 'single', en: { text: 'X' } }, 'en.options'],
			['one option', { type: 'multi', en: { text: 'X', options: ['a'] } }, 'en.options'],
			['31 options', { type: 'multi', en: { text: 'X', options: Array.from({ length: 31 }, (_, i) => `o${i}`) } }, 'en.options'],
			['the same option twice', { type: 'single', en: { text: 'X', options: ['a', 'a'] } }, 'en.options'],
			['more Swedish options than English', { type: 'single', en: { text: 'X', options: ['a', 'b'] }, sv: { options: ['a', 'b', 'c'] } }, 'options'],
			['a number without a range', { type: 'number', en: { text: 'X' } }, 'min'],
			['min not below max', { type: 'number', en: { text: 'X' }, min: 5, max: 5 }, 'max'],
			['min as text', { type: 'number', en: { text: 'X' }, min: '0', max: 5 }, 'min'],
			['a huge max', { type: 'number', en: { text: 'X' }, min: 0, max: 1e12 }, 'max'],
			['a range on a scale', { type: 'scale', en: { text: 'X' }, min: 0, max: 5 }, 'min'],
			['scale labels on a choice', { type: 'single', en: { text: 'X', options: ['a', 'b'], scaleLabels: { '1': 'lo', '5': 'hi' } } }, 'en.scaleLabels'],
			['a scale label missing its end', { type: 'scale', en: { text: 'X', scaleLabels: { '1': 'lo' } } }, 'en.scaleLabels.5'],
			['a unit on a scale', { type: 'scale', en: { text: 'X', unit: 'kg' } }, 'en.unit'],
			['not an object', ['text'], '(body)']
		];
		for (const [what, json, path] of cases) {
			const r = await call('POST', '/api/v1/questions', { cookie, json });
			expect(r.status, what).toBe(400);
			expect(r.data.error.code, what).toBe('validation_failed');
			expect(
				r.data.error.details.map((d: { path: string }) => d.path),
				what
			).toContain(path);
		}
		expect((await as(cookie).GET('/questions')).data!.questions).toEqual([]);
		// A value outside the documented enum: a raw call.
		expect((await call('GET', '/api/v1/questions?archived=maybe', { cookie })).status).toBe(400);
	});

	it(`keeps at most ${MAX_ACTIVE_QUESTIONS} active questions (409 beyond)`, async () => {
		const { org, cookie } = await orgWithAdmin();
		await db()
			.insertInto('org_questions')
			.values(
				Array.from({ length: MAX_ACTIVE_QUESTIONS }, () => ({
					organization_id: org.id,
					definition: JSON.stringify({ key: 'org_x', type: 'text', en: { text: 'X' }, sv: { text: 'X' } })
				}))
			)
			.execute();
		const r = await as(cookie).POST('/questions', { body: { type: 'text', en: { text: 'One more' } } });
		expect(r.response.status).toBe(409);
		expect(r.error!.error.code).toBe('too_many_questions');
	});
});

describe('DELETE /api/v1/questions/{id} (archive)', () => {
	it('archives: new rounds can no longer include it, rounds that did keep their copy', async () => {
		const { cookie } = await orgWithPeople();
		const q = await addQuestion(cookie, {
			type: 'single',
			en: { text: 'Main channel?', options: ['Field', 'Phone'] },
			sv: { text: 'Huvudkanal?', options: ['Fält', 'Telefon'] }
		});
		const api = as(cookie);
		const round = await api.POST('/rounds', { body: { name: 'With own', questions: [q.ref, { source: 'standard', key: 'price_pressure' }] } });
		expect(round.response.status).toBe(201);
		expect(round.data!.questions[0]).toMatchObject({
			key: `org_${q.id.replace(/-/g, '')}`,
			type: 'single',
			sv: { text: 'Huvudkanal?', options: ['Fält', 'Telefon'] }
		});

		const del = await api.DELETE('/questions/{id}', question(q.id));
		expect(del.response.status).toBe(204);
		expect((await api.DELETE('/questions/{id}', question(q.id))).response.status).toBe(409);
		expect((await api.GET('/questions')).data!.questions).toEqual([]);
		const archived = await api.GET('/questions', { params: { query: { archived: 'true' } } });
		expect(archived.data!.questions).toEqual([{ ...q, archivedAt: isoDate }]);

		const later = await api.POST('/rounds', { body: { name: 'Later', questions: [q.ref] } });
		expect(later.response.status).toBe(400);
		expect(later.error!.error.details![0].path).toBe('questions');
		const kept = await api.GET('/rounds/{id}', question(round.data!.id));
		expect(kept.data!.questions.map((x) => x.en.text)).toEqual(['Main channel?', expect.any(String)]);
	});
});

describe('/app/questions (page and form actions)', () => {
	it('sends a visitor who is not signed in to sign in, and refuses a viewer', async () => {
		const page = await getPage('/app/questions');
		expect(page.status).toBe(303);
		expect(page.location).toMatch(/^\/signin\?next=/);
		const post = await postForm('/app/questions?/create', { type: 'text', enText: 'X' });
		expect([303, 401, 403]).toContain(post.status);
		const { org } = await orgWithAdmin();
		const viewer = await sessionCookie(await createTestActor(org.id, 'viewer'));
		expect((await getPage('/app/questions', { cookie: viewer })).status).toBe(403);
		expect((await postForm('/app/questions?/create', { type: 'text', enText: 'X' }, { cookie: viewer })).status).toBe(403);
		expect((await as((await orgWithAdmin()).cookie).GET('/questions')).data!.questions).toEqual([]);
	});

	it('adds a question from the form (without JavaScript), shows errors beside the fields, and keeps markup inert', async () => {
		const { cookie } = await orgWithAdmin();
		const bad = await postForm('/app/questions?/create', { type: 'single', enText: 'Pick one', enOptions: 'Only one' }, { cookie });
		expect(bad.status).toBe(400);
		expect(bad.text).toContain('At least two options');
		expect(bad.text).toContain('value="Pick one"');

		const ok = await postForm(
			'/app/questions?/create',
			{
				type: 'single',
				enText: '<script>alert(1)</script> Channel?',
				svText: '',
				enOptions: 'Field\r\nPhone\r\n\r\n',
				svOptions: 'Fält\nTelefon',
				enLow: 'ignored for this type'
			},
			{ cookie }
		);
		expect(ok.status).toBe(200);
		const list = await as(cookie).GET('/questions');
		expect(list.data!.questions).toHaveLength(1);
		const q = list.data!.questions[0];
		expect(q).toMatchObject({
			type: 'single',
			en: { options: ['Field', 'Phone'], scaleLabels: null },
			sv: { text: '<script>alert(1)</script> Channel?', options: ['Fält', 'Telefon'] }
		});
		const page = await getPage('/app/questions', { cookie });
		expect(page.status).toBe(200);
		expect(page.text).toContain('&lt;script>alert(1)&lt;/script> Channel?');
		expect(page.text).not.toContain('<script>alert(1)</script>');

		const other = await orgWithAdmin();
		const foreign = await postForm('/app/questions?/archive', { id: q.id }, { cookie: other.cookie });
		expect(foreign.status).toBe(404);
		const archived = await postForm('/app/questions?/archive', { id: q.id }, { cookie });
		expect(archived.status).toBe(200);
		expect((await as(cookie).GET('/questions')).data!.questions).toEqual([]);
	});
});

describe('the OpenAPI document', () => {
	it('describes the questions endpoints and the shapes they return', async () => {
		const doc = (await call('GET', '/api/v1/openapi.json')).data;
		expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/questions', '/questions/{id}']));
		const s = doc.components.schemas;
		expect(s.QuestionInput.additionalProperties).toBe(false);
		expect(s.QuestionInput.required).toEqual(['type', 'en']);
		const { cookie } = await orgWithAdmin();
		const q = await addQuestion(cookie, { type: 'text', en: { text: 'Anything else?' } });
		expect(Object.keys(q).sort()).toEqual(Object.keys(s.Question.properties).sort());
		const list = (await as(cookie).GET('/questions')).data!;
		expect(Object.keys(list).sort()).toEqual(Object.keys(s.QuestionList.properties).sort());
		expect(Object.keys(list.standard[0]).sort()).toEqual(Object.keys(s.StandardQuestion.properties).sort());
		expect(doc.paths['/questions/{id}'].delete.responses).toHaveProperty('409');
	});
});
