import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '$lib/api-client/schema';

export type ApiClient = Client<paths>;

/**
 * A typed client of /api/v1, made from the checked-in OpenAPI types (src/lib/api-client/schema.d.ts):
 * paths, parameters, bodies and answers are checked by the compiler. `auth` is an API token (sent as
 * Bearer) or a session cookie (sent with a same-origin Origin header, as a browser would); none for
 * anonymous calls. For raw HTTP (headers, malformed bodies, files) use call() from ./http.
 */
export function apiClient(baseUrl: string, auth?: string | { cookie: string }): ApiClient {
	const headers: Record<string, string> = { origin: baseUrl };
	if (typeof auth === 'string') headers.authorization = `Bearer ${auth}`;
	else if (auth) headers.cookie = auth.cookie;
	return createClient<paths>({ baseUrl: `${baseUrl}/api/v1`, headers, redirect: 'manual' });
}
