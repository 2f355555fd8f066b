import { inject } from 'vitest';
import { db } from '$lib/server/db';
import { createSession } from '$lib/server/auth/sessions';
import { hashPassword } from '$lib/server/auth/passwords';
import type { Actor } from '$lib/server/auth/actor';

export const baseUrl = () => inject('baseUrl');

/** A session cookie for a member actor (created by createTestActor), as the browser would hold it. */
export async function sessionCookie(actor: Actor, password?: string): Promise<string> {
	const acc = await db()
		.insertInto('accounts')
		.values({ email: actor.email, password_hash: password ? await hashPassword(password) : null })
		.onConflict((oc) => oc.column('email').doUpdateSet({ email: actor.email }))
		.returning('id')
		.executeTakeFirstOrThrow();
	const s = await createSession({ accountId: acc.id, organizationId: actor.membership?.organizationId ?? null });
	return `sos_session=${s.token}`;
}

/** fetch against the test server; JSON bodies get the right content type and a same-origin Origin header. */
export async function call(
	method: string,
	path: string,
	opts: { cookie?: string; token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}
) {
	const headers: Record<string, string> = { origin: baseUrl(), ...(opts.headers ?? {}) };
	if (opts.cookie) headers.cookie = opts.cookie;
	if (opts.token) headers.authorization = `Bearer ${opts.token}`;
	let body = opts.body;
	if (opts.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(opts.json);
	}
	const res = await fetch(baseUrl() + path, { method, headers, body, redirect: 'manual' });
	const text = await res.text();
	let data: any = null;
	try {
		data = text ? JSON.parse(text) : null;
	} catch {
		data = text;
	}
	return { status: res.status, data, headers: res.headers };
}
