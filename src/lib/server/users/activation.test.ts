import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { ConflictError } from '$lib/server/errors';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { createUnit } from '$lib/server/units/mutations';
import { eligibleUsers } from '$lib/server/rounds/eligible';
import { findMembership } from '$lib/server/auth/memberships';
import { trialRoom } from '$lib/server/billing/limits';
import { createUser } from './mutations';
import { setUserActive } from './activation';

const presence = (organizationId: string) =>
	db().selectFrom('billable_presence').select(['email', 'until_at']).where('organization_id', '=', organizationId).orderBy('id').execute();

describe('setUserActive', () => {
	it('deactivates: no membership, not eligible, out of the trial count, billable presence closed; reactivating undoes it', async () => {
		const org = await createTestOrganization();
		const organizationId = org.id;
		const actor = await createTestActor(organizationId, 'admin');
		await db()
			.insertInto('subscriptions')
			.values({ organization_id: organizationId, plan: 'trial', trial_ends_on: '2999-01-01', trial_user_limit: 10 })
			.execute();
		const team = await createUnit({ organizationId, actor, input: { name: 'Team' } });
		const email = uniqueEmail('p');
		const user = await createUser({ organizationId, actor, input: { name: 'P', email, unitId: team.id, jobRole: 'sales_person' } });
		const eligible = async () => (await eligibleUsers(organizationId, ['sales_person']).select('id').execute()).map((r) => r.id);
		expect(await eligible()).toEqual([user.id]);
		expect((await trialRoom({ organizationId }))!.users).toBe(2);

		const off = await setUserActive({ organizationId, actor, userId: user.id, active: false });
		expect(off.changed).toBe(true);
		expect(off.user.deactivatedAt).toBeInstanceOf(Date);
		expect(await findMembership({ email, organizationId })).toBeNull();
		expect(await eligible()).toEqual([]);
		expect((await trialRoom({ organizationId }))!.users).toBe(1);
		expect((await presence(organizationId)).find((p) => p.email === email)!.until_at).toBeInstanceOf(Date);
		// Again: nothing changes, nothing is logged twice.
		expect((await setUserActive({ organizationId, actor, userId: user.id, active: false })).changed).toBe(false);

		const on = await setUserActive({ organizationId, actor, userId: user.id, active: true });
		expect(on.user.deactivatedAt).toBeNull();
		expect(await findMembership({ email, organizationId })).not.toBeNull();
		expect(await eligible()).toEqual([user.id]);
		// A new stretch: billed from the reactivation, not for the time away.
		const stretches = (await presence(organizationId)).filter((p) => p.email === email);
		expect(stretches.map((p) => p.until_at === null)).toEqual([false, true]);
		const events = await db().selectFrom('audit_events').select(['action', 'target']).where('organization_id', '=', organizationId).orderBy('id').execute();
		expect(events.filter((e) => e.target === email).map((e) => e.action)).toEqual(['user_created', 'user_deactivated', 'user_reactivated']);
	});

	it('refuses to deactivate the last active admin', async () => {
		const org = await createTestOrganization();
		const actor = await createTestActor(org.id, 'admin');
		const err = await setUserActive({ organizationId: org.id, actor, userId: actor.membership!.userId, active: false }).catch((e) => e);
		expect(err).toBeInstanceOf(ConflictError);
		expect(err.code).toBe('last_admin');
		const second = await createTestActor(org.id, 'admin');
		expect((await setUserActive({ organizationId: org.id, actor, userId: second.membership!.userId, active: false })).changed).toBe(true);
		// With the second one deactivated, the first is the last active admin again.
		expect(await setUserActive({ organizationId: org.id, actor, userId: actor.membership!.userId, active: false }).catch((e) => e.code)).toBe('last_admin');
	});
});
