import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { ValidationError } from '$lib/server/errors';
import { createAction, updateAction, addActionNote } from './mutations';
import { getAction, listActions } from './queries';

async function orgWithRegions() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const unit = async (name: string, parent: string | null = null) =>
		(await db().insertInto('units').values({ organization_id: org.id, name, parent_id: parent }).returning('id').executeTakeFirstOrThrow()).id;
	const north = await unit('North');
	const teamA = await unit('Team A', north);
	const south = await unit('South');
	const lead = await createTestActor(org.id, 'viewer', teamA);
	const regional = await createTestActor(org.id, 'viewer', north);
	return { org, admin, north, teamA, south, lead, regional };
}

describe('action plans', () => {
	it('are created for a unit and finding, changed, noted and listed by status, owner and overdue', async () => {
		const { admin, regional, teamA, lead } = await orgWithRegions();
		const a = await createAction({
			actor: regional,
			input: {
				unitId: teamA,
				title: 'Give every customer one owner',
				reason: 'Territory management is our lowest area',
				areaKey: 'territory',
				ownerId: lead.membership!.userId,
				dueOn: '2020-01-31'
			}
		});
		expect(a).toMatchObject({
			title: 'Give every customer one owner',
			status: 'planned',
			overdue: true,
			owner: { name: 'Test viewer' },
			unit: { name: 'Team A' },
			areaKey: 'territory'
		});
		const b = await updateAction({ actor: lead, actionId: a.id, input: { status: 'in_progress' } });
		expect(b.status).toBe('in_progress');
		const c = await addActionNote({ actor: lead, actionId: a.id, input: { body: 'Customer list exported; 40 without owner.' } });
		expect(c.notes.map((n) => n.body)).toEqual(['Customer list exported; 40 without owner.']);
		expect((await listActions({ actor: admin, filter: { overdue: 'true' } })).map((x) => x.id)).toEqual([a.id]);
		expect(await listActions({ actor: lead, filter: { mine: 'true' } })).toHaveLength(1);
		expect(await listActions({ actor: admin, filter: { status: 'done' } })).toHaveLength(0);
		const done = await updateAction({ actor: admin, actionId: a.id, input: { status: 'done' } });
		expect(done.overdue).toBe(false);
	});

	it('are scoped like results: nobody sees or changes actions of units outside their subtree', async () => {
		const { admin, lead, regional, north, south } = await orgWithRegions();
		const regionAction = await createAction({ actor: regional, input: { unitId: north, title: 'Monthly forecast review' } });
		const southAction = await createAction({ actor: admin, input: { unitId: south, title: 'South plan' } });
		// The team lead sees only their own team's actions; the regional manager the region's, not the south's.
		expect(await listActions({ actor: lead })).toEqual([]);
		expect((await listActions({ actor: regional })).map((x) => x.title)).toEqual(['Monthly forecast review']);
		await expect(getAction({ actor: lead, actionId: regionAction.id })).rejects.toThrow(/not found/);
		await expect(updateAction({ actor: regional, actionId: southAction.id, input: { status: 'done' } })).rejects.toThrow(/not found/);
		await expect(createAction({ actor: lead, input: { unitId: north, title: 'Not mine' } })).rejects.toThrow(/not found/);
		// Another organization's actions are not found either.
		const other = await orgWithRegions();
		await expect(getAction({ actor: other.admin, actionId: southAction.id })).rejects.toThrow(/not found/);
	});

	it('refuses bad input with the field named, and stores nothing', async () => {
		const { admin, teamA } = await orgWithRegions();
		const other = await orgWithRegions();
		const bad = async (input: Record<string, unknown>) =>
			(await createAction({ actor: admin, input: { unitId: teamA, title: 'X', ...input } }).catch((e) => e)) as ValidationError;
		expect((await bad({ title: '' })).message).toMatch(/title/);
		expect((await bad({ dueOn: '31/01/2027' })).message).toMatch(/dueOn/);
		expect((await bad({ dueOn: '2027-02-30' })).message).toMatch(/dueOn/);
		expect((await bad({ ownerId: other.lead.membership!.userId })).message).toMatch(/ownerId/);
		// Nor may a viewer make anyone of the organization the owner: a participant of another region is refused.
		const southPerson = (
			await db()
				.insertInto('users')
				.values({
					organization_id: admin.membership!.organizationId,
					name: 'South seller',
					email: `south-${Date.now()}@example.test`,
					language: 'en',
					access: 'participant',
					unit_id: (
						await db()
							.selectFrom('units')
							.select('id')
							.where('organization_id', '=', admin.membership!.organizationId)
							.where('name', '=', 'South')
							.executeTakeFirstOrThrow()
					).id,
					job_role: 'sales_person'
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const regional = await createTestActor(
			admin.membership!.organizationId,
			'viewer',
			(
				await db()
					.selectFrom('units')
					.select('id')
					.where('organization_id', '=', admin.membership!.organizationId)
					.where('name', '=', 'North')
					.executeTakeFirstOrThrow()
			).id
		);
		const refused = (await createAction({ actor: regional, input: { unitId: teamA, title: 'X', ownerId: southPerson } }).catch((e) => e)) as ValidationError;
		expect(refused.message).toMatch(/ownerId/);
		expect((await bad({ status: 'finished' })).message).toMatch(/status/);
		expect((await bad({ colour: 'red' })).message).toMatch(/Unknown field/);
		expect((await bad({ title: 'x'.repeat(201) })).message).toMatch(/200/);
		expect(await listActions({ actor: admin })).toEqual([]);
	});
});
