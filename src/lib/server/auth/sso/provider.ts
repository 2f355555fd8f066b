import * as oidc from 'openid-client';
import { lookup } from 'node:dns/promises';
import { BlockList } from 'node:net';
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

/** Addresses inside a network (private, loopback, link-local, carrier-grade NAT, IPv4-mapped): never an identity provider's. */
const INTERNAL = new BlockList();
for (const [net, prefix] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.168.0.0', 16]
] as const)
	INTERNAL.addSubnet(net, prefix, 'ipv4');
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) meet the IPv4 rules: BlockList checks them so.
for (const [net, prefix] of [
	['::', 127],
	['fc00::', 7],
	['fe80::', 10]
] as const)
	INTERNAL.addSubnet(net, prefix, 'ipv6');

/**
 * Why the issuer's host cannot be used, or null: SOS fetches the provider's discovery document and keys
 * from it, so it must not be an address inside this network (a server-side request an admin could aim at
 * internal services). Skipped when SOS_SSO_ALLOW_LOOPBACK=on (tests, development).
 */
export async function issuerHostProblem(issuer: string): Promise<string | null> {
	if (config().SOS_SSO_ALLOW_LOOPBACK === 'on') return null;
	const host = new URL(issuer).hostname.replace(/^\[|\]$/g, '');
	let addresses: { address: string; family: number }[];
	try {
		addresses = await lookup(host, { all: true });
	} catch {
		return 'The host name does not resolve';
	}
	if (addresses.some((a) => INTERNAL.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4')))
		return 'Must be a provider on the internet, not an address inside this network';
	return null;
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
