import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { installStarterKpis } from '$lib/server/kpis/definitions';
import { upsertKpiValues } from '$lib/server/kpis/values';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { call, sessionCookie } from '../support/http';

/**
 * A participant (a sales person without viewer access) signs in to their home, their own KPI figures
 * and their team's total, and their settings; every other page and the whole API are not there for them.
 */
describe('a signed-in participant', () => {
	it('sees their home, their own figures and their team total, and nothing else', async () => {
		const org = await createTestOrganization();
		const team = (await db().insertInto('units').values({ organization_id: org.id, name: 'Team North' }).returning('id').executeTakeFirstOrThrow()).id;
		const admin = await createTestActor(org.id, 'admin');
		const me = await createTestActor(org.id, 'participant');
		const colleague = await createTestActor(org.id, 'participant');
		await db().updateTable('users').set({ unit_id: team, name: 'Colleague Unseen' }).where('id', '=', colleague.membership!.userId).execute();
		await db().updateTable('users').set({ unit_id: team }).where('id', '=', me.membership!.userId).execute();
		await installStarterKpis({ organizationId: org.id, actor: admin });
		const values = [
			{ kpi: 'customer_meetings', person: me.email, month: '2026-03', plan: '40', actual: '31' },
			{ kpi: 'customer_meetings', person: colleague.email, month: '2026-03', plan: '40', actual: '27' }
		];
		await upsertKpiValues({ organizationId: org.id, actor: admin, source: 'api', input: { values } });
		const cookie = await sessionCookie(me);

		for (const path of ['/app', '/app/settings']) expect((await call('GET', path, { cookie })).status, path).toBe(200);
		const board = await call('GET', `/app/kpis?unit=${team}&month=2026-03`, { cookie });
		expect(board.status).toBe(200);
		expect(String(board.data)).toContain('31'); // their own actual
		expect(String(board.data)).toContain('58'); // the team's total
		expect(String(board.data)).not.toContain('Colleague Unseen');

		for (const path of ['/app/results', '/app/actions', '/app/kpis/review', '/app/kpis/values', '/app/kpis/agenda', '/app/users', '/app/rounds', '/app/audit'])
			expect((await call('GET', path, { cookie })).status, path).toBe(404);
		for (const path of ['/api/v1/kpis/board', '/api/v1/kpis/values?month=2026-03', '/api/v1/results', '/api/v1/decisions']) {
			const r = await call('GET', path, { cookie });
			expect(r.status, path).toBe(404);
			expect(r.data?.error?.code, path).toBe('not_found');
		}
		// Not a form either: the board's one action (the starter set) is for admins.
		expect((await call('POST', '/app/kpis/review?/close', { cookie, body: new URLSearchParams({}) })).status).toBe(404);
	});
});
