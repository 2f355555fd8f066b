import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { applyRetention, getRetention, saveRetention } from './retention';

const MONTH = 30 * 86_400_000;
const ago = (months: number) => new Date(Date.now() - months * MONTH);

async function invite(organizationId: string, roundId: string, email: string) {
	const unit = await db().selectFrom('units').select('id').where('organization_id', '=', organizationId).executeTakeFirstOrThrow();
	await db()
		.insertInto('invitations')
		.values({
			organization_id: organizationId,
			round_id: roundId,
			user_id: randomUUID(),
			unit_id: unit.id,
			job_role: 'sales_person',
			email,
			language: 'en',
			token_hash: randomUUID()
		})
		.execute();
}

const tree = { units: { Team: null }, respondents: { Team: { sales_person: 6 } } };

describe('retention', () => {
	it('the admin sets it within 1 to 120 months; a change is audit-logged', async () => {
		const org = await createTestOrganization();
		const actor = await createTestActor(org.id);
		expect(await getRetention({ organizationId: org.id })).toEqual({ auditMonths: 36, invitationMonths: 12 });
		await expect(saveRetention({ organizationId: org.id, actor, input: { auditMonths: 0, invitationMonths: 12 } })).rejects.toMatchObject({
			code: 'validation_failed'
		});
		await expect(saveRetention({ organizationId: org.id, actor, input: { auditMonths: 24, invitationMonths: 121 } })).rejects.toMatchObject({
			code: 'validation_failed'
		});
		await saveRetention({ organizationId: org.id, actor, input: { auditMonths: '24', invitationMonths: '6' } });
		expect(await getRetention({ organizationId: org.id })).toEqual({ auditMonths: 24, invitationMonths: 6 });
		const events = await db().selectFrom('audit_events').select(['action', 'details']).where('organization_id', '=', org.id).execute();
		expect(events).toEqual([
			{ action: 'retention_changed', details: { before: { auditMonths: 36, invitationMonths: 12 }, after: { auditMonths: 24, invitationMonths: 6 } } }
		]);
	});

	it('deletes audit events past the retention and scrubs invitation addresses of rounds closed long enough ago, once', async () => {
		const org = await createTestOrganization();
		const actor = await createTestActor(org.id);
		await saveRetention({ organizationId: org.id, actor, input: { auditMonths: 12, invitationMonths: 6 } });
		await db()
			.insertInto('audit_events')
			.values([
				{ organization_id: org.id, actor: 'a@example.test', action: 'sign_in', at: ago(13), details: '{}' },
				{ organization_id: org.id, actor: 'b@example.test', action: 'sign_in', at: ago(11), details: '{}' }
			])
			.execute();
		const old = await createPublishedRound({ organizationId: org.id, tree, closedAt: ago(7) });
		const recent = await createPublishedRound({ organizationId: org.id, tree, closedAt: ago(5), existingUnits: old.unitIds });
		const [oldEmail, recentEmail] = [uniqueEmail(), uniqueEmail()];
		await invite(org.id, old.roundId, oldEmail);
		await invite(org.id, recent.roundId, recentEmail);

		expect(await applyRetention({ organizationId: org.id })).toBe(2);
		expect(await applyRetention({ organizationId: org.id })).toBe(0);

		const actors = await db().selectFrom('audit_events').select('actor').where('organization_id', '=', org.id).where('action', '=', 'sign_in').execute();
		expect(actors).toEqual([{ actor: 'b@example.test' }]);
		const emails = await db().selectFrom('invitations').select(['round_id', 'email']).where('organization_id', '=', org.id).execute();
		expect(emails).toHaveLength(2);
		expect(emails.find((e) => e.round_id === old.roundId)?.email).toBe('');
		expect(emails.find((e) => e.round_id === recent.roundId)?.email).toBe(recentEmail);
		const applied = await db()
			.selectFrom('audit_events')
			.select(['actor', 'details'])
			.where('organization_id', '=', org.id)
			.where('action', '=', 'retention_applied')
			.execute();
		expect(applied).toEqual([{ actor: 'SOS', details: { auditEvents: 1, invitations: 1 } }]);
	});
});
