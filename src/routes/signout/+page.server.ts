import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { invalidateSession } from '$lib/server/auth/sessions';
import { clearSessionCookie } from '$lib/server/http/authenticate';
import { recordAudit } from '$lib/server/audit/record';
import { clientIp } from '$lib/server/http/client-ip';

export const load: PageServerLoad = async () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		if (locals.sessionId) {
			await invalidateSession(locals.sessionId);
			if (locals.actor?.membership)
				await recordAudit({
					organizationId: locals.actor.membership.organizationId,
					actor: locals.actor.label,
					action: 'sign_out',
					target: locals.actor.email,
					ip: clientIp(event)
				});
		}
		clearSessionCookie(event);
		redirect(303, '/signin?signed-out');
	}
};
