import type { SsoKind } from '$lib/server/db/schema';
import { SsoError } from './errors';

/** Pure rules of single sign-on: issuers, who a token names, which email it vouches for. */

/** Entra ID's issuer of one tenant (v2.0 endpoints). */
export function entraIssuer(tenantId: string, authority: string): string {
	return `${authority.replace(/\/+$/, '')}/${tenantId.toLowerCase()}/v2.0`;
}

/** The domain of an email address, lower case; null when it has none. */
export function domainOf(email: string): string | null {
	const at = email.lastIndexOf('@');
	const domain =
		at > 0
			? email
					.slice(at + 1)
					.trim()
					.toLowerCase()
			: '';
	return domain ? domain : null;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Domains as typed (commas, spaces or lines between; "@" and case ignored): lower case, each once, in order. Throws on one that is not a domain. */
export function parseDomains(text: string): string[] {
	const out: string[] = [];
	for (const raw of text.split(/[\s,;]+/)) {
		const d = raw.trim().toLowerCase().replace(/^@/, '');
		if (!d) continue;
		if (!DOMAIN.test(d)) throw new Error(`“${raw.trim().slice(0, 80)}” is not an email domain (such as example.com).`);
		if (!out.includes(d)) out.push(d);
	}
	return out;
}

export interface ConnectionRules {
	kind: SsoKind;
	tenantId: string | null;
	domains: string[];
}

export interface Identified {
	/** `tid:oid` for Entra, `sub` otherwise: what stays the same when a person's email changes. */
	subject: string;
	email: string;
	name: string | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * Who a verified ID token names, for a connection. openid-client has already checked the signature,
 * issuer, audience, expiry and nonce; these are the checks it cannot know: the Entra tenant, the
 * subject, and an email the provider vouches for in one of the organization's domains.
 */
export function identify(claims: Record<string, unknown>, rules: ConnectionRules): Identified {
	let subject: string;
	let email: string | null;
	if (rules.kind === 'entra') {
		const tid = text(claims.tid);
		const oid = text(claims.oid);
		if (!tid || !rules.tenantId || tid.toLowerCase() !== rules.tenantId.toLowerCase()) throw new SsoError('sso_wrong_tenant');
		if (!oid) throw new SsoError('sso_token_invalid');
		subject = `${tid.toLowerCase()}:${oid.toLowerCase()}`;
		email = text(claims.email) ?? text(claims.preferred_username) ?? text(claims.upn);
	} else {
		const sub = text(claims.sub);
		if (!sub) throw new SsoError('sso_token_invalid');
		subject = sub;
		email = text(claims.email);
		if (email && claims.email_verified === false) throw new SsoError('sso_email_unverified');
	}
	if (!email || !email.includes('@')) throw new SsoError('sso_email_missing');
	email = email.toLowerCase();
	const domain = domainOf(email);
	if (!domain || !rules.domains.includes(domain)) throw new SsoError('sso_domain_not_allowed');
	return { subject, email, name: text(claims.name) };
}
