import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { useAlignmentModels } from '$tests/alignment';
import { getModel } from '$lib/server/models/registry';
import { deleteUser } from '$lib/server/users/mutations';
import { unitAlignment } from '$lib/server/results/alignment';
import { addDays } from '$lib/experiments';
import { createExperiment, updateExperiment } from './mutations';
import { getExperiment, listExperiments } from './queries';
import { experimentsFollowUp } from './follow-up';

let restore: () => Promise<void>;
beforeAll(async () => {
	restore = await useAlignmentModels();
});
afterAll(() => restore());

const DAY = 86_400_000;

async function auditedUnit() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const model = await getModel('alignfix', '1.0');
	const first = await createPublishedRound({
		organizationId: org.id,
		model,
		seed: 13,
		closedAt: new Date(Date.now() - 120 * DAY),
		tree: { units: { North: null, South: null }, respondents: { North: { sales_person: 8, sales_manager: 5 }, South: { sales_person: 7, sales_manager: 5 } } }
	});
	const { North, South } = first.unitIds;
	const lead = await createTestActor(org.id, 'viewer', North);
	return { org, admin, lead, North, South, roundId: first.roundId, model };
}

const valid = (unitId: string, roundId: string, ownerId: string) => ({
	unitId,
	roundId,
	pairKey: 'strategy_metrics',
	hypothesis: 'If the monthly review asks about the strategic accounts first, the KPIs will follow the strategy.',
	lever: 'Strategic accounts first on the monthly review agenda',
	metric: { kind: 'area', area: 'kpis_compensation' },
	startsOn: '2026-01-05',
	endsOn: addDays('2026-01-05', 49),
	ownerId
});

describe('experiments', () => {
	it('are created from a round’s misalignment, changed, listed and audited', async () => {
		const { org, lead, North, roundId } = await auditedUnit();
		const x = await createExperiment({ actor: lead, input: valid(North, roundId, lead.membership!.userId) });
		expect(x).toMatchObject({
			unit: { id: North, name: 'North' },
			round: { id: roundId, model: 'alignfix 1.0' },
			pairKey: 'strategy_metrics',
			metric: { kind: 'area', area: 'kpis_compensation', name: 'KPIs and compensation' },
			startsOn: '2026-01-05',
			endsOn: '2026-02-23',
			owner: { id: lead.membership!.userId, name: 'Test viewer' },
			status: 'planned',
			result: ''
		});
		const sv = await getExperiment({ actor: lead, experimentId: x.id, locale: 'sv' });
		expect(sv.metric.name).toBe('KPI:er och ersättning');
		const y = await updateExperiment({
			actor: lead,
			experimentId: x.id,
			input: { status: 'done', result: 'Strategic share of pipeline up from 20 % to 31 %.' }
		});
		expect(y).toMatchObject({ status: 'done', result: 'Strategic share of pipeline up from 20 % to 31 %.' });
		expect((await listExperiments({ actor: lead, filter: { unitId: North, roundId } })).map((e) => e.id)).toEqual([x.id]);
		const audit = await db().selectFrom('audit_events').select('action').where('organization_id', '=', org.id).orderBy('at').execute();
		expect(audit.map((a) => a.action)).toEqual(['experiment_created', 'experiment_updated']);
	});

	it.each([
		['a window of 41 days', { endsOn: addDays('2026-01-05', 41) }, 'endsOn'],
		['a window of 57 days', { endsOn: addDays('2026-01-05', 57) }, 'endsOn'],
		['an end before the start', { endsOn: '2025-12-01' }, 'endsOn'],
		['no hypothesis', { hypothesis: '  ' }, 'hypothesis'],
		['no lever', { lever: '' }, 'lever'],
		['an unknown area', { metric: { kind: 'area', area: 'territory' } }, 'metric.area'],
		['a metric of no kind', { metric: { kind: 'mood' } }, 'metric.kind'],
		['a KPI that is not the organization’s', { metric: { kind: 'kpi', kpiId: '00000000-0000-4000-8000-000000000001' } }, 'metric.kpiId'],
		['a pair the model does not declare', { pairKey: 'nothing_here' }, 'pairKey'],
		['a statement the model does not have', { statementKey: 'territory_1' }, 'statementKey'],
		['a date that does not exist', { startsOn: '2026-02-30' }, 'startsOn'],
		['an unknown field', { budget: 1000 }, '(body)']
	])('refuse %s', async (_, change, path) => {
		const { lead, North, roundId } = await auditedUnit();
		const err = await createExperiment({ actor: lead, input: { ...valid(North, roundId, lead.membership!.userId), ...change } }).catch((e) => e);
		expect(err).toMatchObject({ code: 'validation_failed' });
		expect(err.details.map((d: { path: string }) => d.path)).toContain(path);
	});

	it('accept windows of exactly 42 and 56 days, and check the window when only one date changes', async () => {
		const { lead, North, roundId } = await auditedUnit();
		const owner = lead.membership!.userId;
		const six = await createExperiment({ actor: lead, input: { ...valid(North, roundId, owner), endsOn: addDays('2026-01-05', 42) } });
		const eight = await createExperiment({ actor: lead, input: { ...valid(North, roundId, owner), endsOn: addDays('2026-01-05', 56) } });
		expect([six.endsOn, eight.endsOn]).toEqual(['2026-02-16', '2026-03-02']);
		await expect(updateExperiment({ actor: lead, experimentId: six.id, input: { startsOn: '2026-01-06' } })).rejects.toMatchObject({
			code: 'validation_failed'
		});
		expect((await updateExperiment({ actor: lead, experimentId: six.id, input: { startsOn: '2026-01-04' } })).startsOn).toBe('2026-01-04');
	});

	it('keep to the organization and the viewer’s subtree: another organization’s experiment is 404', async () => {
		const { admin, lead, North, South, roundId } = await auditedUnit();
		const x = await createExperiment({ actor: admin, input: valid(South, roundId, admin.membership!.userId) });
		await expect(getExperiment({ actor: lead, experimentId: x.id })).rejects.toMatchObject({ code: 'not_found' });
		await expect(updateExperiment({ actor: lead, experimentId: x.id, input: { status: 'running' } })).rejects.toMatchObject({ code: 'not_found' });
		await expect(createExperiment({ actor: lead, input: valid(South, roundId, lead.membership!.userId) })).rejects.toMatchObject({ code: 'not_found' });
		expect(await listExperiments({ actor: lead })).toEqual([]);

		const other = await createTestOrganization();
		const outsider = await createTestActor(other.id, 'admin');
		await expect(getExperiment({ actor: outsider, experimentId: x.id })).rejects.toMatchObject({ code: 'not_found' });
		await expect(updateExperiment({ actor: outsider, experimentId: x.id, input: { status: 'stopped' } })).rejects.toMatchObject({ code: 'not_found' });
		expect(await listExperiments({ actor: outsider })).toEqual([]);
		// Another organization's round and unit cannot be named either.
		await expect(createExperiment({ actor: outsider, input: valid(North, roundId, outsider.membership!.userId) })).rejects.toMatchObject({
			code: 'not_found'
		});
		const participant = await createTestActor(other.id, 'participant');
		await expect(listExperiments({ actor: participant })).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('need an owner who may own the unit’s work; deleting the owner leaves the experiment without one', async () => {
		const { org, admin, lead, North, South, roundId } = await auditedUnit();
		const southLead = await createTestActor(org.id, 'participant');
		await db().updateTable('users').set({ unit_id: South }).where('id', '=', southLead.membership!.userId).execute();
		await expect(createExperiment({ actor: admin, input: valid(North, roundId, southLead.membership!.userId) })).rejects.toMatchObject({
			code: 'validation_failed'
		});
		const x = await createExperiment({ actor: admin, input: valid(North, roundId, lead.membership!.userId) });
		await deleteUser({ organizationId: org.id, actor: admin, userId: lead.membership!.userId });
		expect((await getExperiment({ actor: admin, experimentId: x.id })).owner).toBeNull();
	});

	it('show in the next round of the model beside the change of the watched area', async () => {
		const { org, admin, North, roundId, model } = await auditedUnit();
		const x = await createExperiment({ actor: admin, input: valid(North, roundId, admin.membership!.userId) });
		const next = await createPublishedRound({
			organizationId: org.id,
			model,
			seed: 4,
			tree: { units: {}, respondents: { North: { sales_person: 9, sales_manager: 5 }, South: { sales_person: 6, sales_manager: 5 } } },
			existingUnits: {
				North,
				South: (await db().selectFrom('units').select('id').where('organization_id', '=', org.id).where('name', '=', 'South').executeTakeFirstOrThrow()).id
			}
		});
		const area = async (round: string) =>
			(await unitAlignment({ actor: admin, roundId: round, unitId: North, locale: 'en' }))!.areas.find((a) => a.key === 'kpis_compensation')!.score;
		const [then, now] = [await area(roundId), await area(next.roundId)];
		expect(then).not.toBeNull();
		expect(now).not.toBeNull();
		const follow = await experimentsFollowUp({ actor: admin, roundId: next.roundId, unitId: North, locale: 'en' });
		expect(follow).toHaveLength(1);
		expect(follow[0]).toMatchObject({ id: x.id, then, now, change: Math.round((now! - then!) * 100) / 100 });
		// The origin round itself shows no follow-up (nothing before it), nor does another unit.
		expect(await experimentsFollowUp({ actor: admin, roundId, unitId: North, locale: 'en' })).toEqual([]);
	});
});
