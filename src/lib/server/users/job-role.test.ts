import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { ValidationError } from '$lib/server/errors';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { copyOfModels } from '$tests/models';
import { writeGroupModel } from '$tests/group-models';
import { createUser, updateUser } from './mutations';
import { assertKnownJobRole, jobRoleChoices } from './job-role';

// The shipped models plus a fixture model whose groups add executives and sales support.
const before = process.env.SOS_MODELS_DIR;
let dir: string;
beforeAll(async () => {
	dir = await copyOfModels();
	// Its id sorts before the shipped models': its group names are the ones the registry gives.
	await writeGroupModel(dir, { id: 'a_fixture' });
	process.env.SOS_MODELS_DIR = dir;
});
afterAll(async () => {
	if (before === undefined) delete process.env.SOS_MODELS_DIR;
	else process.env.SOS_MODELS_DIR = before;
	await rm(dir, { recursive: true, force: true });
});

async function setup() {
	const org = await createTestOrganization();
	const actor = await createTestActor(org.id, 'admin');
	const user = (input: Record<string, unknown>) => createUser({ organizationId: org.id, actor, input: { name: 'Person', email: uniqueEmail(), ...input } });
	const update = (userId: string, input: Record<string, unknown>) => updateUser({ organizationId: org.id, actor, userId, input });
	return { org, user, update };
}

describe('job roles are the groups the models know', () => {
	it('offers every known group once, with its name in the language asked for', async () => {
		const sv = await jobRoleChoices('sv');
		expect(sv).toEqual(
			expect.arrayContaining([
				{ key: 'sales_person', name: 'Säljare' },
				{ key: 'sales_manager', name: 'Säljchef' },
				{ key: 'executive', name: 'Ledningsgrupp' },
				{ key: 'sales_support', name: 'Säljstöd' }
			])
		);
		expect(new Set(sv.map((c) => c.key)).size).toBe(sv.length);
		expect((await jobRoleChoices('en')).find((c) => c.key === 'executive')?.name).toBe('Executive');
	});

	it('takes a known group on create and edit', async () => {
		const { user, update } = await setup();
		const u = await user({ jobRole: 'executive' });
		expect(u.jobRole).toBe('executive');
		expect((await update(u.id, { jobRole: 'sales_support' })).jobRole).toBe('sales_support');
		expect((await update(u.id, { jobRole: null })).jobRole).toBeNull();
	});

	it('refuses an unknown group with a message that names the known ones, and a key of the wrong form', async () => {
		const { user } = await setup();
		const err = await user({ jobRole: 'ceo' }).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.message).toMatch(/^jobRole: 'ceo' is not a respondent group of the models\. Use one of: /);
		for (const g of ['sales_person (Sales person)', 'sales_manager (Sales manager)', 'executive (Executive)', 'sales_support (Sales support)'])
			expect(err.message).toContain(g);
		expect(err.details).toEqual([{ path: 'jobRole', message: expect.stringContaining("'ceo' is not a respondent group") }]);
		await expect(user({ jobRole: 'Sales Person' })).rejects.toThrow(/jobRole: Must be a respondent group such as sales_person/);
		await expect(assertKnownJobRole(null)).resolves.toBeUndefined();
	});

	it('keeps a role no model asks any longer when an edit leaves it as it was', async () => {
		const { org, user, update } = await setup();
		const u = await user({ jobRole: 'sales_person' });
		await db().updateTable('users').set({ job_role: 'retired_group' }).where('organization_id', '=', org.id).where('id', '=', u.id).execute();
		expect((await update(u.id, { name: 'Renamed', jobRole: 'retired_group' })).jobRole).toBe('retired_group');
		await expect(update(u.id, { jobRole: 'other_retired' })).rejects.toThrow(/'other_retired' is not a respondent group/);
	});
});
