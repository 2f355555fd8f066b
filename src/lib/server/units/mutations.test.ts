import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { createUser } from '$lib/server/users/mutations';
import { createUnit, deleteUnit, setLevelNames, updateUnit } from './mutations';
import { getLevelNames, getUnit, listUnits } from './queries';
import { unitOptions } from './options';

async function setup() {
	const org = await createTestOrganization();
	const actor = await createTestActor(org.id, 'admin');
	const add = (name: string, parentId: string | null = null) => createUnit({ organizationId: org.id, actor, input: { name, parentId } });
	return { org, actor, organizationId: org.id, add };
}

const audit = (organizationId: string) =>
	db().selectFrom('audit_events').select(['action', 'actor', 'target', 'details']).where('organization_id', '=', organizationId).orderBy('id').execute();

describe('units', () => {
	it('creates a tree, shown in order with full paths', async () => {
		const { organizationId, add } = await setup();
		const area = await add('Industrial');
		const nordics = await add('Nordics', area.id);
		await add('Stockholm', nordics.id);
		await add('Gothenburg', nordics.id);
		await add('Aftermarket');
		expect((await unitOptions({ organizationId })).map((o) => o.label)).toEqual([
			'Aftermarket',
			'Industrial',
			'Industrial › Nordics',
			'Industrial › Nordics › Gothenburg',
			'Industrial › Nordics › Stockholm'
		]);
		expect(await getUnit({ organizationId, unitId: nordics.id })).toMatchObject({ childCount: 2, userCount: 0, parentId: area.id });
	});

	it('renames and moves, recording what changed in the audit log', async () => {
		const { organizationId, actor, add } = await setup();
		const a = await add('A');
		const b = await add('B');
		const c = await add('C', a.id);
		const renamed = await updateUnit({ organizationId, actor, unitId: c.id, input: { name: 'C2' } });
		expect(renamed).toMatchObject({ name: 'C2', parentId: a.id });
		await updateUnit({ organizationId, actor, unitId: c.id, input: { parentId: b.id } });
		expect((await getUnit({ organizationId, unitId: c.id })).parentId).toBe(b.id);
		const events = (await audit(organizationId)).filter((e) => e.action === 'unit_updated');
		expect(events).toEqual([
			{ action: 'unit_updated', actor: actor.email, target: 'C2', details: { renamedFrom: 'C', moved: false } },
			{ action: 'unit_updated', actor: actor.email, target: 'C2', details: { moved: true } }
		]);
		expect((await audit(organizationId)).filter((e) => e.action === 'unit_created').map((e) => e.target)).toEqual(['A', 'B', 'C']);
	});

	it('refuses to move a unit under itself or any descendant, at any depth', async () => {
		const { organizationId, actor, add } = await setup();
		const l1 = await add('L1');
		const l2 = await add('L2', l1.id);
		const l3 = await add('L3', l2.id);
		const l4 = await add('L4', l3.id);
		for (const target of [l1, l2, l3, l4]) {
			await expect(updateUnit({ organizationId, actor, unitId: l1.id, input: { parentId: target.id } })).rejects.toMatchObject({ code: 'unit_move_cycle' });
		}
		await expect(updateUnit({ organizationId, actor, unitId: l2.id, input: { parentId: l4.id } })).rejects.toBeInstanceOf(ConflictError);
		// Moving a sub-tree elsewhere keeps it whole.
		const other = await add('Other');
		await updateUnit({ organizationId, actor, unitId: l2.id, input: { parentId: other.id } });
		expect((await unitOptions({ organizationId })).map((o) => o.label)).toContain('Other › L2 › L3 › L4');
	});

	it('keeps sibling names unique, ignoring case and surrounding spaces, also when two are created at once', async () => {
		const { organizationId, actor, add } = await setup();
		const parent = await add('Parent');
		await add('Team', parent.id);
		await expect(add(' TEAM ', parent.id)).rejects.toMatchObject({ code: 'unit_name_taken' });
		await add('Team');
		const results = await Promise.allSettled([add('Twin', parent.id), add('twin', parent.id), add('TWIN', parent.id)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
		const root2 = await add('Root2');
		await expect(updateUnit({ organizationId, actor, unitId: root2.id, input: { name: 'team' } })).rejects.toMatchObject({ code: 'unit_name_taken' });
	});

	it('deletes only empty units; the reason names what is in the way', async () => {
		const { organizationId, actor, add, org } = await setup();
		const a = await add('A');
		const b = await add('B', a.id);
		await expect(deleteUnit({ organizationId, actor, unitId: a.id })).rejects.toMatchObject({
			code: 'unit_has_children',
			message: expect.stringContaining('1 sub-unit')
		});
		const u = await createUser({ organizationId, actor, input: { name: 'U', email: uniqueEmail(), unitId: b.id } });
		await expect(deleteUnit({ organizationId, actor, unitId: b.id })).rejects.toMatchObject({ code: 'unit_has_users' });
		await db().deleteFrom('users').where('id', '=', u.id).execute();
		await createTestActor(org.id, 'viewer', b.id);
		await expect(deleteUnit({ organizationId, actor, unitId: b.id })).rejects.toMatchObject({ code: 'unit_has_viewers' });
		const c = await add('C', a.id);
		await deleteUnit({ organizationId, actor, unitId: c.id });
		expect((await listUnits({ organizationId })).map((x) => x.name).sort()).toEqual(['A', 'B']);
		expect((await audit(organizationId)).at(-1)).toMatchObject({ action: 'unit_deleted', target: 'C' });
	});

	it("never touches another organization's units", async () => {
		const mine = await setup();
		const theirs = await setup();
		const t = await theirs.add('Theirs');
		await expect(getUnit({ organizationId: mine.organizationId, unitId: t.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(updateUnit({ organizationId: mine.organizationId, actor: mine.actor, unitId: t.id, input: { name: 'X' } })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(deleteUnit({ organizationId: mine.organizationId, actor: mine.actor, unitId: t.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(mine.add('Child', t.id)).rejects.toBeInstanceOf(ValidationError);
		const m = await mine.add('Mine');
		await expect(updateUnit({ organizationId: mine.organizationId, actor: mine.actor, unitId: m.id, input: { parentId: t.id } })).rejects.toBeInstanceOf(
			ValidationError
		);
		expect(await getUnit({ organizationId: theirs.organizationId, unitId: t.id })).toMatchObject({ name: 'Theirs', childCount: 0 });
	});

	it('names the levels of the tree; refuses duplicates and bad lists', async () => {
		const { organizationId, actor } = await setup();
		expect(await setLevelNames({ organizationId, actor, input: { levelNames: ['Division', 'Country', 'Team'] } })).toEqual(['Division', 'Country', 'Team']);
		expect(await getLevelNames({ organizationId })).toEqual(['Division', 'Country', 'Team']);
		for (const levelNames of [[], ['A', 'a'], ['x'.repeat(41)], Array.from({ length: 9 }, (_, i) => `L${i}`), [''], ['Bad\nName']]) {
			await expect(setLevelNames({ organizationId, actor, input: { levelNames } }), JSON.stringify(levelNames)).rejects.toBeInstanceOf(ValidationError);
		}
		expect(await getLevelNames({ organizationId })).toEqual(['Division', 'Country', 'Team']);
		expect((await audit(organizationId)).filter((e) => e.action === 'levels_changed')).toHaveLength(1);
	});
});
