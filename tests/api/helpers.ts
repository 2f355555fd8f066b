import http from 'node:http';
import { randomInt } from 'node:crypto';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { hashPassword } from '$lib/server/auth/passwords';
import type { Access } from '$lib/server/db/schema';
import { baseUrl, sessionCookie } from '../support/http';

/**
 * Low-level HTTP for what fetch cannot do: a chosen Host header, and a chosen client address
 * (any 127.x.y.z on Linux), so rate limits per IP do not leak between tests.
 */
export interface RawResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	setCookies: string[];
	text: string;
	location: string | null;
}

export function raw(
	method: string,
	path: string,
	opts: { headers?: Record<string, string>; body?: string | Buffer; ip?: string; port?: string } = {}
): Promise<RawResponse> {
	const url = new URL(baseUrl());
	if (opts.port) url.port = opts.port;
	return new Promise((resolve, reject) => {
		const req = http.request({ host: url.hostname, port: url.port, method, path, headers: opts.headers ?? {}, localAddress: opts.ip }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					setCookies: res.headers['set-cookie'] ?? [],
					text: Buffer.concat(chunks).toString('utf8'),
					location: (res.headers.location as string | undefined) ?? null
				})
			);
		});
		req.on('error', reject);
		if (opts.body !== undefined) req.write(opts.body);
		req.end();
	});
}

/** A random loopback address other than 127.0.0.1: a "different client" for per-IP limits. */
export function freshIp(): string {
	return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** A browser-like form post (application/x-www-form-urlencoded), same-origin unless told otherwise. */
export function postForm(
	path: string,
	fields: Record<string, string>,
	opts: { cookie?: string; origin?: string | null; ip?: string; headers?: Record<string, string> } = {}
): Promise<RawResponse> {
	// A browser asks for HTML; without it SvelteKit answers a form action as JSON (as for use:enhance).
	const headers: Record<string, string> = {
		'content-type': 'application/x-www-form-urlencoded',
		accept: 'text/html,application/xhtml+xml',
		...(opts.headers ?? {})
	};
	const origin = opts.origin === undefined ? baseUrl() : opts.origin;
	if (origin !== null) headers.origin = origin;
	if (opts.cookie) headers.cookie = opts.cookie;
	return raw('POST', path, { headers, body: new URLSearchParams(fields).toString(), ip: opts.ip ?? freshIp() });
}

export function getPage(path: string, opts: { cookie?: string; headers?: Record<string, string>; ip?: string } = {}) {
	const headers: Record<string, string> = { accept: 'text/html', ...(opts.headers ?? {}) };
	if (opts.cookie) headers.cookie = opts.cookie;
	return raw('GET', path, { headers, ip: opts.ip });
}

/** The `sos_session=…` pair from a response's Set-Cookie headers (null when none or when it is cleared). */
export function sessionFrom(res: RawResponse): string | null {
	const c = res.setCookies.find((s) => s.startsWith('sos_session='));
	if (!c) return null;
	const pair = c.split(';')[0];
	return pair === 'sos_session=' ? null : pair;
}

/** A fresh organization with an admin (and its session cookie). */
export async function orgWithAdmin() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	return { org, admin, cookie: await sessionCookie(admin) };
}

/** A member with an account that can sign in with `password`. */
export async function memberWithPassword(organizationId: string, access: Access, password: string) {
	const actor = await createTestActor(organizationId, access);
	await db()
		.insertInto('accounts')
		.values({ email: actor.email, password_hash: await hashPassword(password) })
		.execute();
	return actor;
}

export async function auditActions(organizationId: string) {
	return db()
		.selectFrom('audit_events')
		.select(['action', 'actor', 'target', 'details', 'ip'])
		.where('organization_id', '=', organizationId)
		.orderBy('id')
		.execute();
}

/** The page with the per-response CSP nonce and SvelteKit's per-request ids blanked out, for comparing two answers. */
export function normalizePage(html: string): string {
	return html.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/nonce-[A-Za-z0-9+/=]+/g, 'nonce-');
}

/**
 * A second real server on the test database and SMTP server, with extra environment (e.g. ORIGIN).
 * Resolves once it listens; `stop()` ends exactly that process.
 */
export async function startExtraServer(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
	const { spawn } = await import('node:child_process');
	const { mkdtempSync, rmSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const path = await import('node:path');
	const { inject } = await import('vitest');
	const port = await new Promise<number>((resolve) => {
		const s = http.createServer().listen(0, '127.0.0.1', () => {
			const p = (s.address() as { port: number }).port;
			s.close(() => resolve(p));
		});
	});
	const dataDir = mkdtempSync(path.join(tmpdir(), 'sos-extra-'));
	const child = spawn(process.execPath, ['start.js'], {
		env: {
			...process.env,
			DATABASE_URL: inject('databaseUrl'),
			SMTP_URL: inject('smtpUrl'),
			SOS_DATA_DIR: dataDir,
			SOS_DEMO: 'off',
			HOST: '127.0.0.1',
			PORT: String(port),
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`extra server did not start:\n${out}`)), 30_000);
		child.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			if (out.includes('SOS is running at')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
		child.once('exit', (code) => reject(new Error(`extra server exited with ${code}:\n${out}`)));
	});
	// A server that dies under a test says why, in the test's output.
	let stopping = false;
	child.once('exit', (code) => {
		if (!stopping) console.error(`extra server exited with ${code} during the test:\n${out.slice(-4000)}`);
	});
	return {
		url: `http://127.0.0.1:${port}`,
		stop: async () => {
			stopping = true;
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
