import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { createUnit } from '$lib/server/units/mutations';
import { createUser, deleteUser, updateUser } from './mutations';
import { countUsers, getUser, listUsers } from './queries';

async function setup() {
	const org = await createTestOrganization();
	const actor = await createTestActor(org.id, 'admin');
	const organizationId = org.id;
	const unit = (name: string, parentId: string | null = null) => createUnit({ organizationId, actor, input: { name, parentId } });
	const user = (input: Record<string, unknown>) => createUser({ organizationId, actor, input: { name: 'Person', email: uniqueEmail(), ...input } });
	const update = (userId: string, input: Record<string, unknown>) => updateUser({ organizationId, actor, userId, input });
	return { org, actor, organizationId, unit, user, update };
}

const accessEvents = (organizationId: string) =>
	db()
		.selectFrom('audit_events')
		.select(['actor', 'target', 'details'])
		.where('organization_id', '=', organizationId)
		.where('action', '=', 'access_changed')
		.orderBy('id')
		.execute();

describe('users', () => {
	it('creates with normalized email and defaults; the email is unique within the organization', async () => {
		const { organizationId, user } = await setup();
		const email = uniqueEmail('Case');
		const u = await user({ email: ` ${email.toUpperCase()} `, name: ' Anna ' });
		expect(u).toMatchObject({
			email: email.toLowerCase(),
			name: 'Anna',
			language: 'en',
			access: 'participant',
			unitId: null,
			jobRole: null,
			scopeUnitId: null
		});
		await expect(user({ email })).rejects.toMatchObject({ code: 'email_taken' });
		expect((await countUsers({ organizationId })).total).toBe(2);
	});

	it('creating the same email twice at once gives one user and one conflict', async () => {
		const { organizationId, user } = await setup();
		const email = uniqueEmail();
		const results = await Promise.allSettled([user({ email }), user({ email }), user({ email })]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
		expect((await listUsers({ organizationId, search: email })).total).toBe(1);
	});

	it('records every access change, with from, to and scope, and not other edits', async () => {
		const { organizationId, actor, unit, user, update } = await setup();
		const area = await unit('Area');
		const team = await unit('Team', area.id);
		const u = await user({ unitId: team.id });
		await update(u.id, { name: 'Renamed', jobRole: 'sales_manager' });
		await update(u.id, { access: 'viewer' });
		await update(u.id, { scopeUnitId: area.id });
		await update(u.id, { access: 'admin' });
		await update(u.id, { access: 'participant' });
		expect(await accessEvents(organizationId)).toEqual([
			{ actor: actor.email, target: u.email, details: { from: 'participant', to: 'viewer', scopeUnitId: team.id } },
			{ actor: actor.email, target: u.email, details: { from: 'viewer', to: 'viewer', scopeUnitId: area.id } },
			{ actor: actor.email, target: u.email, details: { from: 'viewer', to: 'admin', scopeUnitId: null } },
			{ actor: actor.email, target: u.email, details: { from: 'admin', to: 'participant', scopeUnitId: null } }
		]);
	});

	it('keeps a viewer scope across unrelated edits, and requires one', async () => {
		const { unit, user, update } = await setup();
		const area = await unit('Area');
		const team = await unit('Team', area.id);
		const v = await user({ access: 'viewer', unitId: team.id, scopeUnitId: area.id });
		expect((await update(v.id, { name: 'New name', unitId: null })).scopeUnitId).toBe(area.id);
		await expect(update(v.id, { scopeUnitId: null })).rejects.toBeInstanceOf(ValidationError);
		const p = await user({});
		await expect(update(p.id, { access: 'viewer' })).rejects.toMatchObject({ message: expect.stringContaining('A viewer needs a unit') });
	});

	it('never leaves an organization without an admin', async () => {
		const { organizationId, actor, update, user } = await setup();
		const self = actor.membership!.userId;
		await expect(update(self, { access: 'viewer', scopeUnitId: null })).rejects.toMatchObject({ code: 'last_admin' });
		await expect(deleteUser({ organizationId, actor, userId: self })).rejects.toMatchObject({ code: 'last_admin' });
		const other = await user({ access: 'admin' });
		await deleteUser({ organizationId, actor, userId: self });
		await expect(deleteUser({ organizationId, actor, userId: other.id })).rejects.toMatchObject({ code: 'last_admin' });
		expect((await countUsers({ organizationId })).admins).toBe(1);
	});

	it('deleting a person keeps the actions they owned, without an owner', async () => {
		const { organizationId, actor, unit, user } = await setup();
		const u = await user({});
		const team = await unit('Team');
		const action = await db()
			.insertInto('actions')
			.values({ organization_id: organizationId, unit_id: team.id, title: 'Call more', owner_id: u.id, created_by: 'test' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await deleteUser({ organizationId, actor, userId: u.id });
		const row = await db()
			.selectFrom('actions')
			.select(['owner_id', 'title'])
			.where('organization_id', '=', organizationId)
			.where('id', '=', action.id)
			.executeTakeFirst();
		expect(row).toEqual({ owner_id: null, title: 'Call more' });
	});

	it('deleting a person keeps the KPIs they owned, without an owner', async () => {
		const { organizationId, actor, unit, user } = await setup();
		const u = await user({ access: 'viewer', scopeUnitId: (await unit('Region')).id });
		await db().insertInto('kpis').values({ organization_id: organizationId, key: 'sales', definition: '{}', owner_id: u.id }).execute();
		await deleteUser({ organizationId, actor, userId: u.id });
		const kpi = await db().selectFrom('kpis').select(['key', 'owner_id']).where('organization_id', '=', organizationId).executeTakeFirst();
		expect(kpi).toEqual({ key: 'sales', owner_id: null });
	});

	it('never leaves an organization without an admin, even when two admins are demoted or deleted at once', async () => {
		for (let round = 0; round < 5; round++) {
			const { organizationId, actor, update, user } = await setup();
			const second = await user({ access: 'admin' });
			const first = actor.membership!.userId;
			const results = await Promise.allSettled(
				round % 2 === 0
					? [update(first, { access: 'participant' }), update(second.id, { access: 'participant' })]
					: [deleteUser({ organizationId, actor, userId: first }), deleteUser({ organizationId, actor, userId: second.id })]
			);
			expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
			const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
			expect(rejected.reason).toMatchObject({ code: 'last_admin' });
			expect((await countUsers({ organizationId })).admins).toBe(1);
		}
	});

	it('an email change that collides with a user created at the same moment is a conflict, not a crash', async () => {
		for (let round = 0; round < 5; round++) {
			const { organizationId, user, update } = await setup();
			const existing = await user({});
			const email = uniqueEmail('race');
			const results = await Promise.allSettled([update(existing.id, { email }), user({ email })]);
			for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
			expect((await listUsers({ organizationId, search: email })).total).toBe(1);
		}
	});

	it("cannot read, change or delete another organization's users, nor use its units", async () => {
		const mine = await setup();
		const theirs = await setup();
		const t = await theirs.user({ name: 'Theirs' });
		const tUnit = await theirs.unit('TheirUnit');
		await expect(getUser({ organizationId: mine.organizationId, userId: t.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(mine.update(t.id, { name: 'X' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(deleteUser({ organizationId: mine.organizationId, actor: mine.actor, userId: t.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(mine.user({ unitId: tUnit.id })).rejects.toMatchObject({ details: [{ path: 'unitId', message: 'The unit does not exist.' }] });
		expect((await getUser({ organizationId: theirs.organizationId, userId: t.id })).name).toBe('Theirs');
	});

	it('searches name and email literally, pages, and counts', async () => {
		const { organizationId, user } = await setup();
		await user({ name: 'Per 50% Off' });
		await user({ name: 'Under_score' });
		await user({ name: 'Plain' });
		expect((await listUsers({ organizationId, search: '%' })).users.map((u) => u.name)).toEqual(['Per 50% Off']);
		expect((await listUsers({ organizationId, search: '_' })).users.map((u) => u.name)).toEqual(['Under_score']);
		expect((await listUsers({ organizationId, search: '\\' })).total).toBe(0);
		expect((await listUsers({ organizationId, search: 'a\u0000' })).total).toBeGreaterThan(0);
		const page = await listUsers({ organizationId, limit: 2, offset: 2 });
		expect(page.total).toBe(4);
		expect(page.users).toHaveLength(2);
	});
});
