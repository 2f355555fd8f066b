import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { baseUrl } from '../support/http';
import { apiClient } from '../support/api-client';
import { emailsTo, linkIn, waitForEmail } from '../support/mailbox';
import { auditActions, freshIp, getPage, memberWithPassword, normalizePage, postForm, raw, sessionFrom, startExtraServer } from './helpers';

const SENT = 'If that address belongs to an account, a sign-in link is on its way.';
const INVALID = 'This link is invalid or has expired';

/** The path of an emailed link (the link itself names the server's origin). */
const pathOf = (link: string) => new URL(link).pathname;

describe('sign-in by email link', () => {
	it('emails a link; opening it shows a confirm page; confirming signs in; the link works once', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'viewer');
		const asked = await postForm('/signin/link', { email: m.email.toUpperCase() });
		expect(asked.status).toBe(200);
		expect(asked.text).toContain(SENT);
		const mail = await waitForEmail(m.email);
		expect(mail.html).toContain(linkIn(mail));
		const path = pathOf(linkIn(mail));

		// Opening the link (as a mail scanner would, too) does not use it up.
		for (let i = 0; i < 2; i++) {
			const page = await getPage(path);
			expect(page.status).toBe(200);
			expect(page.text).toMatch(/<form method="POST"/);
			expect(page.text).not.toContain(INVALID);
			expect(sessionFrom(page)).toBeNull();
		}
		const confirmed = await postForm(path, {});
		expect(confirmed.status).toBe(303);
		expect(confirmed.location).toBe('/');
		const cookie = sessionFrom(confirmed)!;
		expect(cookie).toBeTruthy();
		expect((await getPage('/', { cookie })).location).toBe('/app');
		expect((await auditActions(org.id)).find((e) => e.action === 'sign_in')?.details).toEqual({ method: 'email_link' });

		const again = await postForm(path, {});
		expect(again.status).toBe(400);
		expect(again.text).toContain(INVALID);
		expect(sessionFrom(again)).toBeNull();
		expect((await getPage(path)).text).toContain(INVALID);
	});

	it('gives unknown and known addresses (a participant too) the same answer, and sends the unknown nothing', async () => {
		const org = await createTestOrganization();
		const known = await createTestActor(org.id, 'admin');
		const participant = await createTestActor(org.id, 'participant');
		const unknown = uniqueEmail('ghost');
		const answers = [];
		for (const email of [unknown, participant.email, known.email]) {
			const r = await postForm('/signin/link', { email });
			expect(r.status).toBe(200);
			answers.push(normalizePage(r.text).replaceAll(email, 'EMAIL'));
		}
		expect(answers[0]).toBe(answers[2]);
		expect(answers[1]).toBe(answers[2]);
		// The known address's mail was sent after the others were handled; they got none.
		await waitForEmail(known.email);
		expect(emailsTo(unknown)).toEqual([]);
		// A participant signs in to their home and their own KPI figures.
		await waitForEmail(participant.email);
	});

	it('refuses made-up, malformed and password-reset tokens alike', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		await postForm('/forgot', { email: m.email });
		const resetPath = pathOf(linkIn(await waitForEmail(m.email)));
		const token = resetPath.split('/').pop()!;
		for (const path of [
			`/signin/link/${token}`,
			'/signin/link/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
			"/signin/link/'%20OR%201=1--",
			`/signin/link/${'a'.repeat(2000)}`
		]) {
			const page = await getPage(path);
			expect(page.status, path.slice(0, 60)).toBe(200);
			expect(page.text).toContain(INVALID);
			const post = await postForm(path, {});
			expect(post.status, path.slice(0, 60)).toBe(400);
			expect(sessionFrom(post)).toBeNull();
		}
		// The reset token was not used up by being tried as a sign-in link.
		expect((await getPage(resetPath)).text).not.toContain(INVALID);
	});

	it('rate-limits link requests per address (429 on the 6th within 15 minutes)', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		for (let i = 1; i <= 5; i++) expect((await postForm('/signin/link', { email: m.email })).status, `request ${i}`).toBe(200);
		const sixth = await postForm('/signin/link', { email: m.email });
		expect(sixth.status).toBe(429);
		expect(sixth.text).toContain('Too many attempts');
		await waitForEmail(m.email, 5);
		expect(emailsTo(m.email)).toHaveLength(5);
	});

	it('answers bad addresses with a 400 page, never a 5xx', async () => {
		for (const email of ['', 'no-at-sign', 'x'.repeat(260) + '@example.test', 'a\u0000b@example.test', 'line\nbreak@example.test']) {
			for (const path of ['/signin/link', '/forgot']) {
				const r = await postForm(path, { email });
				expect(r.status, `${path} ${JSON.stringify(email.slice(0, 20))}`).toBe(400);
			}
		}
	});
});

describe('password reset', () => {
	it('sets a new password from the emailed link, ends old sessions, and the link works once', async () => {
		const org = await createTestOrganization();
		const m = await memberWithPassword(org.id, 'admin', 'the old password');
		const old = sessionFrom(await postForm('/signin', { email: m.email, password: 'the old password' }))!;
		expect((await apiClient(baseUrl(), { cookie: old }).GET('/units')).response.status).toBe(200);

		const asked = await postForm('/forgot', { email: m.email });
		expect(asked.status).toBe(200);
		const mail = await waitForEmail(m.email);
		expect(mail.text).toContain('/reset/');
		const path = pathOf(linkIn(mail));
		const form = await getPage(path);
		expect(form.status).toBe(200);
		expect(form.text).toContain('name="password"');

		const mismatch = await postForm(path, { password: 'the new password!', confirm: 'something else' });
		expect(mismatch.status).toBe(400);
		const short = await postForm(path, { password: 'short', confirm: 'short' });
		expect(short.status).toBe(400);
		const done = await postForm(path, { password: 'the new password!', confirm: 'the new password!' });
		expect(done.status).toBe(303);
		expect(done.location).toBe('/signin?password-set');

		expect((await apiClient(baseUrl(), { cookie: old }).GET('/units')).response.status).toBe(401);
		expect((await postForm('/signin', { email: m.email, password: 'the old password' })).status).toBe(400);
		const fresh = await postForm('/signin', { email: m.email, password: 'the new password!' });
		expect(fresh.status).toBe(303);
		expect((await apiClient(baseUrl(), { cookie: sessionFrom(fresh)! }).GET('/units')).response.status).toBe(200);
		expect((await auditActions(org.id)).map((e) => e.action)).toContain('password_reset');

		const reuse = await postForm(path, { password: 'a third password', confirm: 'a third password' });
		expect(reuse.status).toBe(400);
		expect(reuse.text).toContain(INVALID);
		expect((await postForm('/signin', { email: m.email, password: 'a third password' })).status).toBe(400);
	});

	it('gives an account without a password its first one (e.g. a newly added viewer)', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'viewer');
		await postForm('/forgot', { email: m.email });
		const path = pathOf(linkIn(await waitForEmail(m.email)));
		expect((await postForm(path, { password: 'my first password', confirm: 'my first password' })).status).toBe(303);
		expect((await postForm('/signin', { email: m.email, password: 'my first password' })).status).toBe(303);
	});

	it('gives unknown addresses the same answer and sends nothing', async () => {
		const unknown = uniqueEmail('ghost');
		const r = await postForm('/forgot', { email: unknown });
		expect(r.status).toBe(200);
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		const known = await postForm('/forgot', { email: m.email });
		expect(normalizePage(known.text).replaceAll(m.email, 'EMAIL')).toBe(normalizePage(r.text).replaceAll(unknown, 'EMAIL'));
		await waitForEmail(m.email);
		expect(emailsTo(unknown)).toEqual([]);
		expect(await db().selectFrom('accounts').select('id').where('email', '=', unknown).execute()).toEqual([]);
	});

	it('with ORIGIN configured, builds the emailed link from it, whatever Host the request names', async () => {
		// Without ORIGIN the Node adapter takes the origin from the Host header, so a forged Host would
		// put the attacker's host into the reset link ("password reset poisoning"). ORIGIN must be set
		// wherever the server is reachable by anyone but its owner.
		const origin = 'https://sos.example.test';
		const server = await startExtraServer({ ORIGIN: origin });
		try {
			const org = await createTestOrganization();
			const m = await createTestActor(org.id, 'admin');
			const url = new URL(server.url);
			const r = await raw('POST', '/forgot', {
				headers: { host: 'evil.example', origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: new URLSearchParams({ email: m.email }).toString(),
				port: url.port
			});
			expect(r.status).toBe(200);
			const link = linkIn(await waitForEmail(m.email));
			expect(new URL(link).origin).toBe(origin);
		} finally {
			await server.stop();
		}
	});

	it('without ORIGIN, still builds the emailed link from the printed address, not from a forged Host', async () => {
		const org = await createTestOrganization();
		const m = await createTestActor(org.id, 'admin');
		const r = await raw('POST', '/forgot', {
			headers: { host: 'evil.example', origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ email: m.email }).toString(),
			ip: freshIp()
		});
		expect(r.status).toBe(200);
		const link = linkIn(await waitForEmail(m.email));
		expect(new URL(link).origin).toBe(new URL(baseUrl()).origin);
	});
});
