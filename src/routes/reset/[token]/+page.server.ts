import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isLinkUsable, resetPassword, InvalidLinkError } from '$lib/server/auth/email-links';
import { fields } from '$lib/server/validation';
import { clientIp } from '$lib/server/http/client-ip';

export const load: PageServerLoad = async ({ params }) => ({ usable: await isLinkUsable('password_reset', params.token) });

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const password = String(form.get('password') ?? '');
		if (password !== String(form.get('confirm') ?? '')) return fail(400, { error: 'reset.mismatch' as const });
		const parsed = fields.password.safeParse(password);
		if (!parsed.success) return fail(400, { error: 'reset.hint' as const });
		try {
			await resetPassword({ token: event.params.token, password, ip: clientIp(event) });
		} catch (err) {
			if (err instanceof InvalidLinkError) return fail(400, { error: 'link.invalid' as const, invalid: true });
			throw err;
		}
		redirect(303, '/signin?password-set');
	}
};
