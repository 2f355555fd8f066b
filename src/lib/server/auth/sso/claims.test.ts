import { describe, expect, it } from 'vitest';
import { domainOf, entraIssuer, identify, parseDomains } from './claims';

const TENANT = '3f8a1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const entra = { kind: 'entra' as const, tenantId: TENANT, domains: ['contoso.com'] };
const oidc = { kind: 'oidc' as const, tenantId: null, domains: ['example.org', 'example.com'] };

const code = (fn: () => unknown) => {
	try {
		fn();
	} catch (err) {
		return (err as { code?: string }).code;
	}
	return 'no error';
};

describe('SSO claims', () => {
	it("derives Entra's issuer from the tenant", () => {
		expect(entraIssuer(TENANT.toUpperCase(), 'https://login.microsoftonline.com/')).toBe(`https://login.microsoftonline.com/${TENANT}/v2.0`);
	});

	it('reads domains from a list typed in any way, refusing what is not a domain', () => {
		expect(parseDomains(' Example.com, @sub.example.org\nexample.com;x-y.se ')).toEqual(['example.com', 'sub.example.org', 'x-y.se']);
		expect(parseDomains('')).toEqual([]);
		expect(() => parseDomains('example')).toThrow(/not an email domain/);
		expect(() => parseDomains('ex ample.com http://evil')).toThrow();
		expect(domainOf('Ann@Example.COM')).toBe('example.com');
		expect(domainOf('nobody')).toBeNull();
	});

	it('names an Entra person by tid:oid, with the email from preferred_username when there is no email claim', () => {
		const who = identify({ tid: TENANT, oid: 'A1B2', preferred_username: 'Ann@Contoso.com', sub: 'pairwise' }, entra);
		expect(who).toEqual({ subject: `${TENANT}:a1b2`, email: 'ann@contoso.com', name: null });
		expect(identify({ tid: TENANT, oid: 'x', upn: 'bo@contoso.com' }, entra).email).toBe('bo@contoso.com');
	});

	it('refuses another Entra tenant, a token without oid, and a domain the organization did not allow', () => {
		expect(code(() => identify({ tid: 'other', oid: 'x', email: 'a@contoso.com' }, entra))).toBe('sso_wrong_tenant');
		expect(code(() => identify({ oid: 'x', email: 'a@contoso.com' }, entra))).toBe('sso_wrong_tenant');
		expect(code(() => identify({ tid: TENANT, email: 'a@contoso.com' }, entra))).toBe('sso_token_invalid');
		expect(code(() => identify({ tid: TENANT, oid: 'x', email: 'a@evil.com' }, entra))).toBe('sso_domain_not_allowed');
		expect(code(() => identify({ tid: TENANT, oid: 'x' }, entra))).toBe('sso_email_missing');
	});

	it('names a generic person by sub and refuses an email the provider says it has not verified', () => {
		expect(identify({ sub: 'u-1', email: 'ann@example.org', email_verified: true, name: 'Ann' }, oidc)).toEqual({
			subject: 'u-1',
			email: 'ann@example.org',
			name: 'Ann'
		});
		expect(code(() => identify({ sub: 'u-1', email: 'ann@example.org', email_verified: false }, oidc))).toBe('sso_email_unverified');
		expect(code(() => identify({ email: 'ann@example.org' }, oidc))).toBe('sso_token_invalid');
		// preferred_username is not an email a generic provider vouches for.
		expect(code(() => identify({ sub: 'u-1', preferred_username: 'ann@example.org' }, oidc))).toBe('sso_email_missing');
	});
});
