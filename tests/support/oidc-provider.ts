import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair, type JWTPayload } from 'jose';

/**
 * A real OpenID Connect provider (oidc-provider) for tests, dressed as Microsoft Entra ID where SOS cares:
 * the issuer is <origin>/<tenant>/v2.0, and ID tokens carry `tid`, `oid` and `preferred_username`. Sign-in
 * needs no form: whoever `signInAs` names is logged in when a browser (or `authorize`) arrives.
 *
 * `tamper` lets a test play a misbehaving or hostile issuer: the provider's ID token is re-signed (with its
 * own key, or another) after changing claims, to prove that SOS checks issuer, audience, expiry and signature.
 */
export interface TestIdp {
	origin: string;
	tenant: string;
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** The account the next sign-in at the provider is, and its claims (besides sub). */
	accounts: Map<string, Record<string, unknown>>;
	signInAs: (accountId: string) => void;
	/** Changes each ID token the token endpoint hands out until reset with null. */
	tamper: (change: ((claims: JWTPayload) => JWTPayload) | null, opts?: { foreignKey?: boolean }) => void;
	/** Follows an authorization URL through the provider as a browser would; returns where it sends the browser back (the app's callback with code and state). */
	authorize: (authorizationUrl: string) => Promise<string>;
	stop: () => Promise<void>;
}

export async function startTestIdp(opts: { redirectUris: () => string[]; tenant?: string }): Promise<TestIdp> {
	const tenant = opts.tenant ?? '6d1f3a9e-2c4b-4e8f-9a7d-5b3c1e0f2a4d';
	const prefix = `/${tenant}/v2.0`;
	let handler: http.RequestListener | null = null;
	let nextAccount: string | null = null;
	let tampering: { change: (c: JWTPayload) => JWTPayload; foreignKey: boolean } | null = null;

	const server = http.createServer((req, res) => {
		if (req.url?.startsWith('/interaction/')) return void interaction(req, res).catch((err) => fail(res, err));
		if (!req.url?.startsWith(prefix)) return fail(res, new Error(`no such path ${req.url}`));
		handler ??= makeProvider().callback();
		// The provider lives under the tenant path, as Entra's v2.0 endpoints do.
		(req as { originalUrl?: string }).originalUrl = req.url;
		req.url = req.url.slice(prefix.length) || '/';
		handler(req, res);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const issuer = `${origin}${prefix}`;

	const { privateKey } = await generateKeyPair('RS256', { extractable: true });
	const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
	const foreign = await generateKeyPair('RS256');
	const clientId = 'sos-test-client';
	const clientSecret = 'test-client-secret-' + Math.random().toString(36).slice(2);
	const accounts = new Map<string, Record<string, unknown>>();

	// Made on the first request: the client's redirect URIs name the app, which may start after the provider (it needs the provider's address).
	let provider: Provider;
	function makeProvider(): Provider {
		const configuration: Configuration = {
			clients: [
				{
					client_id: clientId,
					client_secret: clientSecret,
					redirect_uris: opts.redirectUris(),
					response_types: ['code'],
					grant_types: ['authorization_code'],
					token_endpoint_auth_method: 'client_secret_post'
				}
			],
			jwks: { keys: [jwk as never] },
			cookies: { keys: ['test-cookie-key'] },
			claims: { openid: ['sub', 'tid', 'oid'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username', 'upn'] },
			conformIdTokenClaims: false,
			features: { devInteractions: { enabled: false } },
			interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
			pkce: { required: () => true },
			ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
			findAccount: async (_ctx, sub) => {
				const claims = accounts.get(sub);
				return claims ? { accountId: sub, claims: async () => ({ sub, ...claims }) } : undefined;
			},
			// Consent is not part of what SOS tests: every grant the client asks for is given.
			loadExistingGrant: async (ctx) => {
				const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
				grant.addOIDCScope('openid email profile');
				await grant.save();
				return grant;
			}
		};
		provider = new Provider(issuer, configuration);
		provider.on('server_error', (_ctx, err) => console.error('[test idp]', err));
		provider.use(async (ctx, next) => {
			await next();
			const body = ctx.body as { id_token?: string } | undefined;
			if (ctx.path === '/token' && tampering && body?.id_token) {
				const claims = tampering.change(decodeJwt(body.id_token));
				body.id_token = await new SignJWT(claims)
					.setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
					.sign(tampering.foreignKey ? foreign.privateKey : privateKey);
			}
		});
		return provider;
	}

	async function interaction(req: http.IncomingMessage, res: http.ServerResponse) {
		// Fails unless the browser holds the interaction cookie the provider set.
		await provider.interactionDetails(req, res);
		if (!nextAccount) throw new Error('signInAs(account) was not called');
		await provider.interactionFinished(req, res, { login: { accountId: nextAccount } }, { mergeWithLastSubmission: false });
	}

	/** A tiny cookie jar and redirect walker. */
	async function authorize(authorizationUrl: string): Promise<string> {
		const jar = new Map<string, string>();
		let url = authorizationUrl;
		for (let hop = 0; hop < 10; hop++) {
			if (!url.startsWith(origin)) return url;
			const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
			for (const c of res.headers.getSetCookie()) {
				const [pair] = c.split(';');
				const i = pair.indexOf('=');
				jar.set(pair.slice(0, i), pair.slice(i + 1));
			}
			const location = res.headers.get('location');
			if (!location) throw new Error(`the provider stopped at ${url} with ${res.status}: ${(await res.text()).slice(0, 300)}`);
			url = new URL(location, url).href;
		}
		throw new Error('too many redirects at the provider');
	}

	return {
		origin,
		tenant,
		issuer,
		clientId,
		clientSecret,
		accounts,
		signInAs: (id) => (nextAccount = id),
		tamper: (change, o = {}) => (tampering = change ? { change, foreignKey: !!o.foreignKey } : null),
		authorize,
		stop: () => new Promise<void>((r) => server.close(() => r()))
	};
}

function fail(res: http.ServerResponse, err: unknown) {
	res.statusCode = 500;
	res.end(String(err instanceof Error ? err.message : err));
}
