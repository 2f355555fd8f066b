import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import { deleteDecision, listDecisions, recordDecision } from './decisions';

/** A region with two teams, a team lead of Team A, a regional manager and an admin. */
async function org() {
	const o = await createTestOrganization();
	const unit = async (name: string, parent: string | null = null) =>
		(await db().insertInto('units').values({ organization_id: o.id, name, parent_id: parent }).returning('id').executeTakeFirstOrThrow()).id;
	const north = await unit('North');
	const teamA = await unit('Team A', north);
	const teamB = await unit('Team B', north);
	const south = await unit('South');
	return {
		o,
		north,
		teamA,
		teamB,
		south,
		lead: await createTestActor(o.id, 'viewer', teamA),
		regional: await createTestActor(o.id, 'viewer', north),
		admin: await createTestActor(o.id, 'admin')
	};
}

const audit = (organizationId: string) =>
	db()
		.selectFrom('audit_events')
		.select(['action', 'target'])
		.where('organization_id', '=', organizationId)
		.where('action', 'like', 'decision_%')
		.orderBy('id')
		.execute();

describe('decision points', () => {
	it('are recorded for a unit, listed oldest first with the recorder named, and deleted (audit-logged)', async () => {
		const { o, teamA, lead, regional } = await org();
		const later = await recordDecision({
			actor: regional,
			input: { unitId: teamA, decidedOn: '2026-05-02', title: 'New commission plan', reason: 'Compensation scored lowest' }
		});
		const earlier = await recordDecision({ actor: lead, input: { unitId: teamA, decidedOn: '2026-01-15', title: 'Weekly pipeline meeting' } });
		expect(later).toMatchObject({
			unit: { id: teamA, name: 'Team A' },
			decidedOn: '2026-05-02',
			title: 'New commission plan',
			reason: 'Compensation scored lowest',
			createdBy: 'Test viewer'
		});
		expect(earlier.reason).toBe('');
		const listed = await listDecisions({ actor: lead, unitIds: [teamA] });
		expect(listed.map((d) => [d.decidedOn, d.title])).toEqual([
			['2026-01-15', 'Weekly pipeline meeting'],
			['2026-05-02', 'New commission plan']
		]);
		await deleteDecision({ actor: lead, decisionId: later.id });
		expect((await listDecisions({ actor: regional, unitIds: [teamA] })).map((d) => d.id)).toEqual([earlier.id]);
		await expect(deleteDecision({ actor: lead, decisionId: later.id })).rejects.toBeInstanceOf(NotFoundError);
		expect(await audit(o.id)).toEqual([
			{ action: 'decision_recorded', target: 'New commission plan' },
			{ action: 'decision_recorded', target: 'Weekly pipeline meeting' },
			{ action: 'decision_deleted', target: 'New commission plan' }
		]);
	});

	it('are scoped like actions: a team lead cannot record, see or delete another unit’s decisions', async () => {
		const { north, teamA, teamB, south, lead, regional, admin } = await org();
		const regionDecision = await recordDecision({ actor: regional, input: { unitId: north, decidedOn: '2026-02-01', title: 'Region reorganized' } });
		const teamB1 = await recordDecision({ actor: regional, input: { unitId: teamB, decidedOn: '2026-02-02', title: 'Team B gets inside sales' } });
		const southDecision = await recordDecision({ actor: admin, input: { unitId: south, decidedOn: '2026-02-03', title: 'South decision' } });
		// Recording for a unit outside one's subtree: not found (outsiders learn nothing), nothing stored.
		await expect(recordDecision({ actor: lead, input: { unitId: teamB, decidedOn: '2026-03-01', title: 'Not mine' } })).rejects.toBeInstanceOf(NotFoundError);
		await expect(recordDecision({ actor: lead, input: { unitId: north, decidedOn: '2026-03-01', title: 'Not mine either' } })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(recordDecision({ actor: regional, input: { unitId: south, decidedOn: '2026-03-01', title: 'Other region' } })).rejects.toBeInstanceOf(
			NotFoundError
		);
		// Listing other units' decisions is not found; one's own list is unaffected by the others.
		await expect(listDecisions({ actor: lead, unitIds: [teamB] })).rejects.toBeInstanceOf(NotFoundError);
		await expect(listDecisions({ actor: lead, unitIds: [north, teamB, teamA] })).rejects.toBeInstanceOf(NotFoundError);
		await expect(listDecisions({ actor: regional, unitIds: [south] })).rejects.toBeInstanceOf(NotFoundError);
		expect((await listDecisions({ actor: regional, unitIds: [north, teamB] })).map((d) => d.title)).toEqual(['Region reorganized', 'Team B gets inside sales']);
		expect((await listDecisions({ actor: admin, unitIds: [south] })).map((d) => d.id)).toEqual([southDecision.id]);
		// Deleting someone else's: not found, and it stays.
		await expect(deleteDecision({ actor: lead, decisionId: teamB1.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(deleteDecision({ actor: lead, decisionId: regionDecision.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(deleteDecision({ actor: lead, decisionId: 'not-an-id' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(deleteDecision({ actor: lead, decisionId: randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
		expect(await listDecisions({ actor: admin, unitIds: [north, teamB] })).toHaveLength(2);
		// Another organization's admin sees and deletes nothing of this one.
		const other = await org();
		await expect(listDecisions({ actor: other.admin, unitIds: [north, teamB, south] })).rejects.toBeInstanceOf(NotFoundError);
		await expect(deleteDecision({ actor: other.admin, decisionId: southDecision.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(recordDecision({ actor: other.admin, input: { unitId: south, decidedOn: '2026-03-01', title: 'Cross-org' } })).rejects.toBeInstanceOf(
			NotFoundError
		);
		// Participants do not work with decisions at all.
		const participant = await createTestActor(admin.membership!.organizationId, 'participant', teamA);
		await expect(listDecisions({ actor: participant, unitIds: [teamA] })).rejects.toThrow(/Only viewers and admins/);
	});

	it('refuse bad input with the field named, and store nothing', async () => {
		const { teamA, admin } = await org();
		const bad = async (input: Record<string, unknown>) => {
			const err = await recordDecision({ actor: admin, input: { unitId: teamA, decidedOn: '2026-04-01', title: 'A decision', ...input } }).catch((e) => e);
			expect(err).toBeInstanceOf(ValidationError);
			return (err as ValidationError).message;
		};
		expect(await bad({ decidedOn: '01/04/2026' })).toMatch(/decidedOn/);
		expect(await bad({ decidedOn: '2026-02-30' })).toMatch(/decidedOn/);
		expect(await bad({ decidedOn: '' })).toMatch(/decidedOn/);
		expect(await bad({ decidedOn: undefined })).toMatch(/decidedOn/);
		expect(await bad({ title: '' })).toMatch(/title/);
		expect(await bad({ title: 'x'.repeat(201) })).toMatch(/200/);
		expect(await bad({ unitId: 'team-a' })).toMatch(/unitId/);
		expect(await bad({ when: 'today' })).toMatch(/Unknown field/);
		expect(await listDecisions({ actor: admin, unitIds: [teamA] })).toEqual([]);
	});
});
