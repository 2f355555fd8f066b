import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { freshDatabase } from '$tests/fresh-db';
import { bootstrap } from './bootstrap';
import { createDemoRound } from './demo-round';
import { DEMO_KPI_AUTHOR } from './demo-kpis';
import { sendKpiAlarmDigests } from '$lib/server/kpis/alarm-digest';
import { emailsTo } from '$tests/mailbox';

process.env.SMTP_URL = inject('smtpUrl');

let db: Kysely<Database>;
let drop: () => Promise<void>;

beforeAll(async () => {
	({ db, drop } = await freshDatabase('sos_demo_kpis'));
	await bootstrap({ demo: true }, db);
	await createDemoRound(db);
}, 60_000);
afterAll(() => drop());

describe('the demo’s KPI figures', () => {
	it('has twelve months of actuals per sales person on the starter KPIs, all marked as generated', async () => {
		const months = await db.selectFrom('kpi_values').select('month').distinct().where('actual', 'is not', null).execute();
		expect(months).toHaveLength(12);
		const authors = await db.selectFrom('kpi_values').select('updated_by').distinct().execute();
		expect(authors).toEqual([{ updated_by: DEMO_KPI_AUTHOR }]);
		expect((await db.selectFrom('kpis').select('key').execute()).length).toBeGreaterThanOrEqual(8);
	});

	it('has one closed review with a correction from the menu', async () => {
		const reviews = await db.selectFrom('kpi_reviews').select(['closed_at', 'minutes']).execute();
		expect(reviews).toHaveLength(1);
		expect(reviews[0].closed_at).toBeInstanceOf(Date);
		const corrections = await db.selectFrom('decisions').select(['correction', 'check_on']).where('review_id', 'is not', null).execute();
		expect(corrections).toEqual([{ correction: 'joint_visits', check_on: expect.stringMatching(/^\d{4}-\d{2}-20$/) }]);
	});

	it('has a team whose order intake slipped well below plan in the last month (a red alarm)', async () => {
		const { rows } = await sql<{ team: string; ratio: string }>`
			SELECT t.name AS team, sum(v.actual) / sum(v.plan) AS ratio
			FROM kpi_values v JOIN kpis k ON k.organization_id = v.organization_id AND k.id = v.kpi_id AND k.key = 'order_intake'
			JOIN users u ON u.organization_id = v.organization_id AND u.id = v.user_id
			JOIN units t ON t.organization_id = u.organization_id AND t.id = u.unit_id
			WHERE v.month = (SELECT max(month) FROM kpi_values WHERE actual IS NOT NULL)
			GROUP BY t.name`.execute(db);
		const byTeam = Object.fromEntries(rows.map((r) => [r.team, Number(r.ratio)]));
		expect(byTeam.Gothenburg).toBeLessThan(0.8);
		expect(byTeam.Stockholm).toBeGreaterThan(0.95);
	});

	it('has the money KPIs owned by the demo admin, who gets one email of the last month’s alarms', async () => {
		const owned = await db
			.selectFrom('kpis as k')
			.innerJoin('users as u', (j) => j.onRef('u.organization_id', '=', 'k.organization_id').onRef('u.id', '=', 'k.owner_id'))
			.select(['k.key', 'u.email', 'k.organization_id'])
			.orderBy('k.key')
			.execute();
		expect(owned.map((k) => [k.key, k.email])).toEqual([
			['gross_margin', 'admin@demo.example'],
			['order_intake', 'admin@demo.example'],
			['sales', 'admin@demo.example']
		]);
		const before = emailsTo('admin@demo.example').length;
		const started = performance.now();
		expect(await sendKpiAlarmDigests({ organizationId: owned[0].organization_id, origin: 'http://sos.test' }, db)).toBe(1);
		const ms = performance.now() - started;
		const mails = emailsTo('admin@demo.example').slice(before);
		expect(mails).toHaveLength(1);
		expect(mails[0].text).toMatch(/- Order intake, Gothenburg: Well behind plan/);
		expect(ms).toBeLessThan(5000);
		expect(await sendKpiAlarmDigests({ organizationId: owned[0].organization_id, origin: 'http://sos.test' }, db)).toBe(0);
		console.log(`demo digest: ${Math.round(ms)} ms`);
	});
});
