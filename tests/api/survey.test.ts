import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { storedResponses } from '$tests/stored-responses';
import { closeRoundEarly } from '$lib/server/rounds/manage';
import { TOKEN_GUESS_LIMIT } from '$lib/server/survey/access';
import { raw } from './helpers';
import { baseUrl } from '../support/http';
import { apiClient } from '../support/api-client';
import { draftOf, openRound, samePage, surveyClient } from './survey-support';

/**
 * The participant survey through HTTP against the real server: link → cookie, the pages (no
 * JavaScript), saving as answers are given, resuming, submitting once, and the JSON submit API.
 */

const ALL_TYPES = ['demand_outlook', 'biggest_obstacle', 'buying_behaviour_trends', 'customer_time_share', 'one_change'];

const round = openRound;
const client = () => surveyClient();
/** The typed client as an integration submits: the invitation token as Bearer, no Origin, from the survey client's address. */
const submitter = (c: { ip: string }, token?: string) => apiClient(baseUrl(), token, { origin: null, ip: c.ip });

/** Mixed and still pending (opened with the run's response key) alike. */
async function responsesOf(organizationId: string) {
	return storedResponses(organizationId);
}

const checked = (html: string, name: string) => new RegExp(`name="${name}" value="(\\d+)" checked`).exec(html)?.[1] ?? null;

describe('survey link', () => {
	it('exchanges the token for an httpOnly cookie on /s and takes it out of the address bar', async () => {
		const { tokens, org, model, orders } = await round();
		const first = model.shape.areas[orders[0][0]];
		const c = client();
		const res = await c.open(tokens[0]);
		expect(res.location).toBe('/s');
		const set = res.setCookies.find((s) => s.startsWith('sos_survey='))!;
		expect(set).toContain(`sos_survey=${tokens[0]}`);
		expect(set).toMatch(/HttpOnly/i);
		expect(set).toMatch(/SameSite=Lax/i);
		expect(set).toMatch(/Path=\/s(;|$)/);
		expect(res.headers['cache-control']).toBe('no-store');

		const page = await c.get('/s');
		expect(page.status).toBe(200);
		expect(page.headers['cache-control']).toBe('no-store');
		expect(page.text).toContain(org.name);
		expect(page.text).toContain('Autumn pulse');
		expect(page.text).toContain('Your answers are anonymous.');
		// The participant's first area (the order rotates per invitation).
		expect(page.text).toContain('Area 1 of 9');
		expect(page.text).toContain(`<h1 class="sv-h1">${model.translations.en.areas[first.key].name}</h1>`);
		// Every statement is a fieldset with a legend and six labelled choices (seven where the practice may
		// not be used at all); no client-side app.
		const n = first.statements.length;
		const notUsed = first.statements.filter((i) => model.shape.notUsed?.includes(i)).length;
		expect(page.text.match(/<fieldset class="sv-st">/g)).toHaveLength(n);
		expect(page.text.match(/<legend>/g)).toHaveLength(n);
		expect(page.text.match(/type="radio"/g)).toHaveLength(6 * n + notUsed);
		expect(page.text).toContain('Not at all how we work');
		expect(page.text).toMatch(/Don.t know/);
		expect(page.text).not.toMatch(/_app\/immutable\/entry|modulepreload|__sveltekit/);
		expect(page.text).toContain('<script src="/survey.js" defer');
		// Nothing in the page points at a person.
		expect(page.text).not.toContain('Secret Person');
	});

	it('answers every link that leads nowhere with the same page, and shows plain pages for the other states', async () => {
		const c = client();
		const unknown = await c.get(`/s/${'a'.repeat(32)}`);
		const malformed = await c.get('/s/not-a-token');
		const injected = await c.get(`/s/${encodeURIComponent("' OR 1=1 --")}`);
		const noCookie = await c.get('/s');
		const stale = await raw('GET', '/s', { headers: { cookie: `sos_survey=${'b'.repeat(32)}`, accept: 'text/html' }, ip: c.ip });
		for (const r of [unknown, malformed, injected, noCookie, stale]) {
			expect(r.status).toBe(404);
			expect(r.setCookies.filter((s) => s.startsWith('sos_survey=') && !s.startsWith('sos_survey=;'))).toEqual([]);
			expect(samePage(r.text)).toBe(samePage(unknown.text));
		}
		expect(unknown.text).toContain('This survey link does not work');

		// Invitations exist once a round opens; a round moved back to a later start shows when it opens.
		const later = await round();
		const startsAt = new Date(Date.now() + 3 * 86_400_000);
		await db().updateTable('rounds').set({ status: 'scheduled', starts_at: startsAt }).where('organization_id', '=', later.org.id).execute();
		const n = client();
		await n.open(later.tokens[0]);
		const notOpen = await n.get('/s');
		expect(notOpen.status).toBe(200);
		expect(notOpen.text).toContain('This survey has not opened yet');
		expect(notOpen.text).toContain(new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(startsAt));

		const closed = await round();
		await closeRoundEarly({ organizationId: closed.org.id, actor: closed.admin, roundId: closed.round.id });
		const k = client();
		await k.open(closed.tokens[0]);
		const closedPage = await k.get('/s');
		expect(closedPage.text).toContain('This survey has closed');

		const done = await round();
		const d = client();
		await d.open(done.tokens[0]);
		expect((await d.form('/s?/submit', [])).location).toBe('/s/thanks');
		const again = client();
		await again.open(done.tokens[0]);
		const submitted = await again.get('/s');
		expect(submitted.text).toContain('You have already answered this survey');
		// The thank-you page is only for someone who has submitted.
		expect((await client().get('/s/thanks')).location).toBe('/s');

		for (const [page, r] of [
			[notOpen, later],
			[closedPage, closed],
			[submitted, done]
		] as const) {
			expect(page.text).toContain(r.org.name);
			expect(page.text).not.toContain('Autumn pulse');
			expect(page.text).not.toContain('Secret Person');
			expect(page.text).not.toContain('name="a_');
			expect(page.text).not.toContain('survey.js');
		}
	});

	it('limits unknown tokens per address, after which even a real link from there is refused', async () => {
		const { tokens } = await round();
		const c = client();
		for (let i = 0; i < TOKEN_GUESS_LIMIT; i++) {
			const r = await c.get(`/s/${String(i).padStart(32, 'q')}`);
			expect(r.status).toBe(404);
		}
		const limited = await c.get(`/s/${'z'.repeat(32)}`);
		expect(limited.status).toBe(429);
		expect(limited.text).toContain('Too many attempts');
		const real = await c.get(`/s/${tokens[0]}`);
		expect(real.status).toBe(429);
		expect(real.setCookies.some((s) => s.startsWith(`sos_survey=${tokens[0]}`))).toBe(false);
		// The API and a guessed cookie count against the same limit.
		expect((await c.json('/api/v1/survey/submit', {}, { authorization: `Bearer ${tokens[0]}` })).status).toBe(429);
		// Someone else is not affected.
		await client().open(tokens[0]);
	});
});

describe('answering', () => {
	it('saves each page without JavaScript, saves single answers from the script, and resumes on another device', async () => {
		const { tokens, keys, org, pageOf } = await round();
		const phone = client();
		await phone.open(tokens[1]);
		// Page 1, no JavaScript: Next posts the page and moves on.
		const next = await phone.form('/s?/save&p=1', [
			['page', '1'],
			[`a_${keys[0]}`, '4'],
			[`a_${keys[1]}`, '0'],
			[`a_${keys[2]}`, '5'],
			['go', '2']
		]);
		expect(next.status).toBe(303);
		expect(next.location).toBe('/s?p=2');
		// Page 2 with the script: one answer at a time.
		const saved = await phone.json('/s/answers', { answers: { [keys[9]]: 2 } });
		expect(saved.status).toBe(200);
		expect(saved.data).toEqual({ saved: true });
		expect((await draftOf(org.id))!.answers.slice(0, 10)).toEqual([4, 0, 5, null, null, null, null, null, null, 2]);
		// Back also saves.
		const back = await phone.form('/s?/save&p=2', [
			['page', '2'],
			[`a_${keys[10]}`, '3'],
			['go', '1']
		]);
		expect(back.location).toBe('/s?p=1');

		// Another device, the same link: the answers are there, and the survey continues where it stopped.
		const laptop = client();
		await laptop.open(tokens[1]);
		const resumed = await laptop.get('/s');
		expect(resumed.text).toContain('Welcome back');
		expect(resumed.text).toContain('Area 1 of 9');
		expect(resumed.text).toContain(`5 of ${keys.length} statements answered`);
		// The first two areas of the model, wherever this participant's order puts them.
		const p1 = await laptop.get(`/s?p=${pageOf(1, 0)}`);
		expect(checked(p1.text, `a_${keys[0]}`)).toBe('4');
		expect(checked(p1.text, `a_${keys[1]}`)).toBe('0');
		expect(checked(p1.text, `a_${keys[3]}`)).toBeNull();
		const p2 = await laptop.get(`/s?p=${pageOf(1, 1)}`);
		expect(checked(p2.text, `a_${keys[9]}`)).toBe('2');
		expect(checked(p2.text, `a_${keys[10]}`)).toBe('3');
	});

	it('shows the company questions of all five types, keeps what is valid and explains what is not', async () => {
		const { tokens, org, model } = await round({ questions: ALL_TYPES });
		const c = client();
		await c.open(tokens[0]);
		const keys = ALL_TYPES.map((k) => `q_std_${k}`);
		const last = await c.get('/s?p=9');
		expect(last.text).toContain('name="go" value="questions"');
		const page = await c.get('/s?p=questions');
		expect(page.text).toContain('Company questions');
		expect(page.text.match(new RegExp(`name="${keys[0]}" value="\\d"`, 'g'))).toHaveLength(5);
		expect(page.text).toContain('Fall sharply');
		expect(page.text).toMatch(new RegExp(`type="radio" name="${keys[1]}"`));
		expect(page.text).toMatch(new RegExp(`type="checkbox" name="${keys[2]}"`));
		expect(page.text).toMatch(new RegExp(`name="${keys[3]}" type="number"`));
		expect(page.text).toMatch(new RegExp(`<textarea[^>]*name="${keys[4]}"`));

		const bad = await c.form('/s?/save&p=questions', [
			['page', 'questions'],
			[keys[0], '4'],
			[keys[1], '2'],
			[keys[2], '0'],
			[keys[2], '3'],
			[keys[3], '250'],
			[keys[4], '  More <b>time</b> with customers  '],
			['go', 'review']
		]);
		expect(bad.status).toBe(400);
		expect(bad.text).toContain('Some answers could not be saved');
		expect(bad.text).toContain('Enter a number from 0 to 100.');
		expect(bad.text).toContain('value="250"');
		expect(bad.text).not.toContain('<b>time</b>');
		expect((await draftOf(org.id))!.question_answers).toEqual({
			std_demand_outlook: 4,
			std_biggest_obstacle: 2,
			std_buying_behaviour_trends: [0, 3],
			std_one_change: 'More <b>time</b> with customers'
		});

		const good = await c.form('/s?/save&p=questions', [
			['page', 'questions'],
			[keys[0], '4'],
			[keys[1], '2'],
			[keys[3], '35,5'],
			[keys[4], ''],
			['go', 'review']
		]);
		expect(good.location).toBe('/s?p=review');
		// Unticked boxes and an emptied text clear those answers.
		expect((await draftOf(org.id))!.question_answers).toEqual({
			std_demand_outlook: 4,
			std_biggest_obstacle: 2,
			std_buying_behaviour_trends: null,
			std_customer_time_share: 35.5,
			std_one_change: null
		});
		const review = await c.get('/s?p=review');
		expect(review.text).toContain('3 of 5 answered');
		expect(review.text).toContain(`You have left ${model.shape.statementCount} statements unanswered`);
	});

	it('reviews per area, allows submitting with gaps, and submits once even when clicked twice', async () => {
		const { tokens, keys, org } = await round({ questions: ['demand_outlook'] });
		const c = client();
		await c.open(tokens[0]);
		const all = Object.fromEntries(keys.map((k, i) => [k, (i % 5) + 1]));
		delete all[keys[keys.length - 1]];
		expect((await c.json('/s/answers', { answers: all })).status).toBe(200);
		const review = await c.get('/s?p=review');
		expect(review.text).toContain('You have left 1 statement unanswered');
		expect(review.text).toContain('All 9 answered');
		expect(review.text).toContain('7 of 8 answered');
		expect(review.text).toContain('href="/s?p=9"');
		expect(review.text).toContain('0 of 1 answered');

		const clicks = await Promise.all([c.form('/s?/submit', []), c.form('/s?/submit', [])]);
		for (const r of clicks) {
			expect(r.status).toBe(303);
			expect(r.location).toBe('/s/thanks');
		}
		const thanks = await c.get('/s/thanks');
		expect(thanks.status).toBe(200);
		expect(thanks.text).toContain('Thank you!');
		const rows = await responsesOf(org.id);
		expect(rows).toHaveLength(1);
		expect(rows[0].answers.slice(-5)).toEqual(keys.slice(-5).map((k) => all[k] ?? null));
		expect(await draftOf(org.id)).toBeUndefined();
		// Saving after submitting is refused; the pages say it is done.
		expect((await c.json('/s/answers', { answers: { [keys[0]]: 1 } })).status).toBe(409);
		expect((await c.get('/s')).text).toContain('You have already answered this survey');
	});

	it('shows the invitation’s language first and switches language without losing answers', async () => {
		const { tokens, keys, org, pageOf } = await round({ language: 'sv' });
		const c = client();
		await c.open(tokens[0]);
		const sv = await c.get('/s');
		expect(sv.text).toContain('<html lang="sv">');
		expect(sv.text).toContain('Område 1 av 9');
		expect(sv.text).toContain('Så arbetar vi inte alls');
		const switched = await c.form('/s?/save&p=1', [
			['page', '1'],
			[`a_${keys[0]}`, '2'],
			['lang', 'en']
		]);
		expect(switched.location).toBe('/s?p=1');
		const en = await c.get(`/s?p=${pageOf(0, 0)}`);
		expect(en.text).toContain('<html lang="en">');
		expect(en.text).toContain(`Area ${pageOf(0, 0)} of 9`);
		expect(checked(en.text, `a_${keys[0]}`)).toBe('2');
		expect((await draftOf(org.id))!.answers[0]).toBe(2);
		// The switch on pages without answers returns to a survey page only.
		expect(
			(
				await c.form('/s?/language', [
					['lang', 'sv'],
					['back', 'https://evil.example/']
				])
			).location
		).toBe('/s');
	});
});

describe('refusing bad input', () => {
	it('refuses out-of-range and unknown answers, other rounds’ keys, unknown fields and huge bodies, storing nothing', async () => {
		const { tokens, keys, org } = await round({ questions: ['customer_time_share'] });
		const other = await round({ questions: ['one_change'] });
		const c = client();
		await c.open(tokens[0]);
		await c.json('/s/answers', { answers: { [keys[0]]: 3 } });
		const cases: unknown[] = [
			{ answers: { [keys[1]]: 6 } },
			{ answers: { [keys[1]]: -1 } },
			{ answers: { [keys[1]]: 2.5 } },
			{ answers: { [keys[1]]: '3' } },
			{ answers: { [keys[1]]: 4, territory_99: 3 } },
			{ answers: { ['__proto__']: 1 } },
			{ questions: { std_one_change: 'from another round' } },
			{ questions: { std_customer_time_share: 101 } },
			{ questions: { std_customer_time_share: { $gt: 1 } } },
			{ answers: {}, userId: 'me' },
			[1, 2, 3],
			'{"answers": {',
			JSON.stringify({ answers: { [keys[1]]: 4 }, pad: 'x'.repeat(300 * 1024) }),
			'{"answers":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5001)
		];
		for (const body of cases) {
			for (const path of ['/s/answers', '/api/v1/survey/submit']) {
				const r = await c.json(path, body, path.startsWith('/api') ? { authorization: `Bearer ${tokens[0]}` } : {});
				expect(r.status, `${path} ${JSON.stringify(body).slice(0, 60)}`).toBe(400);
				expect(r.data.error.code).toBe('validation_failed');
				expect(r.data.error.message.length).toBeGreaterThan(5);
			}
		}
		expect((await draftOf(org.id))!.answers.slice(0, 2)).toEqual([3, null]);
		expect(await responsesOf(org.id)).toEqual([]);
		expect(await draftOf(other.org.id)).toBeUndefined();

		// A tampered form is refused with a message, nothing saved.
		const form = await c.form('/s?/save&p=1', [
			['page', '1'],
			[`a_${keys[1]}`, '9'],
			['go', '2']
		]);
		expect(form.status).toBe(400);
		expect(form.text).toContain('could not be saved');
		expect((await draftOf(org.id))!.answers[1]).toBeNull();
		// "Not used in our team" (-1) only where the model offers it: model 1.0 offers it nowhere.
		const notOffered = await c.form('/s?/save&p=1', [
			['page', '1'],
			[`a_${keys[1]}`, '-1']
		]);
		expect(notOffered.status).toBe(400);
		expect(notOffered.text).toContain('does not offer it');
		expect((await draftOf(org.id))!.answers[1]).toBeNull();
	});

	it('refuses cross-site saves and form posts', async () => {
		const { tokens, keys, org } = await round();
		const c = client();
		await c.open(tokens[0]);
		const json = await c.json('/s/answers', { answers: { [keys[0]]: 3 } }, { origin: 'https://evil.example' });
		expect(json.status).toBe(403);
		const noOrigin = await raw('POST', '/s/answers', {
			headers: { cookie: c.cookie(), 'content-type': 'application/json' },
			body: JSON.stringify({ answers: { [keys[0]]: 3 } }),
			ip: c.ip
		});
		expect(noOrigin.status).toBe(403);
		const form = await c.form(
			'/s?/save&p=1',
			[
				['page', '1'],
				[`a_${keys[0]}`, '3']
			],
			'https://evil.example'
		);
		expect(form.status).toBe(403);
		const submit = await c.form('/s?/submit', [], 'https://evil.example');
		expect(submit.status).toBe(403);
		expect(await draftOf(org.id)).toBeUndefined();
		expect(await responsesOf(org.id)).toEqual([]);
	});
});

describe('POST /api/v1/survey/submit', () => {
	it('submits once under 20 parallel requests with the invitation token', async () => {
		const { tokens, keys, org } = await round();
		const c = client();
		const body = { answers: { [keys[0]]: 5, [keys[1]]: 4 } };
		const api = submitter(c, tokens[2]);
		const results = await Promise.all(Array.from({ length: 20 }, () => api.POST('/survey/submit', { body })));
		for (const r of results) {
			expect(r.response.status).toBe(200);
			expect(r.data!.submitted).toBe(true);
		}
		expect(results.filter((r) => r.data!.alreadySubmitted === false)).toHaveLength(1);
		const rows = await responsesOf(org.id);
		expect(rows).toHaveLength(1);
		expect(rows[0].answers.slice(0, 3)).toEqual([5, 4, null]);
		const invitations = await db().selectFrom('invitations').select('completed').where('organization_id', '=', org.id).execute();
		expect(invitations.filter((i) => i.completed)).toHaveLength(1);
	});

	it('merges the body over the saved draft and answers 401, 404 and 409 as documented', async () => {
		const { tokens, keys, org, admin, round: r } = await round();
		const c = client();
		await c.open(tokens[0]);
		await c.json('/s/answers', { answers: { [keys[0]]: 2 } });
		const api = (token: string, body: { answers?: unknown } = {}) => submitter(c, token).POST('/survey/submit', { body });
		const none = await raw('POST', '/api/v1/survey/submit', { headers: { 'content-type': 'application/json' }, body: '{}', ip: c.ip });
		expect(none.status).toBe(401);
		expect((await api('x'.repeat(32))).response.status).toBe(404);
		expect((await api('a'.repeat(32))).response.status).toBe(404);

		const ok = await api(tokens[0], { answers: { [keys[1]]: 3 } });
		expect(ok.response.status).toBe(200);
		expect(ok.data).toEqual({ submitted: true, alreadySubmitted: false });
		expect((await responsesOf(org.id))[0].answers.slice(0, 3)).toEqual([2, 3, null]);
		expect((await api(tokens[0])).data).toEqual({ submitted: true, alreadySubmitted: true });

		await closeRoundEarly({ organizationId: org.id, actor: admin, roundId: r.id });
		const closed = await api(tokens[1]);
		expect(closed.response.status).toBe(409);
		expect(closed.error!.error.code).toBe('survey_closed');
		expect(await responsesOf(org.id)).toHaveLength(1);
	});
	it('takes a complete body in one go and keeps the company answers saved in the draft', async () => {
		const { tokens, keys, org, round: r } = await round({ questions: ['demand_outlook'] });
		const c = client();
		await c.open(tokens[0]);
		await c.json('/s/answers', { answers: { [keys[0]]: 1 }, questions: { std_demand_outlook: 4 } });
		const all = Object.fromEntries(keys.map((k, i) => [k, (i % 5) + 1]));
		const res = await submitter(c, tokens[0]).POST('/survey/submit', { body: { answers: all } });
		expect(res.data).toEqual({ submitted: true, alreadySubmitted: false });
		const [row] = await responsesOf(org.id);
		expect(row.answers).toEqual(keys.map((_, i) => (i % 5) + 1));
		expect(row.question_answers).toEqual({ std_demand_outlook: 4 });
		expect(row.area_scores).toHaveLength(9);
		expect(await db().selectFrom('drafts').select('invitation_id').where('organization_id', '=', org.id).where('round_id', '=', r.id).execute()).toEqual([]);
	});
});
