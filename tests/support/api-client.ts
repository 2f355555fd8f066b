import http from 'node:http';
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '$lib/api-client/schema';

export type ApiClient = Client<paths>;

/**
 * A typed client of /api/v1, made from the checked-in OpenAPI types (src/lib/api-client/schema.d.ts):
 * paths, parameters, bodies and answers are checked by the compiler. `auth` is an API token (sent as
 * Bearer) or a session cookie (sent with a same-origin Origin header, as a browser would); none for
 * anonymous calls. `opts.origin: null` sends no Origin header (as curl); `opts.ip` sends from that loopback
 * address (see freshIp), so per-address limits do not leak between tests. For raw HTTP (headers, malformed
 * bodies, files) use call() from ./http.
 */
export function apiClient(baseUrl: string, auth?: string | { cookie: string }, opts: { origin?: string | null; ip?: string } = {}): ApiClient {
	const headers: Record<string, string> = {};
	const origin = opts.origin === undefined ? baseUrl : opts.origin;
	if (origin !== null) headers.origin = origin;
	if (typeof auth === 'string') headers.authorization = `Bearer ${auth}`;
	else if (auth) headers.cookie = auth.cookie;
	return createClient<paths>({ baseUrl: `${baseUrl}/api/v1`, headers, redirect: 'manual', ...(opts.ip && { fetch: fetchFrom(opts.ip) }) });
}

/** fetch over node:http from a chosen local address, which fetch itself cannot choose. */
function fetchFrom(ip: string) {
	return async (request: Request): Promise<Response> => {
		const url = new URL(request.url);
		const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
		const options = {
			host: url.hostname,
			port: url.port,
			method: request.method,
			path: url.pathname + url.search,
			headers: Object.fromEntries(request.headers),
			localAddress: ip
		};
		return new Promise((resolve, reject) => {
			const req = http.request(options, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const headers = new Headers();
					for (const [name, value] of Object.entries(res.headers)) for (const v of [value ?? []].flat()) headers.append(name, v);
					const status = res.statusCode ?? 0;
					resolve(new Response([204, 205, 304].includes(status) ? null : Buffer.concat(chunks).toString('utf8'), { status, headers }));
				});
			});
			req.on('error', reject);
			if (body) req.write(body);
			req.end();
		});
	};
}
