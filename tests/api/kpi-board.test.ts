import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, createTestTeam } from '$tests/fixtures';
import { installStarterKpis } from '$lib/server/kpis/definitions';
import { upsertKpiValues } from '$lib/server/kpis/values';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';

/** The alarm board through the API: a region with two teams, order intake for January to March 2026. */
let region: string;
let teams: { id: string; emails: string[] }[];
let admin: string;
let manager: string;
let salesPerson: string;
let stranger: string;

beforeAll(async () => {
	const org = await createTestOrganization();
	const actor = await createTestActor(org.id, 'admin');
	await installStarterKpis({ organizationId: org.id, actor });
	region = (await db().insertInto('units').values({ organization_id: org.id, name: 'North' }).returning('id').executeTakeFirstOrThrow()).id;
	teams = [await createTestTeam(org.id, 2, { name: 'Team A' }), await createTestTeam(org.id, 1, { name: 'Team B' })];
	await db()
		.updateTable('units')
		.set({ parent_id: region })
		.where('organization_id', '=', org.id)
		.where(
			'id',
			'in',
			teams.map((t) => t.id)
		)
		.execute();
	const values = ['2026-01', '2026-02', '2026-03'].flatMap((month, i) => [
		{ kpi: 'sales', person: teams[0].emails[0], month, plan: '1000', actual: ['1000', '950', '880'][i] },
		{ kpi: 'sales', person: teams[0].emails[1], month, plan: '1000', actual: '1000' },
		{ kpi: 'sales', unit: teams[1].id, month, plan: '500', actual: '400' }
	]);
	await upsertKpiValues({ organizationId: org.id, actor, source: 'api', input: { values } });
	admin = await sessionCookie(actor);
	manager = await sessionCookie(await createTestActor(org.id, 'viewer', teams[0].id));
	// Participants cannot sign in (auth/memberships.ts): a sales person signs in as a viewer scoped to no unit.
	const person = await createTestActor(org.id, 'viewer');
	await db().updateTable('users').set({ unit_id: teams[0].id }).where('organization_id', '=', org.id).where('id', '=', person.membership!.userId).execute();
	salesPerson = await sessionCookie(person);
	const other = await createTestOrganization();
	stranger = await sessionCookie(await createTestActor(other.id, 'admin'));
});

const board = (cookie: string, query: { unit?: string; month?: string }) => apiClient(baseUrl(), { cookie }).GET('/kpis/board', { params: { query } });
const sales = (row: { cells: { kpi: string }[] }) =>
	row.cells.find((c) => c.kpi === 'sales') as unknown as { actual: string; month: { status: string }; ytd: { status: string; deviationPct: string } };

describe('GET /api/v1/kpis/board', () => {
	it('gives an admin the region’s teams with the month, year to date and pace, as exact decimals', async () => {
		const r = await board(admin, { unit: region, month: '2026-03' });
		expect(r.response.status).toBe(200);
		const out = r.data!;
		expect(out.month).toBe('2026-03');
		expect(out.zone).toBe('Europe/Stockholm');
		expect(out.rows.map((x) => [x.kind, x.name, x.drill])).toEqual([
			['unit', 'Team A', true],
			['unit', 'Team B', true]
		]);
		// Team A in March: 1 880 of 2 000 (−6 %, inside 10 %: on plan); YTD 5 830 of 6 000 (−2.83…%: on plan).
		expect(sales(out.rows[0])).toMatchObject({ actual: '1880', month: { status: 'ok' }, ytd: { status: 'ok', deviationPct: '-2.833333' } });
		// Team B: 400 of 500 is −20 %: red; the region's YTD 7 030 of 7 500 is −6.27 %: amber.
		expect(sales(out.rows[1]).month.status).toBe('red');
		expect(sales(out.total).ytd).toMatchObject({ status: 'amber', deviationPct: '-6.266667' });
		const top = await board(admin, { unit: 'organization', month: '2026-03' });
		expect(top.data!.unit).toBeNull();
		expect(sales(top.data!.total).actual).toBe('2280');
	});

	it('gives a sales person their team’s total and their own figures, and a manager their team, else 404', async () => {
		const mine = (await board(salesPerson, { month: '2026-03' })).data!;
		expect(mine.unit?.name).toBe('Team A');
		expect(mine.rows.map((x) => x.kind)).toEqual(['person']);
		expect(sales(mine.total).actual).toBe('1880');
		const team = (await board(manager, { month: '2026-03' })).data!;
		expect(team.rows.map((x) => x.name)).toEqual(['P0', 'P1', 'Test viewer']);
		for (const [cookie, unit] of [
			[salesPerson, region],
			[manager, teams[1].id],
			[manager, 'organization'],
			[stranger, region]
		]) {
			const r = await call('GET', `/api/v1/kpis/board?unit=${unit}`, { cookie });
			expect(r.status, unit).toBe(404);
			expect(r.data.error.code).toBe('not_found');
		}
	});

	it('refuses a month that is not one with a clear error', async () => {
		const r = await call('GET', `/api/v1/kpis/board?month=2026-3`, { cookie: admin });
		expect(r.status).toBe(400);
		expect(r.data.error.message).toMatch(/A month like 2026-03/);
	});
});
