import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { ValidationError } from '$lib/server/errors';
import { createRound } from './create';
import { overlappingRounds, roundOverlaps } from './overlap';
import { NotFoundError } from '$lib/server/errors';

/** Two teams of five sales people each, and an admin. */
async function orgWithTeams() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const team = async (name: string) => {
		const unit = await db().insertInto('units').values({ organization_id: org.id, name }).returning('id').executeTakeFirstOrThrow();
		const people = Array.from({ length: 5 }, (_, i) => ({
			organization_id: org.id,
			name: `${name} ${i}`,
			email: uniqueEmail(`${name.toLowerCase()}${i}`),
			unit_id: unit.id,
			job_role: 'sales_person' as const,
			access: 'participant' as const
		}));
		const users = await db().insertInto('users').values(people).returning('id').execute();
		return { id: unit.id, users: users.map((u) => u.id) };
	};
	return { org, admin, north: await team('North'), south: await team('South') };
}

describe('overlappingRounds', () => {
	it('names the open round that shares people with the one about to launch, and how many', async () => {
		const { org, admin, north, south } = await orgWithTeams();
		const open = await createRound({
			organizationId: org.id,
			actor: admin,
			input: { name: 'North check-in', participants: { mode: 'units', unitIds: [north.id] } }
		});
		expect(open.status).toBe('open');

		const all = await overlappingRounds({ organizationId: org.id, input: { name: 'Everyone', participants: { mode: 'all' } } });
		expect(all).toEqual([{ id: open.id, name: 'North check-in', endsAt: open.endsAt, people: 5 }]);
		const some = await overlappingRounds({
			organizationId: org.id,
			input: { name: 'Some', participants: { mode: 'users', userIds: [north.users[0], north.users[1], south.users[0]] } }
		});
		expect(some.map((r) => r.people)).toEqual([2]);
		// Other people, or a start after the open round has ended: no overlap.
		expect(await overlappingRounds({ organizationId: org.id, input: { name: 'South', participants: { mode: 'units', unitIds: [south.id] } } })).toEqual([]);
		const later = new Date(new Date(open.endsAt).getTime() + 86_400_000);
		const after = new Date(later.getTime() + 14 * 86_400_000);
		expect(
			await overlappingRounds({
				organizationId: org.id,
				input: { name: 'Later', startsAt: later.toISOString(), endsAt: after.toISOString(), participants: { mode: 'all' } }
			})
		).toEqual([]);
	});

	it('ignores drafts, closed rounds and other organizations, and refuses input createRound would refuse', async () => {
		const { org, admin } = await orgWithTeams();
		await createRound({ organizationId: org.id, actor: admin, input: { name: 'Draft', launch: false } });
		const other = await orgWithTeams();
		await createRound({ organizationId: other.org.id, actor: other.admin, input: { name: 'Elsewhere' } });
		expect(await overlappingRounds({ organizationId: org.id, input: { name: 'Everyone' } })).toEqual([]);
		await expect(overlappingRounds({ organizationId: org.id, input: { name: '' } })).rejects.toBeInstanceOf(ValidationError);
	});

	it('for a saved round: a draft about to launch, or one just launched (itself left out)', async () => {
		const { org, admin, north, south } = await orgWithTeams();
		const open = await createRound({ organizationId: org.id, actor: admin, input: { name: 'North', participants: { mode: 'units', unitIds: [north.id] } } });
		const draft = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Everyone', launch: false } });
		expect(await roundOverlaps({ organizationId: org.id, roundId: draft.id })).toEqual([{ id: open.id, name: 'North', endsAt: open.endsAt, people: 5 }]);
		const all = await createRound({ organizationId: org.id, actor: admin, input: { name: 'All now' } });
		expect(all.status).toBe('open');
		expect((await roundOverlaps({ organizationId: org.id, roundId: all.id })).map((r) => r.name)).toEqual(['North']);
		const southOnly = await createRound({
			organizationId: org.id,
			actor: admin,
			input: { name: 'South', launch: false, participants: { mode: 'units', unitIds: [south.id] } }
		});
		expect((await roundOverlaps({ organizationId: org.id, roundId: southOnly.id })).map((r) => [r.name, r.people])).toEqual([['All now', 5]]);
		// Another organization's round, or no round at all: not found.
		const other = await orgWithTeams();
		await expect(roundOverlaps({ organizationId: other.org.id, roundId: draft.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(roundOverlaps({ organizationId: org.id, roundId: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
	});
});
