import type { RequestHandler } from './$types';
import { readScimBody, scim, scimReply } from '$lib/server/scim/http';
import { createScimUser, listScimUsers } from '$lib/server/scim/users';
import { publicOrigin } from '$lib/server/http/public-url';

export const GET: RequestHandler = scim(async (event, actor) => {
	const p = event.url.searchParams;
	return scimReply(await listScimUsers({ actor, filter: p.get('filter'), startIndex: p.get('startIndex'), count: p.get('count'), origin: publicOrigin() }));
});

export const POST: RequestHandler = scim(async (event, actor) => {
	const user = await createScimUser({ actor, body: await readScimBody(event), origin: publicOrigin() });
	return scimReply(user, 201, { location: user.meta.location });
});
