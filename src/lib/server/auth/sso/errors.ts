import { DomainError } from '$lib/server/errors';

/**
 * Why a single sign-on was refused. Each code has a message for the person in messages/*.json
 * (`sso.error.<code>`); the English text here is the API's and the log's. None names a secret or a token.
 */
export const SSO_ERROR_CODES = [
	'sso_not_configured',
	'sso_state_invalid',
	'sso_provider_refused',
	'sso_token_invalid',
	'sso_wrong_tenant',
	'sso_email_missing',
	'sso_email_unverified',
	'sso_domain_not_allowed',
	'sso_unknown_person',
	'sso_deactivated',
	'sso_required'
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

const MESSAGES: Record<SsoErrorCode, string> = {
	sso_not_configured: 'Single sign-on is not set up for that email domain.',
	sso_state_invalid: 'This sign-in has expired or was started in another browser. Please start again.',
	sso_provider_refused: 'Your identity provider did not sign you in.',
	sso_token_invalid: "Your identity provider's answer could not be verified, so you were not signed in.",
	sso_wrong_tenant: "You signed in with an account from another Microsoft Entra tenant than your organization's.",
	sso_email_missing: 'Your identity provider did not tell SOS your email address.',
	sso_email_unverified: 'Your identity provider has not verified your email address, so SOS cannot sign you in with it.',
	sso_domain_not_allowed: 'Your email address is not in a domain your organization signs in with.',
	sso_unknown_person: 'You are not a user of this organization in SOS yet. Ask an admin of your organization to add you.',
	sso_deactivated: 'Your access to this organization in SOS has been turned off. Ask an admin of your organization.',
	sso_required: 'Your organization signs in with single sign-on. Choose “Continue with single sign-on”.'
};

export class SsoError extends DomainError {
	declare readonly code: SsoErrorCode;
	constructor(code: SsoErrorCode) {
		super(code, MESSAGES[code]);
	}
}

export function isSsoErrorCode(value: unknown): value is SsoErrorCode {
	return typeof value === 'string' && (SSO_ERROR_CODES as readonly string[]).includes(value);
}
