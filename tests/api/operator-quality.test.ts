import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createSession } from '$lib/server/auth/sessions';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { sessionCookie } from '../support/http';
import { getPage } from './helpers';

async function operatorCookie() {
	const acc = await db()
		.insertInto('accounts')
		.values({ email: uniqueEmail('operator'), is_operator: true })
		.returning('id')
		.executeTakeFirstOrThrow();
	return `sos_session=${(await createSession({ accountId: acc.id, organizationId: null })).token}`;
}

describe('the operator’s model-quality page', () => {
	it('is the operator’s only: signed out to sign-in, an admin and a viewer 403', async () => {
		expect((await getPage('/operator/quality')).status).toBe(303);
		const org = await createTestOrganization();
		for (const access of ['admin', 'viewer'] as const) {
			const cookie = await sessionCookie(await createTestActor(org.id, access));
			expect((await getPage('/operator/quality?model=sos@1.0', { cookie })).status).toBe(403);
		}
	});

	it('shows the chosen model version, and refuses an unknown or malformed one', async () => {
		const cookie = await operatorCookie();
		const page = await getPage('/operator/quality?model=sos@1.0&population=demo', { cookie });
		expect(page.status).toBe(200);
		expect(page.text).toContain('Model quality');
		expect(page.text).toContain('href="/operator/quality"');
		expect((await getPage('/operator/quality?model=sos@9.9', { cookie })).status).toBe(404);
		expect((await getPage('/operator/quality?model=%27%3B--', { cookie })).status).toBe(400);
		expect((await getPage('/operator/quality?model=sos@1.0&population=all', { cookie })).status).toBe(400);
	});
});
