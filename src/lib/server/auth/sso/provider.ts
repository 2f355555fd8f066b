import * as oidc from 'openid-client';
import { config } from '$lib/server/config';

/** The OpenID Connect client for one connection, from the provider's discovery document (openid-client). */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why an issuer URL cannot be used, or null: https only, except a provider on this machine when SOS_SSO_ALLOW_LOOPBACK=on (tests, development). */
export function issuerProblem(issuer: string): string | null {
	let url: URL;
	try {
		url = new URL(issuer);
	} catch {
		return 'Must be a URL such as https://login.example.com';
	}
	if (url.search || url.hash || url.username || url.password) return 'Must be the issuer URL alone, without a query, fragment or credentials';
	if (url.protocol === 'https:') return null;
	if (url.protocol === 'http:' && LOOPBACK.has(url.hostname) && config().SOS_SSO_ALLOW_LOOPBACK === 'on') return null;
	return 'Must start with https://';
}

export interface ClientSettings {
	issuer: string;
	clientId: string;
	clientSecret: string;
}

const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();
const CACHE_MS = 10 * 60_000;

/**
 * Discovers the provider (its issuer must be exactly `issuer`, as openid-client checks) and returns a
 * client that checks every ID token's signature against the provider's keys (enableNonRepudiationChecks:
 * openid-client otherwise trusts the TLS connection to the token endpoint instead), besides its issuer,
 * audience, expiry and nonce. Kept ten minutes per issuer, client and secret.
 */
export function providerClient(s: ClientSettings): Promise<oidc.Configuration> {
	const key = JSON.stringify([s.issuer, s.clientId, s.clientSecret]);
	const hit = cache.get(key);
	if (hit && Date.now() - hit.at < CACHE_MS) return hit.config;
	const problem = issuerProblem(s.issuer);
	if (problem) return Promise.reject(new Error(`issuer: ${problem}`));
	const insecure = new URL(s.issuer).protocol === 'http:';
	const made = oidc
		.discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined, {
			execute: insecure ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] : [oidc.enableNonRepudiationChecks],
			timeout: 10
		})
		.catch((err) => {
			cache.delete(key);
			throw err;
		});
	cache.set(key, { at: Date.now(), config: made });
	if (cache.size > 200) cache.delete(cache.keys().next().value!);
	return made;
}
