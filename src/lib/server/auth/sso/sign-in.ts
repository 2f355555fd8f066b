import * as oidc from 'openid-client';
import { db, type Db } from '$lib/server/db';
import { hitRateLimit } from '$lib/server/auth/rate-limit';
import { createUser } from '$lib/server/users/mutations';
import { recordAudit } from '$lib/server/audit/record';
import { DomainError } from '$lib/server/errors';
import { hashToken } from '../tokens';
import type { Actor } from '../actor';
import { identify, type Identified } from './claims';
import { loadSsoClientSettings } from './connections';
import { findSsoForEmail } from './policy';
import { providerClient } from './provider';
import { SsoError } from './errors';

/** How long a sign-in may take at the provider. */
export const FLOW_SECONDS = 10 * 60;
export const SSO_STATE_COOKIE = 'sos_sso_state';
export const CALLBACK_PATH = '/signin/sso/callback';

export const redirectUriFor = (origin: string) => `${origin}${CALLBACK_PATH}`;

/**
 * Starts a sign-in with the identity provider of the email's domain: authorization code flow with PKCE
 * (S256), a random state and nonce. They and the code verifier stay on the server (sso_flows, found by
 * the state's hash, used once); the browser holds the state in a short-lived httpOnly cookie, so the
 * answer is accepted only in the browser that asked.
 */
export async function startSsoSignIn(
	opts: { email: string; origin: string; next: string; ip?: string | null },
	executor: Db = db()
): Promise<{ url: string; state: string; maxAgeSeconds: number }> {
	// Each start keeps a flow for ten minutes: one address may start a hundred in fifteen.
	if (opts.ip) await hitRateLimit(`sso-start:${opts.ip}`, 100, 900, executor);
	const email = opts.email.trim().toLowerCase();
	const found = await findSsoForEmail(email, executor);
	if (!found) throw new SsoError('sso_not_configured');
	const settings = await loadSsoClientSettings({ organizationId: found.organizationId }, executor);
	if (!settings) throw new SsoError('sso_not_configured');
	const client = await providerClient({ issuer: settings.issuer, clientId: settings.client_id, clientSecret: settings.clientSecret });
	const state = oidc.randomState();
	const nonce = oidc.randomNonce();
	const verifier = oidc.randomPKCECodeVerifier();
	await executor.deleteFrom('sso_flows').where('expires_at', '<', new Date()).execute();
	await executor
		.insertInto('sso_flows')
		.values({
			id: hashToken(state),
			organization_id: found.organizationId,
			nonce,
			code_verifier: verifier,
			next: opts.next,
			expires_at: new Date(Date.now() + FLOW_SECONDS * 1000)
		})
		.execute();
	const url = oidc.buildAuthorizationUrl(client, {
		redirect_uri: redirectUriFor(opts.origin),
		response_type: 'code',
		scope: 'openid email profile',
		state,
		nonce,
		code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		login_hint: email
	});
	return { url: url.href, state, maxAgeSeconds: FLOW_SECONDS };
}

export interface SsoSignedIn {
	accountId: string;
	organizationId: string;
	next: string;
}

/**
 * Finishes a sign-in at the callback: checks the state against the browser's cookie and the stored flow
 * (used up here, whatever happens next), exchanges the code with the PKCE verifier, has openid-client
 * check the ID token (signature, issuer, audience, expiry, nonce), then identifies the person
 * (claims.ts) and signs them in to the connection's organization. Failures are audited with their reason
 * only: never a token, a code or a claim's value beyond the email.
 */
export async function completeSsoSignIn(
	opts: { callbackUrl: URL; cookieState: string | null; origin: string; ip: string | null },
	executor: Db = db()
): Promise<SsoSignedIn> {
	const state = opts.callbackUrl.searchParams.get('state');
	if (!state || !opts.cookieState || state !== opts.cookieState) throw new SsoError('sso_state_invalid');
	const flow = await executor.deleteFrom('sso_flows').where('id', '=', hashToken(state)).returningAll().executeTakeFirst();
	if (!flow || flow.expires_at.getTime() <= Date.now()) throw new SsoError('sso_state_invalid');
	const organizationId = flow.organization_id;
	let email: string | null = null;
	try {
		if (opts.callbackUrl.searchParams.has('error')) throw new SsoError('sso_provider_refused');
		const settings = await loadSsoClientSettings({ organizationId }, executor);
		if (!settings) throw new SsoError('sso_not_configured');
		const client = await providerClient({ issuer: settings.issuer, clientId: settings.client_id, clientSecret: settings.clientSecret });
		let claims: Record<string, unknown>;
		try {
			const tokens = await oidc.authorizationCodeGrant(
				client,
				opts.callbackUrl,
				{ pkceCodeVerifier: flow.code_verifier, expectedState: state, expectedNonce: flow.nonce, idTokenExpected: true },
				{ redirect_uri: redirectUriFor(opts.origin) }
			);
			claims = (tokens.claims() ?? {}) as Record<string, unknown>;
		} catch (err) {
			// The library's reason (e.g. "unexpected JWT "aud" (audience) claim value") names no secret; the code and tokens stay out of the log.
			const reason = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : 'unknown error';
			console.warn(`[sso] ID token refused for organization ${organizationId}: ${reason.slice(0, 300)}`);
			throw new SsoError('sso_token_invalid');
		}
		const who = identify(claims, { kind: settings.kind, tenantId: settings.tenant_id, domains: settings.domains });
		email = who.email;
		const signedIn = await executor
			.transaction()
			.execute((trx) =>
				signInPerson(
					{ organizationId, issuer: settings.issuer, who, autoCreateUnitId: settings.auto_create ? settings.auto_create_unit_id : null, ip: opts.ip },
					trx
				)
			);
		return { ...signedIn, next: flow.next };
	} catch (err) {
		const reason = err instanceof DomainError ? err.code : 'error';
		await recordAudit(
			{ organizationId, actor: email ?? 'single sign-on', action: 'sign_in_failed', target: email, ip: opts.ip, details: { method: 'sso', reason } },
			executor
		);
		throw err;
	}
}

/** The user the identity is linked to; else, on first sign-in, the user with that email (then linked), or a new participant when the organization allows it. */
async function signInPerson(
	opts: { organizationId: string; issuer: string; who: Identified; autoCreateUnitId: string | null; ip: string | null },
	trx: Db
): Promise<{ accountId: string; organizationId: string }> {
	const { organizationId, issuer, who } = opts;
	const linked = await trx
		.selectFrom('sso_identities')
		.innerJoin('users', (j) => j.onRef('users.organization_id', '=', 'sso_identities.organization_id').onRef('users.id', '=', 'sso_identities.user_id'))
		.select(['users.id', 'users.email', 'users.deactivated_at'])
		.where('sso_identities.organization_id', '=', organizationId)
		.where('sso_identities.issuer', '=', issuer)
		.where('sso_identities.subject', '=', who.subject)
		.executeTakeFirst();
	let user = linked ?? null;
	let how: 'linked' | 'matched' | 'created' = 'linked';
	if (!user) {
		user =
			(await trx
				.selectFrom('users')
				.select(['id', 'email', 'deactivated_at'])
				.where('organization_id', '=', organizationId)
				.where('email', '=', who.email)
				.executeTakeFirst()) ?? null;
		how = 'matched';
		if (!user && opts.autoCreateUnitId) {
			const unit = await trx
				.selectFrom('units')
				.select('id')
				.where('organization_id', '=', organizationId)
				.where('id', '=', opts.autoCreateUnitId)
				.executeTakeFirst();
			if (unit) {
				const actor: Actor = { accountId: null, email: who.email, isOperator: false, membership: null, via: 'session', label: `single sign-on (${who.email})` };
				const created = await createUser(
					{ organizationId, actor, input: { name: who.name ?? who.email.split('@')[0], email: who.email, unitId: unit.id, access: 'participant' } },
					trx
				);
				user = { id: created.id, email: created.email, deactivated_at: null };
				how = 'created';
			}
		}
		if (!user) throw new SsoError('sso_unknown_person');
		// Deactivated by provisioning (SCIM): no sign-in, and no new link to their identity.
		if (user.deactivated_at) throw new SsoError('sso_deactivated');
		await trx
			.insertInto('sso_identities')
			.values({ organization_id: organizationId, issuer, subject: who.subject, user_id: user.id })
			.onConflict((oc) => oc.columns(['organization_id', 'issuer', 'subject']).doNothing())
			.execute();
	} else {
		if (user.deactivated_at) throw new SsoError('sso_deactivated');
		await trx
			.updateTable('sso_identities')
			.set({ last_sign_in_at: new Date() })
			.where('organization_id', '=', organizationId)
			.where('issuer', '=', issuer)
			.where('subject', '=', who.subject)
			.execute();
	}
	await trx
		.insertInto('accounts')
		.values({ email: user.email })
		.onConflict((oc) => oc.column('email').doNothing())
		.execute();
	const account = await trx.selectFrom('accounts').select(['id', 'is_operator']).where('email', '=', user.email).executeTakeFirstOrThrow();
	// An organization's identity provider speaks for that organization's people, never for SOS's operator.
	if (account.is_operator) throw new SsoError('sso_unknown_person');
	await trx.updateTable('accounts').set({ last_sign_in_at: new Date() }).where('id', '=', account.id).execute();
	await recordAudit({ organizationId, actor: user.email, action: 'sign_in', target: user.email, ip: opts.ip, details: { method: 'sso', identity: how } }, trx);
	return { accountId: account.id, organizationId };
}
