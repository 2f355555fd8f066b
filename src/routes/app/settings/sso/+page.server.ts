import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt, str } from '$lib/server/http/forms';
import { clientIp } from '$lib/server/http/client-ip';
import { getSsoConnection, listSsoAdmins, removeSsoConnection, saveSsoConnection } from '$lib/server/auth/sso/connections';
import { redirectUriFor } from '$lib/server/auth/sso/sign-in';
import { unitOptions } from '$lib/server/units/options';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const [connection, units, admins] = await Promise.all([
		getSsoConnection({ organizationId }),
		unitOptions({ organizationId }),
		listSsoAdmins({ organizationId })
	]);
	return { connection, units, admins, redirectUri: redirectUriFor(event.url.origin) };
};

/** The form without the client secret: what is shown again after an error never holds it. */
function withoutSecret(data: FormData): FormData {
	const copy = new FormData();
	for (const [k, v] of data.entries()) if (k !== 'clientSecret') copy.append(k, v);
	return copy;
}

export const actions: Actions = {
	save: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const input = {
			kind: str(data.get('kind')),
			tenantId: str(data.get('tenantId')),
			issuer: str(data.get('issuer')),
			clientId: str(data.get('clientId')) ?? '',
			clientSecret: str(data.get('clientSecret')),
			domains: str(data.get('domains')) ?? '',
			autoCreate: data.get('autoCreate') === 'on',
			autoCreateUnitId: str(data.get('autoCreateUnitId')),
			requireSso: data.get('requireSso') === 'on',
			breakGlassUserId: str(data.get('breakGlassUserId'))
		};
		return attempt(withoutSecret(data), async () => {
			await saveSsoConnection({ organizationId, actor, input, ip: clientIp(event), keepSession: event.locals.sessionId });
			return { saved: true };
		});
	},
	remove: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await removeSsoConnection({ organizationId, actor, ip: clientIp(event) });
			return { removed: true };
		});
	}
};
