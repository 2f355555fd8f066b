import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { invalidateSession } from '$lib/server/auth/sessions';
import { clearSessionCookie } from '$lib/server/http/authenticate';
import { recordAudit } from '$lib/server/audit/record';
import { clientIp } from '$lib/server/http/client-ip';

export const load: PageServerLoad = async () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		if (locals.sessionId) {
			await invalidateSession(db(), locals.sessionId);
			if (locals.actor?.membership)
				await recordAudit(db(), { organizationId: locals.actor.membership.organizationId, actor: locals.actor.label, action: 'sign_out', target: locals.actor.email, ip: clientIp(event) });
		}
		clearSessionCookie(event);
		redirect(303, '/signin?signed-out');
	}
};
