import { json, type RequestHandler } from '@sveltejs/kit';
import { findSsoForEmail } from '$lib/server/auth/sso/policy';

/** For the sign-in page as an email is typed: whether its domain signs in with single sign-on, and whether only so. Nothing about the person. */
export const GET: RequestHandler = async ({ url }) => {
	const email = (url.searchParams.get('email') ?? '').slice(0, 254);
	const found = email.includes('@') ? await findSsoForEmail(email) : null;
	return json({ sso: !!found, required: found?.requireSso ?? false }, { headers: { 'cache-control': 'no-store' } });
};
