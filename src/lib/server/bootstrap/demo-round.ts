import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { createRound } from '$lib/server/rounds/create';
import { createDemoKpis } from './demo-kpis';
import { createDemoHistory } from './demo-history';
import { createDemoAudit } from './demo-audit';

/**
 * The demo organization's generated history (two published rounds and a benchmark of generated
 * organizations), its ecosystem audit (one published round of the audit model), and its open round, so a newcomer can answer a survey at once: everyone invited,
 * three standard questions, open for two weeks. The invitations land in the outbox.
 */
export async function createDemoRound(executor: Db = db()): Promise<void> {
	const org = await executor.selectFrom('organizations').select(['id', 'country']).where('is_demo', '=', true).orderBy('created_at').executeTakeFirst();
	if (!org) return;
	await createDemoHistory({ organizationId: org.id }, executor);
	await createDemoAudit({ organizationId: org.id }, executor);
	await createDemoKpis({ organizationId: org.id, country: org.country }, executor);
	const system: Actor = { accountId: null, email: '', isOperator: false, via: 'session', label: 'system', membership: null };
	await createRound(
		{
			organizationId: org.id,
			actor: system,
			input: {
				name: 'Sales management survey (demo)',
				questions: [
					{ source: 'standard', key: 'demand_outlook' },
					{ source: 'standard', key: 'biggest_obstacle' },
					{ source: 'standard', key: 'one_change' }
				]
			}
		},
		executor
	);
}
