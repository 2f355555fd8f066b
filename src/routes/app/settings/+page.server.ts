import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage, requireMemberPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { changePassword, hasPassword, WrongPasswordError } from '$lib/server/auth/change-password';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/api-tokens/tokens';
import { DomainError, RateLimitedError } from '$lib/server/errors';

export const load: PageServerLoad = async (event) => {
	const { actor, organizationId, membership } = requireMemberPage(event);
	const isAdmin = membership.access === 'admin';
	return {
		email: actor.email,
		hasPassword: actor.accountId ? await hasPassword({ accountId: actor.accountId }) : false,
		// Signed in by single sign-on: the identity provider keeps the password.
		ssoSession: !!actor.ssoOrganizationId,
		tokens: isAdmin ? await listApiTokens({ organizationId }) : null
	};
};

export const actions: Actions = {
	password: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		try {
			await changePassword({
				actor,
				current: String(data.get('current') ?? ''),
				password: String(data.get('password') ?? ''),
				keepSession: event.locals.sessionId
			});
			return { passwordChanged: true };
		} catch (err) {
			if (err instanceof WrongPasswordError) return fail(400, { passwordError: 'settings.wrongPassword' as const });
			if (err instanceof RateLimitedError) event.locals.retryAfter = err.retryAfterSeconds;
			if (err instanceof RateLimitedError) return fail(429, { passwordError: 'signin.rateLimited' as const });
			if (err instanceof DomainError) return fail(400, { passwordError: 'reset.hint' as const });
			throw err;
		}
	},
	createToken: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const token = await createApiToken({ organizationId, actor, input: { name: data.get('name') } });
			return { createdToken: token.secret, createdName: token.name };
		});
	},
	revokeToken: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await revokeApiToken({ organizationId, actor, tokenId: String(data.get('id') ?? '') });
			return { revoked: true };
		});
	}
};
