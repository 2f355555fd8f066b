import type { Cookies } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { ZONE_COOKIE, pickZone } from '$lib/time/zone';

/** The time zone the admin's round pages use: the browser's (cookie), else the organization country's, else UTC. */
export async function adminZone(cookies: Cookies, organizationId: string): Promise<string> {
	const org = await db().selectFrom('organizations').select('country').where('id', '=', organizationId).executeTakeFirst();
	return pickZone(cookies.get(ZONE_COOKIE), org?.country);
}
