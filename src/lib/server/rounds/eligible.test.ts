import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { ValidationError } from '$lib/server/errors';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { copyOfModels } from '$tests/models';
import { writeGroupModel } from '$tests/group-models';
import { useOwnDatabase } from '$tests/own-database';
import { latestModel } from '$lib/server/models/registry';
import { createRound } from './create';
import { eligibleCountsByUnit, listEligiblePeople, modelGroups } from './eligible';
import { countInvitable } from './invite';
import { overlappingRounds } from './overlap';

// The shipped SOS models (sales people and sales managers) and a fixture model that also asks executives and sales support.
// A database of its own: the fixture model's open rounds would fail the test server's jobs, which do not know it.
const before = process.env.SOS_MODELS_DIR;
let dir: string;
let restoreDb: () => Promise<void>;
beforeAll(async () => {
	dir = await copyOfModels();
	await writeGroupModel(dir, { id: 'fixture' });
	process.env.SOS_MODELS_DIR = dir;
	restoreDb = await useOwnDatabase('sos_eligible');
});
afterAll(async () => {
	await restoreDb();
	if (before === undefined) delete process.env.SOS_MODELS_DIR;
	else process.env.SOS_MODELS_DIR = before;
	await rm(dir, { recursive: true, force: true });
});

const ROLES = ['sales_person', 'sales_person', 'sales_person', 'sales_manager', 'executive', 'executive', 'sales_support', null];

/** One team: three sales people, a sales manager, two executives, a support person and one without a job role. */
async function orgWithTeam() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const unit = await db().insertInto('units').values({ organization_id: org.id, name: 'Team' }).returning('id').executeTakeFirstOrThrow();
	const users = await db()
		.insertInto('users')
		.values(
			ROLES.map((job_role, i) => ({
				organization_id: org.id,
				name: `${job_role ?? 'none'} ${i}`,
				email: uniqueEmail(`p${i}`),
				unit_id: unit.id,
				job_role,
				access: 'participant' as const
			}))
		)
		.returning(['id', 'job_role'])
		.execute();
	return { org, admin, unit: unit.id, users };
}

const invitedRoles = async (organizationId: string, roundId: string) =>
	(
		await db()
			.selectFrom('invitations')
			.select('job_role')
			.where('organization_id', '=', organizationId)
			.where('round_id', '=', roundId)
			.orderBy('job_role')
			.execute()
	).map((i) => i.job_role);

describe("a round invites the people whose job role is one of its model's groups", () => {
	it('an SOS round leaves the executives and support staff out; a round of a model that asks them invites them', async () => {
		const { org, admin } = await orgWithTeam();
		const sos = await createRound({ organizationId: org.id, actor: admin, input: { name: 'SOS' } });
		expect(sos.status).toBe('open');
		expect(await invitedRoles(org.id, sos.id)).toEqual(['sales_manager', 'sales_person', 'sales_person', 'sales_person']);
		const audit = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Audit', model: { id: 'fixture', version: '1.0' } } });
		expect(await invitedRoles(org.id, audit.id)).toEqual([
			'executive',
			'executive',
			'sales_manager',
			'sales_person',
			'sales_person',
			'sales_person',
			'sales_support'
		]);
	});

	it('counts the people a round would invite by the same rule: per unit, by name, and for a launch', async () => {
		const { org, unit } = await orgWithTeam();
		const sos = (await latestModel('sos')).structure.groups;
		const fixture = await modelGroups({ id: 'fixture', version: '1.0' });
		expect(await eligibleCountsByUnit({ organizationId: org.id, groups: sos })).toEqual(new Map([[unit, 4]]));
		expect(await eligibleCountsByUnit({ organizationId: org.id, groups: fixture })).toEqual(new Map([[unit, 7]]));
		expect((await listEligiblePeople({ organizationId: org.id, groups: sos })).map((p) => p.name)).not.toContain('executive 4');
		expect((await listEligiblePeople({ organizationId: org.id, groups: fixture })).map((p) => p.name)).toContain('executive 4');
		expect(await countInvitable({ organizationId: org.id, participants: { mode: 'all' }, groups: sos })).toBe(4);
		expect(await countInvitable({ organizationId: org.id, participants: { mode: 'all' }, groups: fixture })).toBe(7);
	});

	it('refuses to launch an SOS round for executives only, and sees no overlap with them', async () => {
		const { org, admin, users } = await orgWithTeam();
		const executives = users.filter((u) => u.job_role === 'executive').map((u) => u.id);
		const input = { name: 'Executives', participants: { mode: 'users', userIds: executives } };
		await expect(createRound({ organizationId: org.id, actor: admin, input })).rejects.toThrow(ValidationError);
		await expect(createRound({ organizationId: org.id, actor: admin, input })).rejects.toThrow(/job role among the model's groups/);
		const audit = await createRound({ organizationId: org.id, actor: admin, input: { ...input, model: { id: 'fixture', version: '1.0' } } });
		expect(await invitedRoles(org.id, audit.id)).toEqual(['executive', 'executive']);
		expect(await overlappingRounds({ organizationId: org.id, input: { ...input, name: 'Again' } })).toEqual([]);
		expect((await overlappingRounds({ organizationId: org.id, input: { ...input, name: 'Again', model: { id: 'fixture', version: '1.0' } } })).length).toBe(1);
	});
});
