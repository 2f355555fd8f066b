import { db, type Db } from '$lib/server/db';

/** The organization's country code (e.g. 'SE'), null when it has none or does not exist. */
export async function organizationCountry(opts: { organizationId: string }, executor: Db = db()): Promise<string | null> {
	const org = await executor.selectFrom('organizations').select('country').where('id', '=', opts.organizationId).executeTakeFirst();
	return org?.country ?? null;
}
