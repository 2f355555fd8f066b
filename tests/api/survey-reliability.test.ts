import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { closeRoundEarly } from '$lib/server/rounds/manage';
import { advanceRound } from '$lib/server/rounds/advance';
import { call } from '../support/http';
import { draftOf, openRound, samePage, surveyClient } from './survey-support';
import { orgWithAdmin, raw } from './helpers';

/** Autosave that keeps every answer, odd text refused by name, and dead links that all look alike. */

describe('saving answers as they are given', () => {
	it('keeps all 9 answers of 9 simultaneous saves, and company answers saved beside them', async () => {
		const { tokens, keys, org } = await openRound({ questions: ['demand_outlook', 'one_change'] });
		const c = surveyClient();
		await c.open(tokens[0]);
		// Three pages answered quickly, each answer its own request, all at once.
		for (const page of [0, 1, 2]) {
			const at = keys.slice(page * 9, page * 9 + 9);
			const saves = await Promise.all(at.map((k, i) => c.json('/s/answers', { answers: { [k]: (i % 5) + 1 } })));
			expect(saves.map((s) => s.status)).toEqual(Array(9).fill(200));
		}
		const together = await Promise.all([
			c.json('/s/answers', { questions: { std_demand_outlook: 4 } }),
			c.json('/s/answers', { questions: { std_one_change: 'More time with customers' } }),
			c.json('/s/answers', { answers: { [keys[30]]: 0 } })
		]);
		expect(together.map((s) => s.status)).toEqual([200, 200, 200]);
		const draft = (await draftOf(org.id))!;
		expect(draft.answers.slice(0, 27)).toEqual(Array.from({ length: 27 }, (_, i) => ((i % 9) % 5) + 1));
		expect(draft.answers[30]).toBe(0);
		expect(draft.answers.filter((a) => a !== null)).toHaveLength(28);
		expect(draft.question_answers).toEqual({ std_demand_outlook: 4, std_one_change: 'More time with customers' });
		// Clearing one answer leaves the others.
		expect((await c.json('/s/answers', { answers: { [keys[1]]: null }, questions: { std_one_change: null } })).status).toBe(200);
		const after = (await draftOf(org.id))!;
		expect(after.answers.slice(0, 3)).toEqual([1, null, 3]);
		expect(after.question_answers).toEqual({ std_demand_outlook: 4, std_one_change: null });
	});
});

describe('odd text', () => {
	it('refuses a lone surrogate or NUL in a free-text answer with a 400 naming the field, storing nothing', async () => {
		const { tokens, org } = await openRound({ questions: ['one_change'] });
		const c = surveyClient();
		await c.open(tokens[0]);
		for (const text of ['a\ud800b', 'tail \udfff', 'nul\u0000here']) {
			for (const path of ['/s/answers', '/api/v1/survey/submit']) {
				const r = await c.json(
					path,
					{ questions: { std_one_change: text } },
					path.startsWith('/api') ? { authorization: `Bearer ${tokens[0]}`, origin: '' } : {}
				);
				expect(r.status, `${path} ${JSON.stringify(text)}`).toBe(400);
				expect(r.data.error.code).toBe('validation_failed');
				expect(r.data.error.message).toContain('questions.std_one_change');
			}
		}
		// The form (no JavaScript) refuses NUL the same way.
		const form = await c.form('/s?/save&p=questions', [
			['page', 'questions'],
			['q_std_one_change', 'nul\u0000here'],
			['go', 'review']
		]);
		expect(form.status).toBe(400);
		expect(form.text).toContain('q_std_one_change');
		expect(await draftOf(org.id)).toBeUndefined();
		// Other odd but valid text (combining marks, right-to-left marks, emoji) is stored as given.
		expect((await c.json('/s/answers', { questions: { std_one_change: 'Cafe\u0301 \u202Eabc 🤷🏽' } })).status).toBe(200);
		expect((await draftOf(org.id))!.question_answers).toEqual({ std_one_change: 'Cafe\u0301 \u202Eabc 🤷🏽' });
	});

	it('refuses odd text in API bodies by field and answers malformed percent-encoding with a JSON 400', async () => {
		const { cookie } = await orgWithAdmin();
		const bad = await call('POST', '/api/v1/units', { cookie, json: { name: 'North \ud800' } });
		expect(bad.status).toBe(400);
		expect(bad.data.error.message).toContain('name');
		const nested = await call('POST', '/api/v1/units', {
			cookie,
			body: '{"name":"x","pad":{"deep":["\\udc00"]}}',
			headers: { 'content-type': 'application/json' }
		});
		expect(nested.status).toBe(400);
		expect(nested.data.error.message).toContain('pad.deep.0');
		const nul = await call('PATCH', '/api/v1/units/00000000-0000-0000-0000-000000000000', { cookie, json: { name: 'a\u0000b' } });
		expect(nul.status).toBe(400);
		expect(nul.data.error.message).toContain('name');
		for (const path of ['/api/v1/units/%E0%A4%A', '/api/v1/units/%ZZ', '/api/v1/users?q=%E0%A4%A', '/api/v1/users?q=%']) {
			const r = await raw('GET', path, { headers: { cookie, accept: 'text/html' } });
			expect(r.status, path).toBe(400);
			expect(r.headers['content-type'], path).toContain('application/json');
			expect(JSON.parse(r.text).error.code, path).toBe('bad_request');
		}
	});
});

describe('dead survey links', () => {
	it('look the same after close whether the person answered, started or never opened the survey', async () => {
		const { tokens, keys, org, admin, round } = await openRound({ people: 3 });
		const answered = surveyClient();
		await answered.open(tokens[0]);
		expect((await answered.form('/s?/submit', [])).location).toBe('/s/thanks');
		const started = surveyClient();
		await started.open(tokens[1]);
		expect((await started.json('/s/answers', { answers: { [keys[0]]: 3 } })).status).toBe(200);
		// Before close the participant themself may see that they answered.
		expect((await answered.get('/s')).text).toContain('You have already answered this survey');

		const lookAlike = async (label: string) => {
			const seen = [];
			for (const token of tokens) {
				const c = surveyClient();
				await c.open(token);
				const page = await c.get('/s');
				const thanks = await c.get('/s/thanks');
				const save = await c.json('/s/answers', { answers: { [keys[1]]: 2 } });
				const submit = await c.form('/s?/submit', []);
				const api = await c.json('/api/v1/survey/submit', {}, { authorization: `Bearer ${token}`, origin: '' });
				const apiCookie = await c.json('/api/v1/survey/submit', {});
				seen.push({
					page: [page.status, samePage(page.text)],
					thanks: [thanks.status, thanks.location],
					save: [save.status, save.data],
					submit: [submit.status, submit.location],
					api: [api.status, api.data],
					apiCookie: [apiCookie.status, apiCookie.data]
				});
			}
			expect(seen[0].page[1], label).toContain('This survey has closed');
			expect(seen[1], label).toEqual(seen[0]);
			expect(seen[2], label).toEqual(seen[0]);
			// The participant's own browser, still holding the cookie, sees the same.
			const own = await answered.get('/s');
			expect([own.status, samePage(own.text)], label).toEqual(seen[0].page);
		};
		await closeRoundEarly({ organizationId: org.id, actor: admin, roundId: round.id });
		await lookAlike('closed');
		await db()
			.updateTable('rounds')
			.set({ starts_at: new Date(Date.now() - 60_000), ends_at: new Date(Date.now() - 2000), publish_at: new Date(Date.now() - 1000) })
			.where('organization_id', '=', org.id)
			.where('id', '=', round.id)
			.execute();
		await advanceRound({ organizationId: org.id, roundId: round.id });
		const status = await db().selectFrom('rounds').select('status').where('organization_id', '=', org.id).where('id', '=', round.id).executeTakeFirstOrThrow();
		expect(status.status).toBe('published');
		await lookAlike('published');
	});

	it('look the same once the closing time has passed, before the round is closed', async () => {
		const { tokens, org, round } = await openRound({ people: 2 });
		const answered = surveyClient();
		await answered.open(tokens[0]);
		expect((await answered.form('/s?/submit', [])).location).toBe('/s/thanks');
		await db()
			.updateTable('rounds')
			.set({ starts_at: new Date(Date.now() - 60_000), ends_at: new Date(Date.now() - 1000) })
			.where('organization_id', '=', org.id)
			.where('id', '=', round.id)
			.execute();
		const pages = [];
		for (const token of tokens) {
			const c = surveyClient();
			await c.open(token);
			const page = await c.get('/s');
			const api = await c.json('/api/v1/survey/submit', {}, { authorization: `Bearer ${token}`, origin: '' });
			pages.push([page.status, samePage(page.text), api.status, api.data]);
		}
		expect(pages[1]).toEqual(pages[0]);
		expect(pages[0][1]).toContain('This survey has closed');
	});
});
