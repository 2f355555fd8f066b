import type { RequestHandler } from './$types';
import { scimReply } from '$lib/server/scim/http';
import { serviceProviderConfig } from '$lib/server/scim/discovery';
import { publicOrigin } from '$lib/server/http/public-url';

/** Discovery documents describe the service only; they need no token (RFC 7644 §4). */
export const GET: RequestHandler = async () => scimReply(serviceProviderConfig(publicOrigin()));
