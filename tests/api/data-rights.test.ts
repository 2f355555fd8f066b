import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { db } from '$lib/server/db';
import { createTestActor, uniqueEmail } from '$tests/fixtures';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { createSession } from '$lib/server/auth/sessions';
import { baseUrl, call, sessionCookie } from '../support/http';
import { getPage, orgWithAdmin, postForm } from './helpers';

describe('the customer’s data rights over HTTP', () => {
	it('POST /users/{id}/erasure erases a person who then cannot sign in, and names them nowhere in the answer', async () => {
		const { org, admin, cookie } = await orgWithAdmin();
		const person = await createTestActor(org.id, 'viewer');
		const personCookie = await sessionCookie(person, 'a long enough password 1');
		expect((await call('GET', '/api/v1/results', { cookie: personCookie })).status).toBe(200);

		const wrong = await call('POST', `/api/v1/users/${person.membership!.userId}/erasure`, { cookie, json: { confirmEmail: 'not-them@example.test' } });
		expect(wrong.status).toBe(400);
		expect(wrong.data.error.details[0].path).toBe('confirmEmail');

		const r = await call('POST', `/api/v1/users/${person.membership!.userId}/erasure`, { cookie, json: { confirmEmail: person.email } });
		expect(r.status).toBe(200);
		expect(r.data.pseudonym).toMatch(/^Erased person [0-9a-f]{8}$/);
		expect(JSON.stringify(r.data)).not.toContain(person.email);
		// Their session is gone with their account, and the person is no longer there.
		expect((await call('GET', '/api/v1/results', { cookie: personCookie })).status).toBe(401);
		expect((await call('GET', `/api/v1/users/${person.membership!.userId}`, { cookie })).status).toBe(404);
		expect(await db().selectFrom('accounts').select('id').where('email', '=', person.email).executeTakeFirst()).toBeUndefined();
		// A viewer may not erase anyone; another organization's admin gets 404.
		const viewer = await sessionCookie(await createTestActor(org.id, 'viewer'));
		expect((await call('POST', `/api/v1/users/${admin.membership!.userId}/erasure`, { cookie: viewer, json: { confirmEmail: admin.email } })).status).toBe(403);
		const other = await orgWithAdmin();
		expect(
			(await call('POST', `/api/v1/users/${admin.membership!.userId}/erasure`, { cookie: other.cookie, json: { confirmEmail: admin.email } })).status
		).toBe(404);
	});

	it('GET /organization/export answers a zip to an admin’s token, 403 to a viewer', async () => {
		const { org, admin } = await orgWithAdmin();
		const token = await createApiToken({ organizationId: org.id, actor: admin, input: { name: 'export' } });
		const res = await fetch(`${baseUrl()}/api/v1/organization/export`, { headers: { authorization: `Bearer ${token.secret}` } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/zip');
		expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="sos-test-org-[a-z0-9-]+-data-\d{4}-\d{2}-\d{2}\.zip"/);
		const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
		expect(await zip.file('people.csv')!.async('string')).toContain(admin.email);
		const viewer = await sessionCookie(await createTestActor(org.id, 'viewer'));
		expect((await call('GET', '/api/v1/organization/export', { cookie: viewer })).status).toBe(403);
	});

	it('GET and PUT /organization/retention; 400 for a value out of range', async () => {
		const { cookie } = await orgWithAdmin();
		expect((await call('GET', '/api/v1/organization/retention', { cookie })).data).toEqual({ auditMonths: 36, invitationMonths: 12 });
		const bad = await call('PUT', '/api/v1/organization/retention', { cookie, json: { auditMonths: 0, invitationMonths: 12 } });
		expect(bad.status).toBe(400);
		const ok = await call('PUT', '/api/v1/organization/retention', { cookie, json: { auditMonths: 24, invitationMonths: 6 } });
		expect(ok.status).toBe(200);
		expect(ok.data).toEqual({ auditMonths: 24, invitationMonths: 6 });
	});

	it('the admin’s pages: the data page saves retention and downloads the zip; the person’s page deactivates and erases', async () => {
		const { org, admin, cookie } = await orgWithAdmin();
		const page = await getPage('/app/settings/data', { cookie });
		expect(page.status).toBe(200);
		const saved = await postForm('/app/settings/data?/retention', { auditMonths: '48', invitationMonths: '3' }, { cookie });
		expect(saved.status).toBe(200);
		expect((await call('GET', '/api/v1/organization/retention', { cookie })).data).toEqual({ auditMonths: 48, invitationMonths: 3 });
		const zip = await getPage('/app/settings/data/export.zip', { cookie });
		expect(zip.status).toBe(200);
		expect(zip.headers['content-type']).toBe('application/zip');

		// Deactivating by hand, and back; the last admin keeps their access.
		const other = await db()
			.insertInto('users')
			.values({ organization_id: org.id, name: 'Dag Deact', email: uniqueEmail('deact') })
			.returning('id')
			.executeTakeFirstOrThrow();
		const deactivatedAt = async () =>
			(await db().selectFrom('users').select('deactivated_at').where('organization_id', '=', org.id).where('id', '=', other.id).executeTakeFirstOrThrow())
				.deactivated_at;
		expect((await postForm(`/app/users/${other.id}?/active`, { active: 'false' }, { cookie })).status).toBe(200);
		expect(await deactivatedAt()).not.toBeNull();
		expect((await postForm(`/app/users/${other.id}?/active`, { active: 'true' }, { cookie })).status).toBe(200);
		expect(await deactivatedAt()).toBeNull();
		expect((await postForm(`/app/users/${admin.membership!.userId}?/active`, { active: 'false' }, { cookie })).status).toBe(409);

		const email = uniqueEmail('erase');
		const person = await db().insertInto('users').values({ organization_id: org.id, name: 'Ebba Erase', email }).returning('id').executeTakeFirstOrThrow();
		const erased = await postForm(`/app/users/${person.id}?/erase`, { confirmEmail: email }, { cookie });
		expect(erased.status).toBe(303);
		expect(erased.location).toBe('/app/users?done=erased');
		expect(await db().selectFrom('users').select('id').where('organization_id', '=', org.id).where('email', '=', email).executeTakeFirst()).toBeUndefined();
	});

	it('the operator requests an organization’s deletion on its page (its admins see the date) and cancels it; an admin cannot', async () => {
		const { org, cookie } = await orgWithAdmin();
		const acc = await db()
			.insertInto('accounts')
			.values({ email: uniqueEmail('operator'), is_operator: true })
			.returning('id')
			.executeTakeFirstOrThrow();
		const operator = `sos_session=${(await createSession({ accountId: acc.id, organizationId: null })).token}`;
		const page = `/operator/organizations/${org.id}/deletion`;
		expect((await getPage(page, { cookie })).status).toBe(403);
		expect((await getPage(page, { cookie: operator })).status).toBe(200);
		const wrong = await postForm(`${page}?/request`, { confirmName: 'Not the name' }, { cookie: operator });
		expect(wrong.status).toBe(400);
		const requested = await postForm(`${page}?/request`, { confirmName: org.name }, { cookie: operator });
		expect(requested.status).toBe(200);
		const due = await db().selectFrom('organizations').select('deletion_due_at').where('id', '=', org.id).executeTakeFirstOrThrow();
		expect(due.deletion_due_at).not.toBeNull();
		const adminPage = await getPage('/app/settings/data', { cookie });
		expect(adminPage.text).toContain('will be deleted on');
		const cancelled = await postForm(`${page}?/cancel`, {}, { cookie: operator });
		expect(cancelled.status).toBe(303);
		const after = await db().selectFrom('organizations').select('deletion_due_at').where('id', '=', org.id).executeTakeFirstOrThrow();
		expect(after.deletion_due_at).toBeNull();
	});
});
