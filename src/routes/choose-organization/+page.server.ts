import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { listMemberships } from '$lib/server/auth/memberships';
import { switchSessionOrganization } from '$lib/server/auth/sessions';
import { requireSignedIn } from '$lib/server/http/guards';
import { recordAudit } from '$lib/server/audit/record';
import { clientIp } from '$lib/server/http/client-ip';

export const load: PageServerLoad = async (event) => {
	const actor = requireSignedIn(event);
	// A single sign-on session counts for its own organization only.
	const memberships = (await listMemberships(actor.email)).filter((m) => !actor.ssoOrganizationId || m.organizationId === actor.ssoOrganizationId);
	return { organizations: memberships.map((m) => ({ id: m.organizationId, name: m.organizationName, access: m.access })), isOperator: actor.isOperator };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireSignedIn(event);
		const id = String((await event.request.formData()).get('organizationId') ?? '');
		const ok = (await listMemberships(actor.email)).some((m) => m.organizationId === id && (!actor.ssoOrganizationId || id === actor.ssoOrganizationId));
		if (!ok || !event.locals.sessionId) return fail(404, { error: true });
		await switchSessionOrganization(event.locals.sessionId, id);
		await recordAudit({
			organizationId: id,
			actor: actor.email,
			action: 'sign_in',
			target: actor.email,
			ip: clientIp(event),
			details: { method: 'organization_chosen' }
		});
		redirect(303, '/app');
	}
};
