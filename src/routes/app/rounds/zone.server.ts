import type { Cookies } from '@sveltejs/kit';
import { organizationCountry } from '$lib/server/orgs/queries';
import { ZONE_COOKIE, pickZone } from '$lib/time/zone';

/** The time zone the admin's round pages use: the browser's (cookie), else the organization country's, else UTC. */
export async function adminZone(cookies: Cookies, organizationId: string): Promise<string> {
	return pickZone(cookies.get(ZONE_COOKIE), await organizationCountry({ organizationId }));
}
