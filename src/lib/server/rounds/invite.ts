import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import { listUnits } from '$lib/server/units/queries';
import { subtreeIds } from '$lib/server/units/tree';
import { invitationTokenHash } from './links';

type Participants = { mode: 'all' } | { mode: 'units'; unitIds: string[] } | { mode: 'users'; userIds: string[] };

/**
 * Creates one invitation per participant at launch, freezing each person's unit, job role and language.
 * People without a unit or job role cannot be placed in results and are not invited.
 */
export async function createInvitations(db: Db, opts: { organizationId: string; roundId: string; participants: Participants }): Promise<number> {
	let q = db
		.selectFrom('users')
		.select(['id', 'unit_id', 'job_role', 'email', 'language'])
		.where('organization_id', '=', opts.organizationId)
		.where('unit_id', 'is not', null)
		.where('job_role', 'is not', null);
	const p = opts.participants;
	if (p.mode === 'units') {
		const units = await listUnits(db, { organizationId: opts.organizationId });
		const ids = new Set(p.unitIds.flatMap((id) => [...subtreeIds(units, id)]));
		if (ids.size === 0) return 0;
		q = q.where('unit_id', 'in', [...ids]);
	} else if (p.mode === 'users') {
		q = q.where('id', 'in', p.userIds);
	}
	const people = await q.execute();
	if (people.length === 0) return 0;
	const ids = people.map(() => randomUUID());
	const hashes = await Promise.all(ids.map((id) => invitationTokenHash(db, id)));
	await sql`
		INSERT INTO invitations (organization_id, round_id, id, user_id, unit_id, job_role, email, language, token_hash)
		SELECT ${opts.organizationId}::uuid, ${opts.roundId}::uuid, t.id, t.user_id, t.unit_id, t.job_role, t.email, t.language, t.token_hash
		FROM unnest(${ids}::uuid[], ${people.map((u) => u.id)}::uuid[], ${people.map((u) => u.unit_id)}::uuid[],
			${people.map((u) => u.job_role)}::text[], ${people.map((u) => u.email)}::text[], ${people.map((u) => u.language)}::text[], ${hashes}::text[])
			AS t(id, user_id, unit_id, job_role, email, language, token_hash)
		ON CONFLICT (organization_id, round_id, user_id) DO NOTHING`.execute(db);
	return people.length;
}
