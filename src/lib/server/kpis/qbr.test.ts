import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { ForbiddenError, NotFoundError, ValidationError } from '$lib/server/errors';
import { shownDifference } from '$lib/results/colour';
import { unitTrend } from '$lib/server/results/trend';
import { installStarterKpis } from './definitions';
import { upsertKpiValues } from './values';
import { decideAtReview } from './review';
import { db } from '$lib/server/db';
import { exportQuarterlyReview, qbrChoices, quarterlyReview } from './qbr';

const NOW = new Date('2026-12-07T12:00:00Z');

/**
 * Region → North (7 respondents), South (none: hidden), measured in March, August and November 2026;
 * order intake entered for each team's own figures, June to October, plan 100 a month.
 */
async function setup() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	await installStarterKpis({ organizationId: org.id, actor: admin });
	const tree = { units: { Region: null, North: 'Region', South: 'Region' }, respondents: { North: { sales_person: 6, sales_manager: 1 }, South: {} } };
	const first = await createPublishedRound({ organizationId: org.id, tree, closedAt: new Date('2026-03-15T12:00:00Z'), seed: 3, k: 5 });
	const ids = first.unitIds;
	for (const [day, seed] of [
		['2026-08-20', 5],
		['2026-11-10', 8]
	] as const)
		await createPublishedRound({
			organizationId: org.id,
			tree: { units: {}, respondents: tree.respondents },
			existingUnits: ids,
			closedAt: new Date(`${day}T12:00:00Z`),
			seed,
			k: 5
		});
	const actuals = { North: [100, 90, 80, 100, 50], South: [100, 120, 70, 110, 100] };
	const values = Object.entries(actuals).flatMap(([team, row]) =>
		row.map((actual, i) => ({ kpi: 'order_intake', unit: ids[team], month: `2026-${String(6 + i).padStart(2, '0')}`, plan: '200', actual: String(actual * 2) }))
	);
	await upsertKpiValues({ organizationId: org.id, actor: admin, source: 'api', input: { values } });
	const manager = await createTestActor(org.id, 'viewer', ids.North);
	return { org, admin, manager, ids };
}

const correction = (alarmMonth: string, title: string) => ({
	kpi: 'order_intake',
	alarmMonth,
	correction: 'joint_visits',
	title,
	expectedEffect: 'Two deals closed',
	checkOn: '2026-12-15',
	passedDown: ''
});

describe('the quarterly business review pack', () => {
	it('gives each KPI’s quarter and year to date against plan as the board grades them, and the months’ alarms', async () => {
		const { manager, ids } = await setup();
		const p = await quarterlyReview({ actor: manager, quarter: '2026-Q3', locale: 'en', now: NOW });
		expect(p.unit).toEqual({ id: ids.North, name: 'North' });
		expect(p.quarter).toEqual({ key: '2026-Q3', months: ['2026-07', '2026-08', '2026-09'], over: ['2026-07', '2026-08', '2026-09'] });
		const intake = p.kpis.find((k) => k.kpi.key === 'order_intake')!;
		// July to September: 180 + 160 + 200 against 600, 10 % short: red at the year-to-date threshold (10 %).
		expect(intake.quarter).toMatchObject({ plan: '600', actual: '540', deviationPct: '-10', status: 'red' });
		// June to September: 740 against 800, 7.5 % short: amber.
		expect(intake.ytd).toMatchObject({ plan: '800', actual: '740', deviationPct: '-7.5', status: 'amber' });
		// Pipeline coverage is a stock: its figure at the quarter's end, no year to date.
		expect(p.kpis.find((k) => k.kpi.key === 'pipeline_coverage')).toMatchObject({ atEnd: true, ytd: null });
		// Parts without an alarm of their own are left out.
		expect(p.kpis.map((k) => k.kpi.key)).not.toContain('pipeline_value');
		// August is 20 % short for the month: red; July (−10 %) amber; September on plan.
		const alarm = p.alarms.find((a) => a.kpi.key === 'order_intake')!;
		expect(alarm.months.map((c) => c?.month?.status)).toEqual(['amber', 'red', 'ok']);
		expect(p.alarms.map((a) => a.kpi.key)).toEqual(['order_intake']);
	});

	it('reads a quarter under way to date, and the region as the sum of its teams', async () => {
		const { admin, ids } = await setup();
		const q4 = await quarterlyReview({ actor: admin, unitId: ids.Region, quarter: '2026-Q4', locale: 'en', now: new Date('2026-11-15T12:00:00Z') });
		expect(q4.quarter.over).toEqual(['2026-10']);
		expect(q4.alarms[0].months.slice(1)).toEqual([null, null]);
		expect(q4.kpis.find((k) => k.kpi.key === 'order_intake')!.quarter).toMatchObject({ plan: '400', actual: '300', status: 'red' });
		const q3 = await quarterlyReview({ actor: admin, unitId: ids.Region, quarter: '2026-Q3', locale: 'en', now: NOW });
		expect(q3.kpis.find((k) => k.kpi.key === 'order_intake')!.quarter).toMatchObject({ plan: '1200', actual: '1140', deviationPct: '-5', status: 'amber' });
	});

	it('lists the corrections decided at the quarter’s reviews in the unit and below, and no other quarter’s', async () => {
		const { admin, manager, ids } = await setup();
		const decide = (unitId: string, month: string, title: string) => decideAtReview({ actor: admin, unitId, month, input: correction(month, title) });
		await decide(ids.North, '2026-08', 'North in August');
		await decide(ids.North, '2026-06', 'North in June');
		await decide(ids.North, '2026-10', 'North in October');
		await decide(ids.South, '2026-09', 'South in September');
		await decide('organization', '2026-07', 'Everyone in July');
		const titles = async (actor: typeof admin, unitId: string | null) =>
			(await quarterlyReview({ actor, unitId, quarter: '2026-Q3', locale: 'en', now: NOW })).corrections.map((c) => [c.unit, c.title]);
		expect(await titles(manager, null)).toEqual([['North', 'North in August']]);
		expect(await titles(admin, ids.Region)).toEqual([
			['North', 'North in August'],
			['South', 'South in September']
		]);
		expect(await titles(admin, 'organization')).toEqual([
			[null, 'Everyone in July'],
			['North', 'North in August'],
			['South', 'South in September']
		]);
		const [c] = (await exportQuarterlyReview({ actor: manager, quarter: '2026-Q3', locale: 'en', now: NOW })).corrections;
		expect(c).toMatchObject({ kpi: 'order_intake', alarmMonth: '2026-08', reviewMonth: '2026-08', correction: 'joint_visits', checkOn: '2026-12-15' });
		// The download is in the audit log, as every report export.
		const audit = await db()
			.selectFrom('audit_events')
			.select(['action', 'target'])
			.where('organization_id', '=', manager.membership!.organizationId)
			.where('action', '=', 'report_exported')
			.execute();
		expect(audit).toEqual([{ action: 'report_exported', target: 'North · 2026-Q3' }]);
	});

	it('shows the SOS scores of the latest round closed by the quarter’s end beside the one before, as the trend shows them', async () => {
		const { admin, manager, ids } = await setup();
		const trend = await unitTrend({ actor: manager, unitId: ids.North, locale: 'en' });
		const q3 = (await quarterlyReview({ actor: manager, quarter: '2026-Q3', locale: 'en', now: NOW })).scores;
		if (q3.state !== 'shown') throw new Error(`expected scores, got ${q3.state}`);
		expect([q3.round.name, q3.previous?.name]).toEqual(['Round 2026-08-20', 'Round 2026-03-15']);
		expect(q3.areas).toHaveLength(trend.areas.length);
		q3.areas.forEach((a, i) => {
			expect(a.score).toBe(trend.rounds[1].areas[i].score);
			expect(a.previous).toBe(trend.rounds[0].areas[i].score);
			expect(a.change).toBe(shownDifference(trend.rounds[1].areas[i].score, trend.rounds[0].areas[i].score));
			expect(a.verdict).toBe(trend.rounds[1].areas[i].change?.verdict ?? null);
		});
		const q1 = (await quarterlyReview({ actor: manager, quarter: '2026-Q1', locale: 'en', now: NOW })).scores;
		expect(q1).toMatchObject({ state: 'shown', round: { name: 'Round 2026-03-15' }, previous: null });
		expect((await quarterlyReview({ actor: manager, quarter: '2025-Q4', locale: 'en', now: NOW })).scores).toEqual({ state: 'none' });
		// South has no respondents: the pack says the results are hidden, and shows no figure.
		expect((await quarterlyReview({ actor: admin, unitId: ids.South, quarter: '2026-Q3', locale: 'en', now: NOW })).scores).toEqual({
			state: 'hidden',
			round: { name: 'Round 2026-08-20', closedAt: new Date('2026-08-20T12:00:00Z') }
		});
	});

	it('keeps a manager to their subtree (404), refuses a sales person (403) and a quarter not begun (400)', async () => {
		const { org, manager, ids } = await setup();
		const pack = (actor: typeof manager, unitId: string | null, quarter = '2026-Q3') => quarterlyReview({ actor, unitId, quarter, locale: 'en', now: NOW });
		await expect(pack(manager, ids.South)).rejects.toBeInstanceOf(NotFoundError);
		await expect(pack(manager, ids.Region)).rejects.toBeInstanceOf(NotFoundError);
		await expect(pack(manager, 'organization')).rejects.toBeInstanceOf(NotFoundError);
		const other = await createTestOrganization();
		await expect(pack(await createTestActor(other.id, 'admin'), ids.North)).rejects.toBeInstanceOf(NotFoundError);
		await expect(pack(await createTestActor(org.id, 'participant'), null)).rejects.toBeInstanceOf(ForbiddenError);
		for (const quarter of ['2026-Q5', '2027-Q1', 'Q3']) await expect(pack(manager, null, quarter)).rejects.toBeInstanceOf(ValidationError);
		expect(await qbrChoices({ actor: manager, now: NOW })).toEqual({
			quarters: [
				{ key: '2026-Q4', toDate: true },
				{ key: '2026-Q3', toDate: false },
				{ key: '2026-Q2', toDate: false },
				{ key: '2026-Q1', toDate: false }
			],
			units: [{ id: ids.North, name: 'North', depth: 0 }]
		});
		expect(await qbrChoices({ actor: await createTestActor(org.id, 'participant'), now: NOW })).toBeNull();
	});
});
