import { db, type Db } from '$lib/server/db';
import { latestModel } from '$lib/server/models/registry';
import { modelText } from '$lib/server/results/text';

const DAY = 86_400_000;

/** What a team might plan for its weakest area (short, as a team would write it; generated). */
const PLANS: Record<string, string> = {
	territory: 'Give every customer one named owner',
	targets: 'Break the yearly target down per person and month',
	visualizing: 'Weekly results board for the whole team',
	forecasting: 'Monthly forecast with a named close date per deal',
	business_followup: 'Deal review every other week with each sales person',
	one_to_one: 'Monthly one-to-one with every sales person',
	activity_planning: 'Agree weekly activity levels in the Monday meeting',
	field_visits: 'One joint customer visit per sales person each month',
	improvement_program: 'A written improvement plan for everyone below target'
};
const ymd = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The demo's follow-up between its two generated rounds: each team planned an action on its weakest
 * area after the spring round (done by autumn, with a note), each region took a decision, and after the
 * autumn round each region has one action in progress. So the progress page tells the whole story.
 */
export async function createDemoActions(
	opts: { organizationId: string; weakest: Map<string, number>; springClosed: Date; now: Date },
	executor: Db = db()
): Promise<void> {
	const org = opts.organizationId;
	const model = await latestModel('sos');
	const text = modelText(model, 'en');
	const units = await executor.selectFrom('units').select(['id', 'name', 'parent_id']).where('organization_id', '=', org).execute();
	const managers = await executor
		.selectFrom('users')
		.select(['id', 'unit_id', 'email'])
		.where('organization_id', '=', org)
		.where('job_role', '=', 'sales_manager')
		.execute();
	const managerOf = (unitId: string) => managers.find((m) => m.unit_id === unitId);
	const planned = new Date(opts.springClosed.getTime() + 14 * DAY);
	for (const [unitId, area] of opts.weakest) {
		const key = model.shape.areas[area].key;
		const title = `${PLANS[key] ?? text.area(key).name} (generated)`;
		const owner = managerOf(unitId);
		const action = await executor
			.insertInto('actions')
			.values({
				organization_id: org,
				unit_id: unitId,
				area_key: key,
				title,
				reason: `${text.area(key).name} was the team's lowest area in the spring round (generated).`,
				owner_id: owner?.id ?? null,
				due_on: ymd(new Date(planned.getTime() + 90 * DAY)),
				status: 'done',
				created_by: owner?.email ?? 'system',
				created_at: planned,
				updated_at: new Date(planned.getTime() + 80 * DAY),
				due_reminder_sent: true
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await executor
			.insertInto('action_notes')
			.values({
				organization_id: org,
				action_id: action.id,
				body: 'Started in the weekly team meeting; everyone knows what changes (generated).',
				author: 'Demo',
				created_at: new Date(planned.getTime() + 30 * DAY)
			})
			.execute();
	}
	const regions = units.filter((u) => u.parent_id && units.find((p) => p.id === u.parent_id && !p.parent_id));
	for (const region of regions) {
		const owner = managerOf(region.id);
		await executor
			.insertInto('decisions')
			.values({
				organization_id: org,
				unit_id: region.id,
				decided_on: ymd(new Date(planned.getTime() + 7 * DAY)),
				title: 'Sales managers spend one day a week in the field with their teams (generated)',
				reason: 'Coaching and joint visits were below the benchmark in most teams.',
				created_by: owner?.email ?? 'system'
			})
			.execute();
		await executor
			.insertInto('actions')
			.values({
				organization_id: org,
				unit_id: region.id,
				area_key: model.shape.areas[0].key,
				title: 'Review every territory and give each key account one owner (generated)',
				reason: 'Agreed in the autumn results meeting.',
				owner_id: owner?.id ?? null,
				due_on: ymd(new Date(opts.now.getTime() + 30 * DAY)),
				status: 'in_progress',
				created_by: owner?.email ?? 'system',
				created_at: new Date(opts.now.getTime() - 40 * DAY),
				updated_at: opts.now
			})
			.execute();
	}
}
