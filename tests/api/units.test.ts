import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$lib/server/testing/fixtures';
import { call, sessionCookie } from '../support/http';

describe('/api/v1/units', () => {
	it('answers 401 without a session or token', async () => {
		const r = await call('GET', '/api/v1/units');
		expect(r.status).toBe(401);
		expect(r.data.error.code).toBe('unauthenticated');
	});

	it('lets an admin create and list units; a viewer gets 403', async () => {
		const org = await createTestOrganization();
		const admin = await sessionCookie(await createTestActor(org.id, 'admin'));
		const created = await call('POST', '/api/v1/units', { cookie: admin, json: { name: 'North' } });
		expect(created.status).toBe(201);
		expect(created.data).toMatchObject({ name: 'North', parentId: null });
		const list = await call('GET', '/api/v1/units', { cookie: admin });
		expect(list.data.units.map((u: { name: string }) => u.name)).toEqual(['North']);
		const viewer = await sessionCookie(await createTestActor(org.id, 'viewer'));
		expect((await call('GET', '/api/v1/units', { cookie: viewer })).status).toBe(403);
	});
});
