import { db, type Db } from '$lib/server/db';
import type { Language } from '$lib/server/db/schema';

/** Remembers a signed-in person's language: on their user in the organization and on their account (either may be absent). */
export async function saveLanguage(
	opts: { language: Language; membership?: { organizationId: string; userId: string } | null; accountId?: string | null },
	executor: Db = db()
): Promise<void> {
	const { language, membership, accountId } = opts;
	if (membership)
		await executor
			.updateTable('users')
			.set({ language })
			.where('organization_id', '=', membership.organizationId)
			.where('id', '=', membership.userId)
			.execute();
	if (accountId) await executor.updateTable('accounts').set({ language }).where('id', '=', accountId).execute();
}
