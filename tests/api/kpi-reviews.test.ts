import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { db } from '$lib/server/db';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { createTestActor, createTestOrganization, createTestTeam } from '$tests/fixtures';
import { installStarterKpis } from '$lib/server/kpis/definitions';
import { upsertKpiValues } from '$lib/server/kpis/values';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient, type ApiClient } from '../support/api-client';

/**
 * Alarms, monthly reviews, corrections, the executives' agenda and the board's exports through the API:
 * a region North with Team A (two people, on plan) and Team B (400 of 500: red), and a unit whose name is
 * a spreadsheet formula.
 */
const HOSTILE = '=HYPERLINK("http://evil.example","click")';
let crm: ApiClient;
let admin: string;
let manager: ApiClient;
let hostileManager: string;
let stranger: ApiClient;
let region: string;
let teamA: string;
let teamB: string;

beforeAll(async () => {
	const org = await createTestOrganization();
	const actor = await createTestActor(org.id, 'admin');
	await installStarterKpis({ organizationId: org.id, actor });
	const unit = async (name: string, parent: string | null = null) =>
		(await db().insertInto('units').values({ organization_id: org.id, name, parent_id: parent }).returning('id').executeTakeFirstOrThrow()).id;
	region = await unit('North');
	const a = await createTestTeam(org.id, 2, { name: 'Team A' });
	const b = await createTestTeam(org.id, 1, { name: 'Team B' });
	[teamA, teamB] = [a.id, b.id];
	const hostile = await unit(HOSTILE, region);
	await db().updateTable('units').set({ parent_id: region }).where('organization_id', '=', org.id).where('id', 'in', [teamA, teamB]).execute();
	const values = ['2026-01', '2026-02', '2026-03'].flatMap((month, i) => [
		{ kpi: 'sales', person: a.emails[0], month, plan: '1000', actual: ['1000', '950', '880'][i] },
		{ kpi: 'sales', person: a.emails[1], month, plan: '1000', actual: '1000' },
		{ kpi: 'sales', unit: teamB, month, plan: '500', actual: '400' },
		{ kpi: 'sales', unit: hostile, month, plan: '100', actual: '-50.5' }
	]);
	await upsertKpiValues({ organizationId: org.id, actor, source: 'api', input: { values } });
	crm = apiClient(baseUrl(), (await createApiToken({ organizationId: org.id, actor, input: { name: 'CRM' } })).secret);
	admin = await sessionCookie(actor);
	manager = apiClient(baseUrl(), { cookie: await sessionCookie(await createTestActor(org.id, 'viewer', teamA)) });
	hostileManager = await sessionCookie(await createTestActor(org.id, 'viewer', hostile));
	stranger = apiClient(baseUrl(), { cookie: await sessionCookie(await createTestActor((await createTestOrganization()).id, 'admin')) });
});

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
const errorOf = (r: { error?: unknown }) => (r.error as ErrorBody).error;

describe('GET /api/v1/kpis/alarms', () => {
	it('lists exactly the red and amber checks of the board, with the board’s figures', async () => {
		const query = { unit: region, month: '2026-03' };
		const board = (await crm.GET('/kpis/board', { params: { query } })).data!;
		const alarms = (await crm.GET('/kpis/alarms', { params: { query } })).data!;
		expect(alarms.month).toBe('2026-03');
		expect(alarms.unit).toEqual({ id: region, name: 'North' });
		const expected = [board.total, ...board.rows].flatMap((row) =>
			row.cells.flatMap((cell) =>
				(['month', 'ytd', 'runRate'] as const)
					.filter((m) => cell[m]?.status === 'red' || cell[m]?.status === 'amber')
					.map((m) => ({
						kpi: cell.kpi,
						row: { kind: row.kind, id: row.id, name: row.name },
						measure: m,
						level: cell[m]!.status,
						plan: cell[m]!.plan,
						actual: cell[m]!.actual,
						deviationPct: cell[m]!.deviationPct
					}))
			)
		);
		expect(alarms.alarms).toEqual(expected);
		expect(alarms.alarms).toContainEqual({
			kpi: 'sales',
			row: { kind: 'unit', id: teamB, name: 'Team B' },
			measure: 'month',
			level: 'red',
			plan: '500',
			actual: '400',
			deviationPct: '-20'
		});
		expect(alarms.alarms.some((a) => a.row.id === teamA && a.measure === 'month')).toBe(false);
	});

	it('is 404 for a unit outside a manager’s subtree and for another organization', async () => {
		for (const [client, unit] of [
			[manager, teamB],
			[manager, 'organization'],
			[stranger, region]
		] as const) {
			const r = await client.GET('/kpis/alarms', { params: { query: { unit } } });
			expect(r.response.status, unit).toBe(404);
		}
	});
});

describe('monthly reviews through the API', () => {
	let reviewId: string;

	it('opens a review once: the same unit and month answer the same review', async () => {
		const first = await crm.POST('/kpis/reviews', { body: { unitId: teamB, month: '2026-03' } });
		expect(first.response.status).toBe(200);
		expect(first.data).toMatchObject({ unit: { id: teamB, name: 'Team B' }, month: '2026-03', status: 'open', corrections: [], correctionCount: 0 });
		reviewId = first.data!.id;
		const again = await crm.POST('/kpis/reviews', { body: { unitId: teamB, month: '2026-03' } });
		expect(again.data!.id).toBe(reviewId);
		expect((await crm.GET('/kpis/reviews', { params: { query: { unit: teamB } } })).data!.reviews.map((r) => r.id)).toEqual([reviewId]);
	});

	it('records corrections with their check dates, lists them, and closes the review with its minutes', async () => {
		const correction = {
			kpi: 'sales',
			alarmMonth: '2026-03',
			correction: 'joint_visits' as const,
			title: 'Joint visits on the top deals',
			expectedEffect: 'Back on plan by May',
			checkOn: '2026-01-15',
			passedDown: 'Book a joint visit on your two largest deals.'
		};
		const r = await crm.POST('/kpis/reviews/{id}/corrections', { params: { path: { id: reviewId } }, body: correction });
		expect(r.response.status).toBe(201);
		expect(r.data).toMatchObject({ ...correction, reviewId, unit: { id: teamB, name: 'Team B' }, owner: null, due: true });
		await crm.POST('/kpis/reviews/{id}/corrections', {
			params: { path: { id: reviewId } },
			body: { ...correction, correction: 'campaign', title: 'A short campaign', checkOn: '2099-06-30', asAction: true }
		});
		const detail = (await crm.GET('/kpis/reviews/{id}', { params: { path: { id: reviewId } } })).data!;
		expect(detail.correctionCount).toBe(2);
		expect(detail.corrections.map((c) => [c.correction, c.due])).toEqual([
			['joint_visits', true],
			['campaign', false]
		]);
		const listed = (await crm.GET('/kpis/corrections', { params: { query: { unit: teamB, from: '2026-03', to: '2026-03' } } })).data!.corrections;
		expect(listed.map((c) => c.title)).toEqual(['Joint visits on the top deals', 'A short campaign']);
		expect((await crm.GET('/kpis/corrections', { params: { query: { from: '2026-04' } } })).data!.corrections).toEqual([]);

		const closed = await crm.POST('/kpis/reviews/{id}/close', {
			params: { path: { id: reviewId } },
			body: { minutes: 'Team B red on sales; two corrections.' }
		});
		expect(closed.data).toMatchObject({ status: 'closed', minutes: 'Team B red on sales; two corrections.', closedBy: 'API token “CRM”' });
		expect((await crm.POST('/kpis/reviews/{id}/close', { params: { path: { id: reviewId } }, body: {} })).response.status).toBe(409);
		const late = await crm.POST('/kpis/reviews/{id}/corrections', { params: { path: { id: reviewId } }, body: correction });
		expect(late.response.status).toBe(409);
		const reviews = (await crm.GET('/kpis/reviews', { params: { query: { from: '2026-01', to: '2026-03' } } })).data!.reviews;
		expect(reviews.find((x) => x.id === reviewId)).toMatchObject({ status: 'closed', correctionCount: 2 });
	});

	it('names each wrong field', async () => {
		const open = await crm.POST('/kpis/reviews', { body: { unitId: teamA, month: 'March' } });
		expect(open.response.status).toBe(400);
		expect(errorOf(open).details).toEqual([{ path: 'month', message: 'A month like 2026-03' }]);
		const id = (await crm.POST('/kpis/reviews', { body: { unitId: teamA, month: '2026-03' } })).data!.id;
		const bad = await call('POST', `/api/v1/kpis/reviews/${id}/corrections`, {
			cookie: admin,
			json: { kpi: 'sales', alarmMonth: '2026-03', correction: 'pray', title: '', checkOn: '2026-02-30' }
		});
		expect(bad.status).toBe(400);
		expect(bad.data.error.code).toBe('validation_failed');
		expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['checkOn', 'correction', 'title']);
		const unknownKpi = await crm.POST('/kpis/reviews/{id}/corrections', {
			params: { path: { id } },
			body: { kpi: 'nope', alarmMonth: '2026-03', correction: 'other', title: 'x', checkOn: '2026-04-30' }
		});
		expect(errorOf(unknownKpi).details).toEqual([{ path: 'kpi', message: 'No such KPI' }]);
		expect((await crm.GET('/kpis/reviews', { params: { query: { from: '2026-13' } } })).response.status).toBe(400);
		expect((await crm.GET('/kpis/corrections', { params: { query: { from: '2026-05', to: '2026-04' } } })).response.status).toBe(400);
	});

	it('gives a manager their subtree only, and another organization nothing: 404', async () => {
		const mine = await manager.POST('/kpis/reviews', { body: { unitId: teamA, month: '2026-03' } });
		expect(mine.response.status).toBe(200);
		expect((await manager.GET('/kpis/reviews')).data!.reviews.map((r) => r.unit.id)).toEqual([teamA]);
		expect((await manager.POST('/kpis/reviews', { body: { unitId: teamB, month: '2026-03' } })).response.status).toBe(404);
		expect((await manager.GET('/kpis/reviews/{id}', { params: { path: { id: reviewId } } })).response.status).toBe(404);
		expect((await manager.GET('/kpis/corrections', { params: { query: { unit: teamB } } })).response.status).toBe(404);
		expect((await manager.GET('/kpis/corrections')).data!.corrections).toEqual([]);
		const body = { kpi: 'sales', alarmMonth: '2026-03', correction: 'other' as const, title: 'x', checkOn: '2026-04-30' };
		expect((await manager.POST('/kpis/reviews/{id}/corrections', { params: { path: { id: reviewId } }, body })).response.status).toBe(404);
		for (const r of [
			await stranger.GET('/kpis/reviews/{id}', { params: { path: { id: reviewId } } }),
			await stranger.POST('/kpis/reviews/{id}/corrections', { params: { path: { id: reviewId } }, body }),
			await stranger.POST('/kpis/reviews/{id}/close', { params: { path: { id: reviewId } }, body: {} }),
			await stranger.POST('/kpis/reviews', { body: { unitId: teamB, month: '2026-03' } }),
			await stranger.GET('/kpis/reviews/{id}', { params: { path: { id: 'not-an-id' } } })
		]) {
			expect(r.response.status).toBe(404);
			expect(errorOf(r).code).toBe('not_found');
		}
		expect((await stranger.GET('/kpis/reviews')).data!.reviews).toEqual([]);
	});
});

describe('the executives’ agenda through the API', () => {
	it('is recorded by an admin with who decided and when, read by anyone in the organization', async () => {
		const body = { decidedOn: '2026-01-20', decidedBy: 'The executive team', kpis: ['sales', 'order_intake'], reporting: 'Monthly alarm board' };
		const r = await crm.POST('/kpis/agenda', { body });
		expect(r.response.status).toBe(201);
		expect(r.data).toMatchObject({ ...body, priorities: '', recordedBy: 'API token “CRM”' });
		expect((await manager.GET('/kpis/agenda')).data!.agendas[0].id).toBe(r.data!.id);
		expect((await manager.POST('/kpis/agenda', { body })).response.status).toBe(403);
		const bad = await crm.POST('/kpis/agenda', { body: { ...body, decidedBy: '', kpis: ['nope'] } });
		expect(bad.response.status).toBe(400);
		expect((await stranger.GET('/kpis/agenda')).data!.agendas).toEqual([]);
	});
});

describe('exports of the alarm board', () => {
	const download = async (path: string, auth: { cookie?: string; token?: string }) => {
		const headers: Record<string, string> = {};
		if (auth.cookie) headers.cookie = auth.cookie;
		const res = await fetch(baseUrl() + path, { headers, redirect: 'manual' });
		return { res, bytes: Buffer.from(await res.arrayBuffer()) };
	};
	const sheetRows = async (bytes: Buffer) => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes as unknown as ArrayBuffer);
		const rows: unknown[][] = [];
		wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
		return rows;
	};

	it('writes the board as Excel with numbers as numbers and the unit path', async () => {
		const { res, bytes } = await download(`/app/kpis/export?unit=${region}&month=2026-03&format=xlsx`, { cookie: admin });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
		expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="sos-.*north-kpis-2026-03\.xlsx"/);
		const rows = await sheetRows(bytes);
		expect(rows[0]).toEqual([
			'Unit',
			'KPI',
			'Month actual',
			'Month plan',
			'Month deviation %',
			'Month status',
			'YTD actual',
			'YTD plan',
			'YTD deviation %',
			'YTD status',
			'Forecast at this pace',
			'Pace status'
		]);
		const teamBSales = rows.find((r) => String(r[0]).endsWith('/ North / Team B') && r[1] === 'Sales')!;
		expect(teamBSales.slice(2, 6)).toEqual([400, 500, -20, 'Well behind plan']);
		expect(teamBSales.slice(6, 8)).toEqual([1200, 1500]);
		// The hostile unit's name sits inside a path here; its own manager's file starts with it.
		expect(rows.some((r) => String(r[0]).endsWith(`/ North / ${HOSTILE}`))).toBe(true);
	});

	it('makes a unit named as a formula inert in Excel and CSV, and keeps negative numbers numbers', async () => {
		const xlsx = await download('/app/kpis/export?month=2026-03&format=xlsx', { cookie: hostileManager });
		const rows = await sheetRows(xlsx.bytes);
		const sales = rows.find((r) => r[1] === 'Sales')!;
		expect(sales[0]).toBe(`'${HOSTILE}`);
		expect(sales[2]).toBe(-50.5);
		for (const row of rows) for (const v of row) if (typeof v === 'object' && v !== null) expect(v).not.toHaveProperty('formula');

		const csv = await download('/app/kpis/export?month=2026-03&format=csv', { cookie: hostileManager });
		expect(csv.res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const text = csv.bytes.toString('utf8');
		expect(text.startsWith('\uFEFFUnit,KPI,Month actual,')).toBe(true);
		const line = text.split('\r\n').find((l) => l.includes(',Sales,'))!;
		expect(line).toBe(
			`"'=HYPERLINK(""http://evil.example"",""click"")",Sales,-50.5,100,-150.5,Well behind plan,-151.5,300,-150.5,Well behind plan,-606,No data`
		);
		expect(text.split('\r\n').some((l) => /^[=+\-@]/.test(l))).toBe(false);
	});

	it('is in the API too, in English, with the same access as the board', async () => {
		const r = await call('GET', `/api/v1/kpis/board/export?unit=${region}&month=2026-03&format=csv`, { cookie: admin });
		expect(r.status).toBe(200);
		expect(String(r.data)).toMatch(/Team B,Sales,400,500,-20,Well behind plan/);
		expect((await call('GET', `/api/v1/kpis/board/export?unit=${teamB}&format=csv`, { cookie: hostileManager })).status).toBe(404);
		const wrong = await call('GET', `/api/v1/kpis/board/export?format=pdf`, { cookie: admin });
		expect(wrong.status).toBe(400);
		expect(wrong.data.error.details).toEqual([{ path: 'format', message: 'Either xlsx or csv' }]);
		expect((await download(`/app/kpis/export?unit=${teamB}`, { cookie: hostileManager })).res.status).toBe(404);
	});
});
