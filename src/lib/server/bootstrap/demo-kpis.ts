import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { installStarterKpis } from '$lib/server/kpis/definitions';
import { upsertKpiValues } from '$lib/server/kpis/values';
import { recordAgenda } from '$lib/server/kpis/agenda';
import { closeReviewOf, decideAtReview } from '$lib/server/kpis/review';
import { addMonths, lastClosedMonth, monthKey, type Month } from '$lib/kpis/month';
import { pickZone } from '$lib/time/zone';
import { seeded } from './generate';

/** Who wrote the demo's KPI figures: the board and the change log say they are generated. */
export const DEMO_KPI_AUTHOR = 'generated demo data';

/** Monthly plan per sales person (amounts in SEK), before seasonality. */
const PLAN = { order_intake: 400_000, sales: 380_000, gross_margin: 120_000, new_customers: 2, customer_meetings: 24, lost_customers: 1 };

/** How a team does against plan (1 = on plan), and from which month back it slipped (a few alarms). */
const FORM: Record<string, { level: number; slipFrom?: number; slip?: number }> = {
	Stockholm: { level: 1.04 },
	Gothenburg: { level: 0.97, slipFrom: 3, slip: 0.78 },
	Hamburg: { level: 1.01 },
	Munich: { level: 0.95, slipFrom: 2, slip: 0.76 },
	'Service Sweden': { level: 1.02 },
	'Service Norway': { level: 0.99 }
};

/** Open pipeline (three months of intake) against what is left of the year's intake target. */
function pipeline(m: Month, level: number, noise: () => number, value: (kpi: string, plan: number, actual: number) => object): object[] {
	const left = Math.max(1, 13 - m.month) * PLAN.order_intake;
	const pipe = 3 * PLAN.order_intake;
	return [value('pipeline_value', pipe, Math.round(pipe * level * noise())), value('remaining_target', left, left)];
}

/** A slightly quieter summer and a stronger autumn (mild, so the run rate is not thrown by the season). */
const season = (m: Month) => [0.97, 0.98, 1.02, 1.0, 1.02, 0.98, 0.92, 0.96, 1.03, 1.04, 1.03, 1.05][m.month - 1];

/**
 * Twelve months of generated plans and actuals for the demo's sales people on the starter KPIs (plans to
 * the end of the year, so the run rate has its target), with two teams slipping in the last months: the
 * alarm board has something to show, and its money KPIs' owner an email of the alarms; and the executives' agenda for sales. Written like any other values,
 * marked as generated.
 */
export async function createDemoKpis(opts: { organizationId: string; country: string | null; now?: Date }, executor: Db = db()): Promise<void> {
	const organizationId = opts.organizationId;
	const actor: Actor = {
		accountId: null,
		email: '',
		isOperator: false,
		via: 'session',
		label: DEMO_KPI_AUTHOR,
		membership: { organizationId, organizationName: '', isDemo: true, userId: '', name: DEMO_KPI_AUTHOR, access: 'admin', scopeUnitId: null, language: 'en' }
	};
	await installStarterKpis({ organizationId, actor }, executor);
	const people = await executor
		.selectFrom('users as u')
		.innerJoin('units as t', (j) => j.onRef('t.organization_id', '=', 'u.organization_id').onRef('t.id', '=', 'u.unit_id'))
		.select(['u.email', 't.name as team'])
		.where('u.organization_id', '=', organizationId)
		.where('u.job_role', '=', 'sales_person')
		.orderBy('u.email')
		.execute();
	const last = lastClosedMonth(opts.now ?? new Date(), pickZone(null, opts.country));
	const first = addMonths(last, -11);
	const months = Array.from({ length: 12 + (12 - last.month) }, (_, i) => addMonths(first, i));
	const rnd = seeded(20261207);
	const values = people.flatMap((p) =>
		months.flatMap((m) => {
			const form = FORM[p.team] ?? { level: 1 };
			const back = (last.year - m.year) * 12 + (last.month - m.month);
			const done = back >= 0;
			// A slipping team misses on the money; its activity holds (the review shows where to act).
			const slipping = form.slipFrom !== undefined && back >= 0 && back < form.slipFrom;
			const level = slipping ? form.slip! : form.level;
			const noise = () => 0.9 + rnd() * 0.2;
			const value = (kpi: string, plan: number, actual: number) => ({
				kpi,
				person: p.email,
				month: monthKey(m),
				plan: String(plan),
				...(done ? { actual: String(actual) } : {})
			});
			const money = (kpi: 'order_intake' | 'sales' | 'gross_margin') => {
				const plan = Math.round((PLAN[kpi] * season(m)) / 1000) * 1000;
				return value(kpi, plan, Math.round(plan * level * noise()));
			};
			const count = (kpi: 'new_customers' | 'customer_meetings') =>
				value(kpi, Math.round(PLAN[kpi] * season(m)), Math.round(PLAN[kpi] * season(m) * level * noise()));
			return [
				money('order_intake'),
				money('sales'),
				money('gross_margin'),
				count('new_customers'),
				count('customer_meetings'),
				value('lost_customers', PLAN.lost_customers, Math.round(PLAN.lost_customers * (2 - form.level) * noise())),
				...pipeline(m, level, noise, value),
				value('forecast_value', PLAN.sales, PLAN.sales),
				value('forecast_accuracy', 90, Math.round(90 * Math.min(1.08, form.level) * noise()))
			];
		})
	);
	await upsertKpiValues({ organizationId, actor, source: 'manual', input: { values } }, executor);
	await ownMoneyKpis(organizationId, executor);
	await demoReview({ organizationId, actor, reviewed: addMonths(last, -1) }, executor);
	await recordAgenda(
		{
			organizationId,
			actor,
			input: {
				decidedOn: `${last.year}-01-20`,
				decidedBy: 'Executive team: CEO, CFO and sales director (generated)',
				kpis: ['order_intake', 'gross_margin', 'new_customers', 'forecast_accuracy'],
				priorities: 'Grow order intake in service by 10 %.\nKeep the gross margin while we grow.\nA forecast the executive team can plan production on.',
				reporting: 'The monthly review pack to the executive team in the first week of each month.\nThe quarterly pack to the board.'
			}
		},
		executor
	);
}

/** The demo admin owns the money KPIs: the scheduler's first emails job sends them the digest of the last month's alarms (in the outbox). */
async function ownMoneyKpis(organizationId: string, executor: Db): Promise<void> {
	const admin = await executor
		.selectFrom('users')
		.select('id')
		.where('organization_id', '=', organizationId)
		.where('access', '=', 'admin')
		.orderBy('created_at')
		.executeTakeFirst();
	if (!admin) return;
	await executor
		.updateTable('kpis')
		.set({ owner_id: admin.id })
		.where('organization_id', '=', organizationId)
		.where('key', 'in', ['order_intake', 'sales', 'gross_margin'])
		.execute();
}

/** One closed review: Gothenburg's month before last, its red order intake answered with joint visits, due for checking now. */
async function demoReview(opts: { organizationId: string; actor: Actor; reviewed: Month }, executor: Db): Promise<void> {
	const team = await executor
		.selectFrom('units')
		.select('id')
		.where('organization_id', '=', opts.organizationId)
		.where('name', '=', 'Gothenburg')
		.executeTakeFirst();
	if (!team) return;
	const at = { actor: opts.actor, unitId: team.id, month: monthKey(opts.reviewed) };
	const checkOn = `${monthKey(addMonths(opts.reviewed, 1))}-20`;
	await decideAtReview(
		{
			...at,
			input: {
				kpi: 'order_intake',
				alarmMonth: monthKey(opts.reviewed),
				correction: 'joint_visits',
				title: 'Joint visits on the five largest open deals (generated)',
				expectedEffect: 'Two of the five deals won next month',
				checkOn,
				passedDown: 'Book one joint visit with your manager on your largest open deal this week'
			}
		},
		executor
	);
	await closeReviewOf(
		{
			...at,
			input: {
				minutes: 'Order intake well behind plan for the second month. Joint visits on the largest deals decided; checked at the next review. (Generated.)'
			}
		},
		executor
	);
}
