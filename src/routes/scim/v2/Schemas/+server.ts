import type { RequestHandler } from './$types';
import { scimReply } from '$lib/server/scim/http';
import { listOf, schemas } from '$lib/server/scim/discovery';
import { publicOrigin } from '$lib/server/http/public-url';

export const GET: RequestHandler = async () => scimReply(listOf(schemas(publicOrigin())));
