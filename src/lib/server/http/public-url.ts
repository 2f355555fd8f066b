/**
 * The address emailed links point to: ORIGIN when configured, else the address start.js printed.
 * Never the request's Host header, which a client controls (a forged Host would put an attacker's
 * site into someone's password-reset link).
 */
export function publicOrigin(): string {
	const url = process.env.ORIGIN || process.env.SOS_PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`;
	return url.replace(/\/+$/, '');
}
