import type { RequestHandler } from './$types';
import { readScimBody, scim, scimReply } from '$lib/server/scim/http';
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from '$lib/server/scim/users';
import { publicOrigin } from '$lib/server/http/public-url';

export const GET: RequestHandler = scim(async (event, actor) => scimReply(await getScimUser({ actor, userId: event.params.id!, origin: publicOrigin() })));

export const PUT: RequestHandler = scim(async (event, actor) =>
	scimReply(await replaceScimUser({ actor, userId: event.params.id!, body: await readScimBody(event), origin: publicOrigin() }))
);

export const PATCH: RequestHandler = scim(async (event, actor) =>
	scimReply(await patchScimUser({ actor, userId: event.params.id!, body: await readScimBody(event), origin: publicOrigin() }))
);

/** Deactivates: the person and their history stay (docs/scim.md). */
export const DELETE: RequestHandler = scim(async (event, actor) => {
	await deleteScimUser({ actor, userId: event.params.id! });
	return scimReply(null, 204);
});
