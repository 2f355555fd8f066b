import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import { listUnits } from '$lib/server/units/queries';
import { subtreeIds } from '$lib/server/units/tree';
import { ValidationError } from '$lib/server/errors';
import { invitationTokenHash } from './links';
import { eligibleUsers } from './eligible';
import { sealIdentity } from '$lib/server/responses/seal';

type Participants = { mode: 'all' } | { mode: 'units'; unitIds: string[] } | { mode: 'users'; userIds: string[] };

/**
 * The people a round's participant choice covers: only those with a unit and a job role among the round's
 * model's `groups` can be placed in its results.
 */
export async function participantQuery(organizationId: string, p: Participants, groups: readonly string[], executor: Db = db()) {
	let q = eligibleUsers(organizationId, groups, executor);
	if (p.mode === 'units') {
		const units = await listUnits({ organizationId }, executor);
		const ids = new Set(p.unitIds.flatMap((id) => [...subtreeIds(units, id)]).filter((id) => units.some((u) => u.id === id)));
		if (ids.size === 0) return null;
		q = q.where(sql<boolean>`unit_id = ANY(${[...ids]}::uuid[])`);
	} else if (p.mode === 'users') {
		// One array parameter, not one parameter per id: a list of many thousand people stays one statement.
		q = q.where(sql<boolean>`id = ANY(${p.userIds}::uuid[])`);
	}
	return q;
}

/**
 * Checks a participant choice against the organization: every unit and person named must exist in it.
 * Returns how many people it would invite today.
 */
export async function checkParticipants(
	opts: { organizationId: string; participants: Participants; groups: readonly string[] },
	executor: Db = db()
): Promise<number> {
	const p = opts.participants;
	if (p.mode === 'units') {
		const known = new Set((await listUnits(opts, executor)).map((u) => u.id));
		const i = p.unitIds.findIndex((id) => !known.has(id));
		if (i >= 0)
			throw new ValidationError('participants.unitIds: There is no such unit in your organization.', [
				{ path: `participants.unitIds.${i}`, message: 'There is no such unit in your organization' }
			]);
	} else if (p.mode === 'users') {
		const rows = await executor
			.selectFrom('users')
			.select('id')
			.where('organization_id', '=', opts.organizationId)
			.where(sql<boolean>`id = ANY(${[...new Set(p.userIds)]}::uuid[])`)
			.execute();
		const found = new Set(rows.map((r) => r.id));
		const i = p.userIds.findIndex((id) => !found.has(id));
		if (i >= 0)
			throw new ValidationError('participants.userIds: There is no such person in your organization.', [
				{ path: `participants.userIds.${i}`, message: 'There is no such person in your organization' }
			]);
	}
	return countInvitable(opts, executor);
}

/** How many people a participant choice would invite today (units or people that no longer exist count for nothing). */
export async function countInvitable(
	opts: { organizationId: string; participants: Participants; groups: readonly string[] },
	executor: Db = db()
): Promise<number> {
	const q = await participantQuery(opts.organizationId, opts.participants, opts.groups, executor);
	if (!q) return 0;
	const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * Creates one invitation per participant at launch, freezing each person's unit, job role and language
 * (unit and role also sealed under the response key, for the submit to put in its pending response).
 * People without a unit, or whose job role is none of the model's `groups`, cannot be placed in its
 * results and are not invited.
 */
export async function createInvitations(
	opts: { organizationId: string; roundId: string; participants: Participants; groups: readonly string[] },
	executor: Db = db()
): Promise<number> {
	const q = await participantQuery(opts.organizationId, opts.participants, opts.groups, executor);
	if (!q) return 0;
	const people = await q.select(['id', 'unit_id', 'job_role', 'email', 'language']).execute();
	if (people.length === 0) return 0;
	const ids = people.map(() => randomUUID());
	const hashes = await Promise.all(ids.map((id) => invitationTokenHash(id, executor)));
	const sealed = people.map((u) => sealIdentity({ unitId: u.unit_id!, jobRole: u.job_role! }, opts));
	await sql`
		INSERT INTO invitations (organization_id, round_id, id, user_id, unit_id, job_role, email, language, token_hash, sealed_identity)
		SELECT ${opts.organizationId}::uuid, ${opts.roundId}::uuid, t.id, t.user_id, t.unit_id, t.job_role, t.email, t.language, t.token_hash, t.sealed_identity
		FROM unnest(${ids}::uuid[], ${people.map((u) => u.id)}::uuid[], ${people.map((u) => u.unit_id)}::uuid[],
			${people.map((u) => u.job_role)}::text[], ${people.map((u) => u.email)}::text[], ${people.map((u) => u.language)}::text[], ${hashes}::text[], ${sealed}::bytea[])
			AS t(id, user_id, unit_id, job_role, email, language, token_hash, sealed_identity)
		ON CONFLICT (organization_id, round_id, user_id) DO NOTHING`.execute(executor);
	return people.length;
}
