import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import type { Access } from '$lib/server/db/schema';
import type { Actor } from '$lib/server/auth/actor';

/** A fresh organization per test: tests isolate by organization, never by truncating tables. */
export async function createTestOrganization(opts: { levels?: string[] } = {}) {
	const org = await db()
		.insertInto('organizations')
		.values({
			name: `Test org ${randomUUID().slice(0, 8)}`,
			industry: 'manufacturing',
			country: 'SE',
			size_band: '50-199',
			sales_model: 'field',
			level_names: opts.levels ?? ['Business area', 'Region', 'Team']
		})
		.returning(['id', 'name', 'level_names'])
		.executeTakeFirstOrThrow();
	return org;
}

export function uniqueEmail(prefix = 'user'): string {
	return `${prefix}-${randomUUID().slice(0, 12)}@example.test`;
}

/** An actor acting in the organization with the given access, as a route would pass it. */
export async function createTestActor(organizationId: string, access: Access = 'admin', scopeUnitId: string | null = null): Promise<Actor> {
	const email = uniqueEmail(access);
	const user = await db()
		.insertInto('users')
		.values({ organization_id: organizationId, name: `Test ${access}`, email, language: 'en', access, scope_unit_id: scopeUnitId })
		.returning(['id'])
		.executeTakeFirstOrThrow();
	return {
		accountId: null,
		email,
		isOperator: false,
		via: 'session',
		label: email,
		membership: {
			organizationId,
			organizationName: 'Test',
			isDemo: false,
			userId: user.id,
			name: `Test ${access}`,
			access,
			scopeUnitId,
			language: 'en'
		}
	};
}

/** A unit named `name` with `people` sales people (participants) in it; their emails in order P0, P1, … */
export async function createTestTeam(organizationId: string, people: number, opts: { name?: string; emailPrefix?: string } = {}) {
	const team = await db()
		.insertInto('units')
		.values({ organization_id: organizationId, name: opts.name ?? 'Team' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const emails = Array.from({ length: people }, (_, i) => uniqueEmail(`${opts.emailPrefix ?? 'p'}${i}`));
	if (people > 0)
		await db()
			.insertInto('users')
			.values(
				emails.map((email, i) => ({
					organization_id: organizationId,
					name: `P${i}`,
					email,
					language: 'en' as const,
					unit_id: team.id,
					job_role: 'sales_person' as const,
					access: 'participant' as const
				}))
			)
			.execute();
	return { id: team.id, emails };
}
