import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { invitationToken } from '$lib/server/rounds/links';
import { getModel } from '$lib/server/models/registry';

/** An organization with `people` participants in `teams` teams and an open round; returns their link tokens. */
export async function openRoundWith(people: number, teams = 20) {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const unitIds: string[] = [];
	for (let t = 0; t < teams; t++)
		unitIds.push(
			(
				await db()
					.insertInto('units')
					.values({ organization_id: org.id, name: `Team ${t}` })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);
	const rows = Array.from({ length: people }, (_, i) => ({
		organization_id: org.id,
		name: `Person ${i}`,
		email: `bench.${i}.${org.id.slice(0, 8)}@example.test`,
		language: 'en' as const,
		unit_id: unitIds[i % teams],
		job_role: (i % 8 === 0 ? 'sales_manager' : 'sales_person') as 'sales_manager' | 'sales_person',
		access: 'participant' as const
	}));
	for (let i = 0; i < rows.length; i += 1000)
		await db()
			.insertInto('users')
			.values(rows.slice(i, i + 1000))
			.execute();
	const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Bench round' } });
	const invitations = await db()
		.selectFrom('invitations')
		.select(['id', 'unit_id', 'job_role'])
		.where('organization_id', '=', org.id)
		.where('round_id', '=', round.id)
		.execute();
	const tokens = await Promise.all(invitations.map((i) => invitationToken({ organizationId: org.id, invitationId: i.id })));
	const model = await getModel(round.modelId, round.modelVersion);
	return { org, round, invitations, tokens, model };
}

/** A plausible full answer set: every statement answered 1–5, a few "don't know". */
export function answersFor(keys: string[], seed: number): Record<string, number> {
	return Object.fromEntries(keys.map((k, i) => [k, (seed * 7 + i * 3) % 11 === 0 ? 0 : 1 + ((seed + i) % 5)]));
}
