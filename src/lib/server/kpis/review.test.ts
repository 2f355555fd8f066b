import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, createTestTeam } from '$tests/fixtures';
import { ConflictError, NotFoundError } from '$lib/server/errors';
import { installStarterKpis } from './definitions';
import { closeReview, correctionsOf, getReview, openReview, recordCorrection } from './review';

async function setup() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const team = await createTestTeam(org.id, 2, { name: 'North' });
	const other = await createTestTeam(org.id, 1, { name: 'South' });
	await installStarterKpis({ organizationId: org.id, actor: admin });
	const manager = await createTestActor(org.id, 'viewer', team.id);
	return { org, admin, manager, team, other };
}
const correction = {
	kpi: 'order_intake',
	alarmMonth: '2026-10',
	correction: 'joint_visits',
	title: 'Joint visits on the five largest open deals',
	expectedEffect: 'Two of them closed in November',
	checkOn: '2026-11-30',
	passedDown: 'Each of you books one joint visit this week'
};

describe('the monthly review', () => {
	it('is opened once per unit and month, takes corrections (and an action) and closes with its minutes', async () => {
		const { manager, team } = await setup();
		const review = await openReview({ actor: manager, input: { unitId: team.id, month: '2026-10' } });
		expect((await openReview({ actor: manager, input: { unitId: team.id, month: '2026-10' } })).id).toBe(review.id);
		await recordCorrection({ actor: manager, reviewId: review.id, input: { ...correction, asAction: true } });
		const list = await correctionsOf({ actor: manager, unitId: team.id });
		expect(list).toEqual([
			expect.objectContaining({
				kpi: 'order_intake',
				alarmMonth: '2026-10',
				correction: 'joint_visits',
				checkOn: '2026-11-30',
				reviewMonth: '2026-10',
				owner: null
			})
		]);
		const action = await db().selectFrom('actions').select(['title', 'due_on']).where('unit_id', '=', team.id).executeTakeFirstOrThrow();
		expect(action).toEqual({ title: correction.title, due_on: '2026-11-30' });
		const closed = await closeReview({ actor: manager, reviewId: review.id, input: { minutes: 'Order intake 22 % behind: joint visits decided.' } });
		expect(closed.closedAt).toBeInstanceOf(Date);
		await expect(recordCorrection({ actor: manager, reviewId: review.id, input: correction })).rejects.toBeInstanceOf(ConflictError);
		await expect(closeReview({ actor: manager, reviewId: review.id, input: {} })).rejects.toBeInstanceOf(ConflictError);
	});

	it('keeps a manager to their own units, and refuses an unknown KPI or a correction off the menu', async () => {
		const { admin, manager, team, other } = await setup();
		await expect(openReview({ actor: manager, input: { unitId: other.id, month: '2026-10' } })).rejects.toBeInstanceOf(NotFoundError);
		const theirs = await openReview({ actor: admin, input: { unitId: other.id, month: '2026-10' } });
		await expect(getReview({ actor: manager, reviewId: theirs.id })).rejects.toBeInstanceOf(NotFoundError);
		const mine = await openReview({ actor: manager, input: { unitId: team.id, month: '2026-10' } });
		await expect(recordCorrection({ actor: manager, reviewId: mine.id, input: { ...correction, kpi: 'nothing' } })).rejects.toThrow(/no KPI 'nothing'/);
		await expect(recordCorrection({ actor: manager, reviewId: mine.id, input: { ...correction, correction: 'pray' } })).rejects.toThrow(
			/correction: Must be one of/
		);
	});
});
